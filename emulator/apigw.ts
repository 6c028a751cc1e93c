// API Gateway, both of its APIs. Classic (cloudapi 2016-07-14, RPC): a custom domain of an API group takes the
// certificate itself, PEM and private key (`SetDomainCertificate`), read back by `DescribeDomain`, with the field
// names of the official SDK's models (@alicloud/cloudapi20160714). Cloud-native (apig 2024-03-27, ROA under
// `/v1/domains`): a domain names a certificate by its CAS identifier `<certId>-<certRegion>` (`certIdentifier`),
// read by `GetDomain`, replaced whole by `UpdateDomain` (a field left out falls back to its default, as a PUT does:
// why a client must send back the TLS settings it read), listed by `ListDomains`; field names from the official Go
// SDK (github.com/alibabacloud-go/apig-20240327). Both take effect at once. Clients get what is set (served.ts).
import { createHash, createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { ApiError } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';
import type { RoaProduct } from './roa.js';

export const APIGW_VERSION = '2016-07-14';
export const APIG_VERSION = '2024-03-27';

/** A custom domain of a classic API group (the `apigwDomains` option). */
export interface ApigwDomainSeed {
  groupId: string;
  domainName: string;
  /** Default `cn-hangzhou`. */
  regionId?: string;
  /** Default true: `DomainCNAMEStatus` RESOLVED. */
  cnameResolved?: boolean;
}

/** A cloud-native gateway domain (the `apigDomains` option). */
export interface ApigDomainSeed {
  domainId: string;
  name: string;
  /** Default `cn-hangzhou`. */
  regionId?: string;
  /** Default `HTTPS`. */
  protocol?: 'HTTP' | 'HTTPS';
  /** The CAS id (`123`) it serves from the start. */
  certificate?: string;
  forceHttps?: boolean;
  http2Option?: string;
  tlsMin?: string;
  tlsMax?: string;
  tlsCipherSuitesConfig?: Record<string, JsonValue>;
}

interface ClassicDomain {
  groupId: string;
  domainName: string;
  regionId: string;
  cnameResolved: boolean;
  certificate?: {
    id: string;
    name: string;
    body: string;
    privateKey: string;
    validStart: number;
    validEnd: number;
  };
}

/** What UpdateDomain sets, each field to its default when not sent. */
interface NativeSettings {
  protocol: string;
  certIdentifier?: string;
  caCertIdentifier?: string;
  clientCACert?: string;
  domainScope?: string;
  forceHttps: boolean;
  mTLSEnabled: boolean;
  http2Option: string;
  tlsMin: string;
  tlsMax: string;
  tlsCipherSuitesConfig: Record<string, JsonValue>;
}

interface NativeDomain extends NativeSettings {
  domainId: string;
  name: string;
  regionId: string;
  updatedAt: number;
}

const DEFAULT_CIPHERS: Record<string, JsonValue> = { configType: 'Default' };
const nativeDefaults = (): NativeSettings => ({
  protocol: 'HTTP',
  forceHttps: false,
  mTLSEnabled: false,
  http2Option: 'GlobalConfig',
  tlsMin: 'TLS 1.0',
  tlsMax: 'TLS 1.3',
  tlsCipherSuitesConfig: { ...DEFAULT_CIPHERS },
});

export interface ApigwServiceOptions {
  now: () => number;
  /** A certificate held at Certificate Management Service, by CAS id. */
  held: (certId: string) => { certificatePem: string; chainPem: string; privateKeyPem?: string } | undefined;
  /** The CAS id of a held certificate whose leaf is this PEM's, if any (what a classic domain's clients get). */
  casIdOfPem: (pem: string) => string | undefined;
}

const leafOf = (pem: string) => /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];

export class ApigwService {
  /** The region the account's CAS certificates live in: an identifier naming another is not found. */
  casRegion = 'cn-hangzhou';
  private readonly classic = new Map<string, ClassicDomain>();
  private readonly native = new Map<string, NativeDomain>();
  /** The classic API's operations (RPC, by Version). */
  readonly actions: Record<string, ActionHandler>;

  constructor(private readonly options: ApigwServiceOptions) {
    this.actions = {
      DescribeDomain: (params) => this.describeDomain(params),
      SetDomainCertificate: (params) => this.setDomainCertificate(params),
    };
  }

  addClassicDomain(seed: ApigwDomainSeed): void {
    this.classic.set(`${seed.groupId}/${seed.domainName.toLowerCase()}`, {
      groupId: seed.groupId,
      domainName: seed.domainName.toLowerCase(),
      regionId: seed.regionId ?? 'cn-hangzhou',
      cnameResolved: seed.cnameResolved ?? true,
    });
  }

  addNativeDomain(seed: ApigDomainSeed): NativeDomain {
    const domain: NativeDomain = {
      ...nativeDefaults(),
      protocol: seed.protocol ?? 'HTTPS',
      ...(seed.forceHttps === undefined ? {} : { forceHttps: seed.forceHttps }),
      ...(seed.http2Option === undefined ? {} : { http2Option: seed.http2Option }),
      ...(seed.tlsMin === undefined ? {} : { tlsMin: seed.tlsMin }),
      ...(seed.tlsMax === undefined ? {} : { tlsMax: seed.tlsMax }),
      ...(seed.tlsCipherSuitesConfig === undefined
        ? {}
        : { tlsCipherSuitesConfig: seed.tlsCipherSuitesConfig }),
      ...(seed.certificate === undefined ? {} : { certIdentifier: `${seed.certificate}-${this.casRegion}` }),
      domainId: seed.domainId,
      name: seed.name.toLowerCase(),
      regionId: seed.regionId ?? 'cn-hangzhou',
      updatedAt: this.options.now(),
    };
    this.native.set(domain.domainId, domain);
    return domain;
  }

  classicDomain(groupId: string, domainName: string): ClassicDomain | undefined {
    return this.classic.get(`${groupId}/${domainName.toLowerCase()}`);
  }

  nativeDomain(domainId: string): NativeDomain | undefined {
    return this.native.get(domainId);
  }

  /** What clients of `d-…` or `<groupId>/<domain>` get now (emulator/served.ts): CAS ids. */
  servedSet(resource: string): { default?: string; extensions: string[] } | undefined {
    const slash = resource.indexOf('/');
    if (slash < 0) {
      const domain = this.native.get(resource);
      if (domain?.protocol !== 'HTTPS') return undefined;
      const casId = domain.certIdentifier?.replace(/-.*$/, '');
      return { ...(casId ? { default: casId } : {}), extensions: [] };
    }
    const domain = this.classicDomain(resource.slice(0, slash), resource.slice(slash + 1));
    if (!domain) return undefined;
    const casId = domain.certificate && this.options.casIdOfPem(domain.certificate.body);
    return { ...(casId ? { default: casId } : {}), extensions: [] };
  }

  /** The cloud-native API's routes (emulator/roa.ts). */
  roaProduct(): RoaProduct<'apig'> {
    return {
      name: 'apig',
      version: APIG_VERSION,
      host: 'apig.cn-hangzhou.aliyuncs.com',
      prefix: '/v1/domains/',
      routes: [
        {
          method: 'GET',
          path: '/v1/domains',
          action: 'ListDomains',
          handle: ({ query }) => this.listDomains(query),
        },
        {
          method: 'GET',
          path: '/v1/domains/{domainId}',
          action: 'GetDomain',
          handle: ({ path }) => this.answer({ ...this.getDomain(path.domainId ?? '') }),
        },
        {
          method: 'PUT',
          path: '/v1/domains/{domainId}',
          action: 'UpdateDomain',
          handle: ({ path, body }) => this.updateDomain(path.domainId ?? '', body),
        },
      ],
    };
  }

  // --- classic -------------------------------------------------------------------------------------------

  private findClassic(params: RequestParams): ClassicDomain {
    const groupId = params.required('GroupId');
    const domainName = params.required('DomainName').toLowerCase();
    const inGroup = [...this.classic.values()].filter((d) => d.groupId === groupId);
    if (inGroup.length === 0)
      throw new ApiError(404, 'NotFoundApiGroup', `Cannot find the group ${groupId}.`);
    const domain = inGroup.find((d) => d.domainName === domainName);
    if (!domain)
      throw new ApiError(404, 'NotFoundDomain', `The domain ${domainName} is not bound to group ${groupId}.`);
    return domain;
  }

  private describeDomain(params: RequestParams): Record<string, JsonValue> {
    const domain = this.findClassic(params);
    const certificate = domain.certificate;
    return {
      GroupId: domain.groupId,
      DomainName: domain.domainName,
      SubDomain: `${domain.groupId}-${domain.regionId}.alicloudapi.com`,
      DomainBindingStatus: 'BINDING',
      DomainCNAMEStatus: domain.cnameResolved ? 'RESOLVED' : 'UNRESOLVED',
      DomainLegalStatus: 'NORMAL',
      DomainWebSocketStatus: 'CLOSE',
      DomainRemark: '',
      ...(certificate
        ? {
            CertificateId: certificate.id,
            CertificateName: certificate.name,
            CertificateBody: certificate.body,
            // The model has the field: the service gives the key back (a client must mask what it reads).
            CertificatePrivateKey: certificate.privateKey,
            CertificateValidStart: certificate.validStart,
            CertificateValidEnd: certificate.validEnd,
          }
        : {}),
    };
  }

  private setDomainCertificate(params: RequestParams): Record<string, JsonValue> {
    const domain = this.findClassic(params);
    const name = params.required('CertificateName');
    const body = params.required('CertificateBody');
    const privateKey = params.required('CertificatePrivateKey');
    const leafPem = leafOf(body);
    let leaf: X509Certificate;
    try {
      leaf = new X509Certificate(leafPem ?? '');
    } catch {
      throw new ApiError(400, 'InvalidCertificateBody', 'The certificate body is not a PEM certificate.');
    }
    let matches = false;
    try {
      matches = leaf.checkPrivateKey(createPrivateKey(privateKey));
    } catch {
      throw new ApiError(400, 'InvalidCertificatePrivateKey', 'The private key cannot be read.');
    }
    if (!matches)
      throw new ApiError(400, 'CertificateKeyNotMatch', 'The private key does not match the certificate.');
    if (
      !leaf.subjectAltName?.split(/,\s*/).some((san) => covers(san.replace(/^DNS:/, ''), domain.domainName))
    )
      throw new ApiError(
        400,
        'CertificateDomainNotMatch',
        `The certificate does not cover the domain ${domain.domainName}.`,
      );
    domain.certificate = {
      id: randomBytes(16).toString('hex'),
      name,
      body,
      privateKey,
      validStart: new Date(leaf.validFrom).getTime(),
      validEnd: new Date(leaf.validTo).getTime(),
    };
    return {};
  }

  // --- cloud-native ----------------------------------------------------------------------------------------

  private answer(data: Record<string, JsonValue>): Record<string, JsonValue> {
    return { code: 'Ok', message: 'success', requestId: randomBytes(16).toString('hex').toUpperCase(), data };
  }

  private findNative(domainId: string): NativeDomain {
    const domain = this.native.get(domainId);
    if (!domain)
      throw new ApiError(404, 'DatabaseError.RecordNotFound', `The domain ${domainId} does not exist.`);
    return domain;
  }

  private getDomain(domainId: string): Record<string, JsonValue> {
    const d = this.findNative(domainId);
    const held = d.certIdentifier ? this.options.held(d.certIdentifier.replace(/-.*$/, '')) : undefined;
    const leaf = held ? new X509Certificate(held.certificatePem) : undefined;
    return {
      domainId: d.domainId,
      name: d.name,
      protocol: d.protocol,
      forceHttps: d.forceHttps,
      mTLSEnabled: d.mTLSEnabled,
      http2Option: d.http2Option,
      tlsMin: d.tlsMin,
      tlsMax: d.tlsMax,
      tlsCipherSuitesConfig: d.tlsCipherSuitesConfig,
      ...(d.certIdentifier ? { certIdentifier: d.certIdentifier } : {}),
      ...(d.caCertIdentifier ? { caCertIdentifier: d.caCertIdentifier } : {}),
      ...(d.clientCACert ? { clientCACert: d.clientCACert } : {}),
      ...(d.domainScope ? { domainScope: d.domainScope } : {}),
      ...(leaf
        ? {
            certName: `cas-${d.certIdentifier}`,
            sans: (leaf.subjectAltName ?? '').replace(/DNS:/g, ''),
            notAfterTimstamp: new Date(leaf.validTo).getTime(),
            notBeforeTimestamp: new Date(leaf.validFrom).getTime(),
            certDetailStatus: 'Ok',
          }
        : {}),
      updatetimestamp: d.updatedAt,
    };
  }

  private updateDomain(domainId: string, body: Record<string, unknown>): Record<string, JsonValue> {
    const domain = this.findNative(domainId);
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
    const flag = (name: string) => (typeof body[name] === 'boolean' ? (body[name] as boolean) : undefined);
    const protocol = text('protocol');
    if (protocol !== undefined && protocol !== 'HTTP' && protocol !== 'HTTPS')
      throw new ApiError(400, 'InvalidParameter.Protocol', `The protocol ${protocol} is not HTTP or HTTPS.`);
    const certIdentifier = text('certIdentifier');
    if (certIdentifier !== undefined) {
      const [, casId, region] = /^(\d+)-(.+)$/.exec(certIdentifier) ?? [];
      if (!casId || region !== this.casRegion || !this.options.held(casId))
        throw new ApiError(
          404,
          'NotFound.CertificateNotFound',
          `The certificate ${certIdentifier} is not found in Certificate Management Service.`,
        );
    }
    if ((protocol ?? 'HTTP') === 'HTTPS' && certIdentifier === undefined)
      throw new ApiError(400, 'InvalidParameter.CertIdentifier', 'An HTTPS domain needs certIdentifier.');
    const ciphers = body.tlsCipherSuitesConfig;
    const settings: NativeSettings = {
      ...nativeDefaults(),
      ...(protocol === undefined ? {} : { protocol }),
      ...(certIdentifier === undefined ? {} : { certIdentifier }),
      ...Object.fromEntries(
        (
          ['caCertIdentifier', 'clientCACert', 'domainScope', 'http2Option', 'tlsMin', 'tlsMax'] as const
        ).flatMap((name) => (text(name) === undefined ? [] : [[name, text(name)]])),
      ),
      ...Object.fromEntries(
        (['forceHttps', 'mTLSEnabled'] as const).flatMap((name) =>
          flag(name) === undefined ? [] : [[name, flag(name)]],
        ),
      ),
      ...(ciphers !== null && typeof ciphers === 'object' && !Array.isArray(ciphers)
        ? { tlsCipherSuitesConfig: ciphers as Record<string, JsonValue> }
        : {}),
    };
    for (const name of ['certIdentifier', 'caCertIdentifier', 'clientCACert', 'domainScope'] as const)
      delete domain[name];
    Object.assign(domain, settings, { updatedAt: this.options.now() });
    return this.answer({ deployRevisionId: `apr-${randomBytes(6).toString('hex')}` });
  }

  private listDomains(query: Map<string, string>): Record<string, JsonValue> {
    const pageNumber = Math.max(1, Number(query.get('pageNumber') ?? 1) || 1);
    const pageSize = Math.min(100, Math.max(1, Number(query.get('pageSize') ?? 10) || 10));
    const nameLike = query.get('nameLike')?.toLowerCase();
    const all = [...this.native.values()].filter((d) => !nameLike || d.name.includes(nameLike));
    const items = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((d) => ({
      domainId: d.domainId,
      name: d.name,
      protocol: d.protocol,
      forceHttps: d.forceHttps,
      mTLSEnabled: d.mTLSEnabled,
      tlsMin: d.tlsMin,
      tlsMax: d.tlsMax,
      status: 'Published',
      ...(d.certIdentifier ? { certIdentifier: d.certIdentifier } : {}),
      updateTimestamp: d.updatedAt,
    }));
    return this.answer({ items, pageNumber, pageSize, totalSize: all.length });
  }
}

function covers(name: string, host: string): boolean {
  const n = name.toLowerCase();
  if (n === host) return true;
  return n.startsWith('*.') && host.endsWith(n.slice(1)) && !host.slice(0, -n.length + 1).includes('.');
}

/** The SHA-256 of a PEM's leaf, upper-case hex: how a classic domain's body is matched to a held certificate. */
export function leafSha256(pem: string): string | undefined {
  const leaf = leafOf(pem);
  if (!leaf) return undefined;
  try {
    return createHash('sha256').update(new X509Certificate(leaf).raw).digest('hex').toUpperCase();
  } catch {
    return undefined;
  }
}
