// mode: delete — removes a certificate held at the service (cert-id), unless one of `cdn-domains` still serves it
// (DescribeDomainCertificateInfo); safe to run twice: a certificate already gone is reported as deleted.
import { AliyunApiError } from '../aliyun/errors.js';
import { FlowError } from '../core/errors.js';
import type { FlowResult } from '../core/result.js';
import type { FlowContext } from '../flows/context.js';

/** A wildcard CDN domain is named `.example.com` at the service; `*.example.com` is accepted for it. */
export function cdnDomainName(input: string): string {
  return input.replace(/^\*\./, '.');
}

export async function deleteCertificate(ctx: FlowContext): Promise<FlowResult> {
  const { config, log } = ctx;
  const certId = config.certId ?? '';
  for (const domain of config.deploy.cdnDomains) await refuseIfServed(ctx, domain, certId);
  const store = await ctx.held();
  let removed: boolean;
  try {
    removed = await store.delete(certId);
  } catch (error) {
    if (!(error instanceof AliyunApiError && error.outcomeUnknown)) throw error;
    // Sent without a clear answer: whether it is gone is read, and deleting again is harmless if it is not.
    log.warning(`${error.describe()}; checking whether certificate ${certId} is still there.`);
    removed = (await store.download(certId)) === undefined ? true : await store.delete(certId);
  }
  log.info(
    removed
      ? `Deleted certificate ${certId}.`
      : `Certificate ${certId} is not at the service (deleted before): nothing to do.`,
  );
  return {
    status: 'deleted',
    certId,
    timeline: [],
    details: [
      ['Deleted', removed ? 'yes' : 'no: it was not at the service'],
      ['API version', store.apiVersion],
    ],
  };
}

async function refuseIfServed(ctx: FlowContext, domain: string, certId: string): Promise<void> {
  let served: Awaited<ReturnType<FlowContext['cdn']['describeDomainCertificate']>>;
  try {
    served = await ctx.cdn.describeDomainCertificate(cdnDomainName(domain));
  } catch (error) {
    if (error instanceof AliyunApiError && /^InvalidDomain\.NotFound$|^DomainNotFound/i.test(error.code)) {
      throw new FlowError(
        `CDN domain ${domain} is not in this account (${error.code}); check cdn-domains and the cdn-endpoint.`,
      );
    }
    throw error;
  }
  if (served?.certId === certId) {
    throw new FlowError(
      `Certificate ${certId} is still served by CDN domain ${domain} (input 'cdn-domains'); deploy another ` +
        'certificate to it first, then delete this one. Nothing was deleted.',
    );
  }
  ctx.log.info(`CDN domain ${domain} does not serve certificate ${certId}.`);
}
