// The certificate API's own rules on the inputs (docs/certificate-apis.md), checked before any call.
import type { ModeInputs } from './inputs.js';
import type { ReportProblem } from './readers.js';

/** The certificate API's own rules (docs/certificate-apis.md), checked before any call. */
export function checkApiRequirements(c: ModeInputs, fail: ReportProblem): void {
  const api = c.certificateApi;
  if (api === 'order' && c.instanceId)
    fail('instance-id', 'names an instance, which certificate-api order does not use');
  if ((api === 'instance' || api === 'legacy-dv') && c.orderId)
    fail('order-id', `names an order, which certificate-api ${api} does not use (give instance-id)`);
  if (c.orderId && c.instanceId) fail('instance-id', 'and order-id cannot both be given');
  // An OV or EV certificate is issued to a company: without one, ApplyCertificate is refused after UpdateInstance
  // has already changed the instance (docs/certificate-apis.md).
  if (
    c.certificateType !== 'DV' &&
    !c.companyId &&
    api !== 'order' &&
    api !== 'legacy-dv' &&
    c.mode === 'issue'
  )
    fail(
      'company-id',
      `is required with certificate-type ${c.certificateType} (the id of the company in the Certificate ` +
        `Management Service console that the ${c.certificateType} certificate is issued to)`,
    );
  if (api !== 'legacy-dv') return;
  if (c.instanceId && !/^cas-/.test(c.instanceId))
    fail(
      'instance-id',
      `must be a 2018 DV instance id (cas-cn-…) with certificate-api legacy-dv (got '${c.instanceId}')`,
    );
  if (c.mode === 'cancel' || c.mode === 'revoke')
    fail(
      'certificate-api',
      `legacy-dv has no operation for mode ${c.mode} (the 2018 DV API cannot withdraw or revoke)`,
    );
  if (c.mode !== 'issue') return;
  // CreateDVOrderAudit takes all eight as required (docs/certificate-apis.md, the 2018 DV API).
  for (const [input, value] of [
    ['contact-name', c.contact.name],
    ['contact-phone', c.contact.phone],
    ['contact-email', c.contact.email],
  ] as const) {
    if (!value) fail(input, 'is required with certificate-api legacy-dv (CreateDVOrderAudit needs it)');
  }
  if (c.domains.length > 1) fail('domains', 'must hold exactly one name with certificate-api legacy-dv');
  if (c.csr) fail('csr', 'is not accepted by the 2018 DV API (certificate-api legacy-dv)');
}
