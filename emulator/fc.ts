// Function Compute 3.0 custom domains (ROA, 2023-03-30), as the official SDK @alicloud/fc20230330 models them: a
// domain holds its HTTPS certificate itself (`certConfig` {certName, certificate, privateKey}: PEM, not a CAS id),
// `protocol` HTTP, HTTPS or `HTTP,HTTPS`, `tlsConfig`, routes and the rest. UpdateCustomDomain changes the fields
// it is sent and keeps the others; GetCustomDomain never gives the private key back. A change is served at once.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { ApiError } from './errors.js';
import type { RoaCall, RoaProduct } from './roa.js';
import type { ServedSet } from './served.js';

export const FC_VERSION = '2023-03-30';
const PROTOCOLS = new Set(['HTTP', 'HTTPS', 'HTTP,HTTPS']);
const PAGE_SIZE = 20;

export interface FcDomainSeed {
  domainName: string;
  /** Default `HTTP`. */
  protocol?: string;
  /** A certificate it serves from the start (PEM chain and key), under `certName`. */
  certificate?: { certName: string; certificatePem: string; privateKeyPem: string };
  tlsConfig?: Record<string, unknown>;
  /** Default: one route to a function `web`. */
  routeConfig?: Record<string, unknown>;
}

interface FcDomain {
  domainName: string;
  protocol: string;
  certConfig?: { certName: string; certificate: string; privateKey: string };
  /** Every other field as last written (tlsConfig, routeConfig, authConfig, corsConfig, wafConfig). */
  fields: Record<string, unknown>;
  createdTime: string;
  lastModifiedTime: string;
}

const KEPT_FIELDS = ['tlsConfig', 'routeConfig', 'authConfig', 'corsConfig', 'wafConfig'] as const;

const invalid = (message: string) => new ApiError(400, 'InvalidArgument', message);
const notFound = (name: string) =>
  new ApiError(404, 'DomainNameNotFound', `custom domain name '${name}' does not exist`);

/** Whether the key is the certificate's: the first PEM block's public key against the key's. */
function checkCertConfig(value: unknown): FcDomain['certConfig'] {
  if (value === null || typeof value !== 'object') throw invalid('certConfig must be an object');
  const { certName, certificate, privateKey } = value as Record<string, unknown>;
  if (typeof certName !== 'string' || !/^[a-zA-Z0-9_-]{1,128}$/.test(certName))
    throw invalid(`certConfig.certName '${String(certName)}' must be 1-128 letters, digits, '_' or '-'`);
  if (typeof certificate !== 'string' || typeof privateKey !== 'string')
    throw invalid('certConfig needs certificate and privateKey (PEM)');
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certificate);
  } catch {
    throw invalid('certConfig.certificate is not a PEM certificate');
  }
  let matches: boolean;
  try {
    const fromKey = createPublicKey(createPrivateKey(privateKey)).export({ type: 'spki', format: 'der' });
    matches = leaf.publicKey.export({ type: 'spki', format: 'der' }).equals(fromKey);
  } catch {
    throw invalid('certConfig.privateKey is not a PEM private key');
  }
  if (!matches) throw invalid('certConfig.privateKey does not match certConfig.certificate');
  return { certName, certificate, privateKey };
}

export class FcService {
  private readonly domains = new Map<string, FcDomain>();

  constructor(private readonly options: { now: () => number; accountId?: string }) {}

  addDomain(seed: FcDomainSeed): void {
    const at = new Date(this.options.now()).toISOString();
    this.domains.set(seed.domainName, {
      domainName: seed.domainName,
      protocol: seed.protocol ?? 'HTTP',
      ...(seed.certificate
        ? {
            certConfig: {
              certName: seed.certificate.certName,
              certificate: seed.certificate.certificatePem,
              privateKey: seed.certificate.privateKeyPem,
            },
          }
        : {}),
      fields: {
        routeConfig: seed.routeConfig ?? {
          routes: [{ functionName: 'web', path: '/*', qualifier: 'LATEST', methods: ['GET', 'POST'] }],
        },
        ...(seed.tlsConfig ? { tlsConfig: seed.tlsConfig } : {}),
      },
      createdTime: at,
      lastModifiedTime: at,
    });
  }

  /** The domain as the tests inspect it (the key included). */
  domain(name: string): FcDomain | undefined {
    return this.domains.get(name);
  }

  /** What clients get over HTTPS: the certificate the domain holds, once its protocol includes HTTPS. */
  servedSet(name: string): ServedSet | undefined {
    const domain = this.domains.get(name);
    if (!domain?.certConfig || !domain.protocol.includes('HTTPS')) return undefined;
    return { own: { cert: domain.certConfig.certificate, key: domain.certConfig.privateKey } };
  }

  /** A domain in the SDK's CustomDomain fields; `certConfig` without its private key. */
  private answer(domain: FcDomain): Record<string, unknown> {
    return {
      accountId: this.options.accountId ?? '1234567890123456',
      apiVersion: FC_VERSION,
      domainName: domain.domainName,
      protocol: domain.protocol,
      ...(domain.certConfig
        ? { certConfig: { certName: domain.certConfig.certName, certificate: domain.certConfig.certificate } }
        : {}),
      ...domain.fields,
      createdTime: domain.createdTime,
      lastModifiedTime: domain.lastModifiedTime,
      subdomainCount: '1',
    };
  }

  private get({ path }: RoaCall): Record<string, unknown> {
    const domain = this.domains.get(path.domainName ?? '');
    if (!domain) throw notFound(path.domainName ?? '');
    return this.answer(domain);
  }

  private update({ path, body }: RoaCall): Record<string, unknown> {
    const domain = this.domains.get(path.domainName ?? '');
    if (!domain) throw notFound(path.domainName ?? '');
    const protocol = body.protocol === undefined ? domain.protocol : body.protocol;
    if (typeof protocol !== 'string' || !PROTOCOLS.has(protocol))
      throw invalid(`protocol '${String(protocol)}' must be HTTP, HTTPS or HTTP,HTTPS`);
    const certConfig = body.certConfig === undefined ? domain.certConfig : checkCertConfig(body.certConfig);
    if (protocol.includes('HTTPS') && !certConfig)
      throw invalid(`protocol ${protocol} needs certConfig: the domain has no certificate`);
    domain.protocol = protocol;
    if (certConfig) domain.certConfig = certConfig;
    for (const field of KEPT_FIELDS) if (body[field] !== undefined) domain.fields[field] = body[field];
    domain.lastModifiedTime = new Date(this.options.now()).toISOString();
    return this.answer(domain);
  }

  private list({ query }: RoaCall): Record<string, unknown> {
    const prefix = query.get('prefix') ?? '';
    const limit = Math.min(Number(query.get('limit') ?? PAGE_SIZE) || PAGE_SIZE, 100);
    const names = [...this.domains.keys()].filter((name) => name.startsWith(prefix)).sort();
    const start = query.get('nextToken') ? names.indexOf(query.get('nextToken') ?? '') : 0;
    if (start < 0) throw invalid('nextToken is not one this listing gave');
    const page = names.slice(start, start + limit);
    const next = names[start + limit];
    return {
      customDomains: page.map((name) => this.answer(this.domains.get(name) as FcDomain)),
      ...(next ? { nextToken: next } : {}),
    };
  }

  readonly product: RoaProduct<'fc'> = {
    name: 'fc',
    version: FC_VERSION,
    host: 'fcv3.cn-hangzhou.aliyuncs.com',
    prefix: `/${FC_VERSION}/`,
    routes: [
      {
        method: 'GET',
        path: `/${FC_VERSION}/custom-domains/{domainName}`,
        action: 'GetCustomDomain',
        handle: (call) => this.get(call),
      },
      {
        method: 'PUT',
        path: `/${FC_VERSION}/custom-domains/{domainName}`,
        action: 'UpdateCustomDomain',
        handle: (call) => this.update(call),
      },
      {
        method: 'GET',
        path: `/${FC_VERSION}/custom-domains`,
        action: 'ListCustomDomains',
        handle: (call) => this.list(call),
      },
    ],
  };
}
