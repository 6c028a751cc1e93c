// The certificate sources, one line each: the order API is loaded with the entry (the no-op scheduled check is an
// `issue` on it); every other source only when it serves the run (test/e2e/loaded-modules.test.ts).
import type { CertificateApi } from '../authority/port.js';
import { FlowError } from '../core/errors.js';
import type { FlowContext } from '../flows/context.js';
import { createOrderSource } from './order/order-source.js';
import type { CertificateSource } from './port.js';

const SOURCES: Record<CertificateApi, (ctx: FlowContext) => Promise<CertificateSource>> = {
  order: async (ctx) => createOrderSource(ctx),
  instance: async (ctx) => (await import('./instance/instance-source.js')).createInstanceSource(ctx),
  'legacy-dv': async (ctx) => (await import('./legacy-dv/legacy-dv-source.js')).createLegacyDvSource(ctx),
  acme: async (ctx) => (await import('./acme/acme-source.js')).createAcmeSource(ctx),
};

/**
 * Every source that holds something at the service, in the order the account report and the plan read them: an
 * ACME CA holds nothing there (what it issued and was uploaded is a held certificate).
 */
export const SOURCE_APIS = (Object.keys(SOURCES) as CertificateApi[]).filter((api) => api !== 'acme');

export function openSource(ctx: FlowContext, api: CertificateApi): Promise<CertificateSource> {
  return SOURCES[api](ctx);
}

/**
 * The source of a mode that acts on a certificate that exists (renew, cancel, revoke, status): an instance when
 * instance-id names one (of the 2018 DV API with certificate-api legacy-dv), else an order.
 */
export function sourceOfExisting(config: FlowContext['config']): CertificateApi {
  if (!config.instanceId) return 'order';
  return config.certificateApi === 'legacy-dv' ? 'legacy-dv' : 'instance';
}

export type SourceOperation = 'renew' | 'cancel' | 'revoke';

/** The answer of a mode whose source leaves the operation out. */
export function unsupported(source: CertificateSource, operation: SourceOperation): FlowError {
  const advice =
    operation === 'renew'
      ? 'order a new certificate with mode: issue, as the scheduled renewal workflow does when it is due.'
      : 'act on it in the Certificate Management Service console.';
  return new FlowError(`${source.title} cannot ${operation} a certificate; ${advice}`);
}
