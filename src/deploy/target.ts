// The deploy target port: a product that serves certificates on domains (CDN, DCDN, …). Adding a target is a
// file beside this one and one line in registry.ts (docs/deploy.md).
import type { RpcClient } from '../aliyun/rpc.js';
import type { Config } from '../config/config.js';

/** What a domain serves now, as its product reports it. */
export interface ServedCertificate {
  certId?: string;
  /** `success`, `checking`, `cname_error`, … (002; statuses.ts). */
  status?: string;
  /** `free`, `cas` or `upload`: only `cas` and `upload` certificates are held at Certificate Management Service. */
  certType?: string;
  /** False only when the product says HTTPS is off. */
  httpsOn: boolean;
  notAfter?: Date;
}

export interface DeployTarget {
  /** `CDN`, `DCDN`: how messages and the summary name the product. */
  readonly label: string;
  /** The input that lists this target's domains. */
  readonly input: string;
  /** The domain as the product names it (a wildcard CDN domain is `.example.com`, given as `*.example.com`). */
  serviceName(domain: string): string;
  /** Reads what the domain serves. */
  served(serviceName: string): Promise<ServedCertificate>;
  /** Sets a certificate held at Certificate Management Service on the domain (HTTPS on). */
  set(serviceName: string, certId: string): Promise<void>;
}

export type DeployTargetFactory = (client: RpcClient, config: Config) => DeployTarget;

/** `*.example.com` → `.example.com`, as CDN and DCDN name a wildcard domain; everything else as it is. */
export function acceleratedDomainName(domain: string): string {
  return domain.startsWith('*.') ? domain.slice(1) : domain;
}
