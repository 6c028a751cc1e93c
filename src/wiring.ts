// Wiring, beside the entry: the one way to build the signed client, the credentials chain and the services from
// a Config, shared by the main and post steps.
import { createCredentialsProvider, type ProviderDeps } from './aliyun/credentials.js';
import { type RpcCallRecord, RpcClient } from './aliyun/rpc.js';
import { createOrderApi } from './authority/order-api.js';
import type { CertificateAuthority } from './authority/port.js';
import type { Config } from './config.js';
import { type CdnService, createCdnService } from './services/cdn.js';
import { createDnsService, type DnsService } from './services/dns.js';

/** What the credentials chain needs from the runner: masking, and GitHub's ID token for a role. */
export type CredentialHooks = Omit<ProviderDeps, 'sts'>;

export interface Services {
  client: RpcClient;
  authority: CertificateAuthority;
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

/**
 * After wait-timeout, the time a run still has for the calls that follow the wait (fetching, clean-up, delivery):
 * no retry wait of any call ends later than wait-timeout plus this (docs/faults.md, "No hang").
 */
export const AFTER_WAIT_ALLOWANCE_MS = 30_000;

/** The epoch ms past which no call of this run waits to retry: the run's start, wait-timeout, the allowance. */
export function runDeadline(config: Config, startedAt: number = Date.now()): number {
  return startedAt + config.waitTimeoutSeconds * 1000 + AFTER_WAIT_ALLOWANCE_MS;
}

/** `hooks.maskSecret` also masks every private key an answer carries, before any caller sees it. */
export function createServices(
  config: Config,
  onCall: ((call: RpcCallRecord) => void) | undefined,
  hooks: CredentialHooks,
  limits: { deadline?: number; onWarning?: (message: string) => void } = {},
): Services {
  const credentials = createCredentialsProvider(config.credentials, {
    ...hooks,
    // Loaded only when a role is assumed: a run with keys never loads STS.
    sts: {
      assumeRoleWithOidc: async (request) =>
        (await import('./services/sts.js'))
          .createStsService(config.endpoints.sts)
          .assumeRoleWithOidc(request),
    },
  });
  const client = new RpcClient({
    credentials,
    onCall,
    ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
    ...(limits.onWarning ? { onWarning: limits.onWarning } : {}),
  });
  return {
    client,
    authority: createOrderApi(client, config.endpoints.cas, hooks.maskSecret),
    dns: createDnsService(client, config.endpoints.dns),
    cdn: createCdnService(client, config.endpoints.cdn),
  };
}
