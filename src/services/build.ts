// The one way to build the signed client and the services from a Config: shared by the main and post steps.
import { createCredentialsProvider, type ProviderDeps } from '../aliyun/credentials.js';
import { type RpcCallRecord, RpcClient } from '../aliyun/rpc.js';
import type { Config } from '../config.js';
import { createCasOrderService } from './cas.js';
import { type CdnService, createCdnService } from './cdn.js';
import type { CertificateAuthorityService } from './certificate-authority.js';
import { createDnsService, type DnsService } from './dns.js';
import { createStsService } from './sts.js';

/** What the credentials chain needs from the runner: masking, and GitHub's ID token for a role. */
export type CredentialHooks = Omit<ProviderDeps, 'sts'>;

export interface Services {
  client: RpcClient;
  cas: CertificateAuthorityService;
  dns: DnsService;
  cdn: CdnService;
}

/** One debug line per call attempt: never parameters, so never secrets. */
export function describeCall(c: RpcCallRecord): string {
  return (
    `${c.action} (${c.version}) attempt ${c.attempt}: ${c.status ?? 'no answer'}` +
    `${c.code ? ` ${c.code}` : ''}, RequestId ${c.requestId ?? '-'}, ${c.durationMs} ms`
  );
}

export function createServices(
  config: Config,
  onCall: ((call: RpcCallRecord) => void) | undefined,
  hooks: CredentialHooks,
): Services {
  const credentials = createCredentialsProvider(config.credentials, {
    ...hooks,
    sts: createStsService(config.endpoints.sts),
  });
  const client = new RpcClient({ credentials, onCall });
  return {
    client,
    cas: createCasOrderService(client, config.endpoints.cas),
    dns: createDnsService(client, config.endpoints.dns),
    cdn: createCdnService(client, config.endpoints.cdn),
  };
}
