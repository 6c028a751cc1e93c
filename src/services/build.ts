// The one way to build the signed client and the services from a Config: shared by the main and post steps.
import { type RpcCallRecord, RpcClient } from '../aliyun/rpc.js';
import { createOrderApi } from '../authority/order-api.js';
import type { CertificateAuthority } from '../authority/port.js';
import type { Config } from '../config.js';
import { type CdnService, createCdnService } from './cdn.js';
import { createDnsService, type DnsService } from './dns.js';

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

/** `maskSecret` is applied to every private key an answer carries, before any caller sees it. */
export function createServices(
  config: Config,
  onCall?: (call: RpcCallRecord) => void,
  maskSecret: (secret: string) => void = () => {},
): Services {
  const client = new RpcClient({ credentials: config.credentials, onCall });
  return {
    client,
    authority: createOrderApi(client, config.endpoints.cas, maskSecret),
    dns: createDnsService(client, config.endpoints.dns),
    cdn: createCdnService(client, config.endpoints.cdn),
  };
}
