// CDN (API 2018-05-10) and DCDN (API 2018-01-15): the certificate an accelerated domain serves, and setting it
// (docs/deploy.md, docs/vendor-facts.md). `SetCdnDomainSSLCertificate` / `SetDcdnDomainSSLCertificate` do not take
// effect at once: for `deployDelayMs` the domain still serves its old certificate with `Status` `checking`, then the
// new one with `success`. A wildcard domain is named `.example.com` at the service, never `*.example.com`.
import { X509Certificate } from 'node:crypto';
import { ApiError, invalidParameter, missingParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const CDN_VERSION = '2018-05-10';
export const DCDN_VERSION = '2018-01-15';

/** The regions a CAS certificate may live in, as `CertRegion` names them. */
export const CERT_REGIONS = ['cn-hangzhou', 'ap-southeast-1'] as const;

export interface CdnCertificateInput {
  certificatePem: string;
  certId?: string;
  certName?: string;
  certType?: 'free' | 'cas' | 'upload';
  status?: string;
  serverCertificateStatus?: 'on' | 'off';
  certRegion?: string;
}

type Served = CdnCertificateInput & { updatedAt: number };

export interface CdnDomain {
  /** As the service names it: a wildcard domain is `.example.com`. */
  domainName: string;
  certificate?: Served;
  /** Set by the last Set…SSLCertificate call; served from `effectiveAt` on. */
  pending?: { certificate: Served | undefined; effectiveAt: number };
  /** How long a new certificate takes to be served (the `checking` phase). */
  deployDelayMs: number;
  /**
   * A fault of the domain itself (`cname_error`, `domain_invalid`, …; docs/deploy.md): shown as `Status` after a
   * set, and the new certificate never takes effect.
   */
  failStatus?: string;
}

/** A certificate held at CAS, found by its id, for `CertType cas`. */
export type HeldCertificateLookup = (
  certId: string,
) => Promise<{ certificatePem: string; chainPem: string; certId: string } | undefined>;

/** Finds the issued certificate of a CAS order, so a CDN domain can serve it. */
export type OrderCertificateLookup = (
  orderId: bigint,
) => Promise<{ certificatePem: string; chainPem: string; certId: string } | undefined>;

export interface CdnServiceOptions {
  product?: 'cdn' | 'dcdn';
  now?: () => number;
  lookUpOrder?: OrderCertificateLookup;
  lookUpCertificate?: HeldCertificateLookup;
}

/** 2018-06-03T22:03:39Z: ISO 8601 to the second, as the CDN API writes times. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function fieldOf(distinguishedName: string, field: string): string | undefined {
  for (const line of distinguishedName.split('\n')) {
    if (line.startsWith(`${field}=`)) return line.slice(field.length + 1);
  }
  return undefined;
}

/** `*.example.com` typed by a test is the service's `.example.com`. */
function serviceName(domainName: string): string {
  const name = domainName.toLowerCase();
  return name.startsWith('*.') ? name.slice(1) : name;
}

/** The certificate's DNS names (SANs, else the CN), lower case. */
function namesOf(certificate: X509Certificate): string[] {
  const sans = [...(certificate.subjectAltName ?? '').matchAll(/DNS:([^,\s]+)/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  const cn = fieldOf(certificate.subject, 'CN')?.toLowerCase();
  return sans.length > 0 ? sans : cn ? [cn] : [];
}

/** Whether a certificate name covers the domain as the service names it (`.example.com` needs `*.example.com`). */
function covers(names: string[], domainName: string): boolean {
  if (domainName.startsWith('.')) return names.includes(`*${domainName}`);
  return names.some((name) => {
    if (name === domainName) return true;
    if (!name.startsWith('*.')) return false;
    const dot = domainName.indexOf('.');
    return dot > 0 && domainName.slice(dot + 1) === name.slice(2);
  });
}

export class CdnService {
  private readonly domainMap = new Map<string, CdnDomain>();
  readonly product: 'cdn' | 'dcdn';
  /** The region this account's CAS certificates live in; a `CertRegion` naming the other finds nothing. */
  casRegion: string = 'cn-hangzhou';
  private readonly now: () => number;
  private readonly lookUpOrder: OrderCertificateLookup | undefined;
  private readonly lookUpCertificate: HeldCertificateLookup | undefined;

  constructor(options: CdnServiceOptions = {}) {
    this.product = options.product ?? 'cdn';
    this.now = options.now ?? Date.now;
    this.lookUpOrder = options.lookUpOrder;
    this.lookUpCertificate = options.lookUpCertificate;
    const prefix = this.product === 'cdn' ? 'Cdn' : 'Dcdn';
    const describe =
      this.product === 'cdn' ? 'DescribeDomainCertificateInfo' : 'DescribeDcdnDomainCertificateInfo';
    this.actions = {
      [describe]: (params) => this.describeDomainCertificateInfo(params),
      [`Set${prefix}DomainSSLCertificate`]: (params) => this.setDomainSslCertificate(params),
    };
  }

  /** Adds an accelerated domain without HTTPS (`*.example.com` is stored as the service names it, `.example.com`). */
  addDomain(domainName: string, settings: { deployDelayMs?: number; failStatus?: string } = {}): CdnDomain {
    const name = serviceName(domainName);
    let domain = this.domainMap.get(name);
    if (!domain) {
      domain = { domainName: name, deployDelayMs: 0 };
      this.domainMap.set(name, domain);
    }
    if (settings.deployDelayMs !== undefined) domain.deployDelayMs = settings.deployDelayMs;
    if (settings.failStatus !== undefined) domain.failStatus = settings.failStatus;
    return domain;
  }

  domain(domainName: string): CdnDomain | undefined {
    const domain = this.domainMap.get(serviceName(domainName));
    if (domain) this.settle(domain);
    return domain;
  }

  removeDomain(domainName: string): void {
    this.domainMap.delete(serviceName(domainName));
  }

  domains(): CdnDomain[] {
    const all = [...this.domainMap.values()];
    for (const domain of all) this.settle(domain);
    return all;
  }

  /** Makes `domainName` serve this certificate at once (the first PEM block is the leaf). */
  setCertificate(domainName: string, input: CdnCertificateInput): CdnDomain {
    new X509Certificate(input.certificatePem); // fail now, not at query time, on a bad PEM
    const domain = this.addDomain(domainName);
    domain.certificate = { ...input, updatedAt: this.now() };
    delete domain.pending;
    return domain;
  }

  /** Test helper: serve a PEM, or the certificate of an issued emulator order. */
  async setDomainCertificate(
    domainName: string,
    source: CdnCertificateInput | { orderId: bigint | number | string },
  ): Promise<CdnDomain> {
    if (!('orderId' in source)) return this.setCertificate(domainName, source);
    const issued = await this.lookUpOrder?.(BigInt(source.orderId));
    if (!issued) throw new Error(`Order ${source.orderId} has no issued certificate`);
    return this.setCertificate(domainName, {
      certificatePem: `${issued.certificatePem}${issued.chainPem}`,
      certId: issued.certId,
      certType: 'cas',
    });
  }

  readonly actions: Record<string, ActionHandler>;

  /** What the domain serves to clients now (emulator/served.ts): its certificate held at CAS, HTTPS on. */
  servedSet(domainName: string): { default?: string } | undefined {
    const domain = this.domainMap.get(serviceName(domainName));
    if (!domain) return undefined;
    this.settle(domain);
    const served = domain.certificate;
    const on = served && served.serverCertificateStatus !== 'off';
    return on && served.certId ? { default: served.certId } : {};
  }

  /** A pending certificate whose delay has passed is the one served. */
  private settle(domain: CdnDomain): void {
    const pending = domain.pending;
    if (!pending || domain.failStatus !== undefined || this.now() < pending.effectiveAt) return;
    if (pending.certificate) domain.certificate = { ...pending.certificate, updatedAt: pending.effectiveAt };
    else delete domain.certificate;
    delete domain.pending;
  }

  private findDomain(params: RequestParams): CdnDomain {
    // Exactly as the service names it: `*.example.com` is not the wildcard domain `.example.com`.
    const domain = this.domainMap.get(params.required('DomainName').toLowerCase());
    if (!domain)
      throw new ApiError(404, 'InvalidDomain.NotFound', 'The domain provided does not belong to you.');
    this.settle(domain);
    return domain;
  }

  private describeDomainCertificateInfo(params: RequestParams): Record<string, JsonValue> {
    const domain = this.findDomain(params);
    return { CertInfos: { CertInfo: [this.certInfo(domain)] } };
  }

  private async setDomainSslCertificate(params: RequestParams): Promise<Record<string, JsonValue>> {
    const domain = this.findDomain(params);
    const protocol = params.required('SSLProtocol').toLowerCase();
    if (protocol !== 'on' && protocol !== 'off') {
      throw new ApiError(
        400,
        'InvalidSSLProtocol.ValueNotSupported',
        `The specified SSLProtocol "${protocol}" is not supported; use on or off.`,
      );
    }
    let next: Served | undefined;
    if (protocol === 'on') {
      const certType = params.oneOf('CertType', ['cas', 'upload'] as const, 'upload');
      next = certType === 'cas' ? await this.casCertificate(params) : this.uploadedCertificate(params);
      const leaf = new X509Certificate(next.certificatePem);
      if (!covers(namesOf(leaf), domain.domainName)) {
        throw new ApiError(
          400,
          'Certificate.DomainMismatch',
          `The certificate (${namesOf(leaf).join(', ')}) does not match the domain ${domain.domainName}.`,
        );
      }
    }
    domain.pending = { certificate: next, effectiveAt: this.now() + domain.deployDelayMs };
    this.settle(domain);
    return {};
  }

  private async casCertificate(params: RequestParams): Promise<Served> {
    const certIdText = params.optional('CertId');
    if (certIdText === undefined) throw missingParameter('CertId');
    if (!/^\d+$/.test(certIdText)) throw invalidParameter('CertId', `"${certIdText}" is not an integer`);
    const region = params.oneOf('CertRegion', CERT_REGIONS, 'cn-hangzhou');
    const held = region === this.casRegion ? await this.lookUpCertificate?.(certIdText) : undefined;
    if (!held) {
      throw new ApiError(
        400,
        'Certificate.NotFound',
        `The certificate ${certIdText} does not exist in Certificate Management Service in ${region}.`,
      );
    }
    return {
      certificatePem: `${held.certificatePem}${held.chainPem}`,
      certId: held.certId,
      certName: params.optional('CertName') ?? `cert-${held.certId}`,
      certType: 'cas',
      certRegion: region,
      updatedAt: this.now(),
    };
  }

  private uploadedCertificate(params: RequestParams): Served {
    const pub = params.optional('SSLPub');
    if (pub === undefined)
      throw new ApiError(400, 'SSLPub.MissingParameter', 'The SSLPub parameter is required.');
    if (params.optional('SSLPri') === undefined)
      throw new ApiError(400, 'SSLPri.MissingParameter', 'The SSLPri parameter is required.');
    try {
      new X509Certificate(pub);
    } catch {
      throw invalidParameter('SSLPub', 'the certificate cannot be parsed');
    }
    const certName = params.optional('CertName');
    return {
      certificatePem: pub,
      certType: 'upload',
      updatedAt: this.now(),
      ...(certName ? { certName } : {}),
    };
  }

  private certInfo(domain: CdnDomain): Record<string, JsonValue> {
    const pending = domain.pending;
    // While a new certificate is being deployed, the old one is shown, `checking` (or the domain's fault).
    const status = pending ? (domain.failStatus ?? 'checking') : undefined;
    const source = domain.certificate;
    if (!source) {
      const httpsOn = pending?.certificate !== undefined;
      return this.productFields(domain, {
        DomainName: domain.domainName,
        ServerCertificateStatus: httpsOn ? 'on' : 'off',
        DomainCnameStatus: 'ok',
        Status: status ?? '',
      });
    }
    const certificate = new X509Certificate(source.certificatePem);
    const start = Date.parse(certificate.validFrom);
    const end = Date.parse(certificate.validTo);
    const commonName = fieldOf(certificate.subject, 'CN') ?? domain.domainName;
    return this.productFields(domain, {
      DomainName: domain.domainName,
      CertDomainName: commonName,
      CertName: source.certName ?? `${commonName}-${isoSeconds(start).slice(0, 10)}`,
      CertId: source.certId ?? '',
      CertExpireTime: isoSeconds(end),
      CertStartTime: isoSeconds(start),
      CertUpdateTime: isoSeconds(source.updatedAt),
      CertLife: end - start >= 365 * 86_400_000 ? 'years' : 'months',
      Status: status ?? source.status ?? 'success',
      ServerCertificateStatus: source.serverCertificateStatus ?? 'on',
      CertType: source.certType ?? 'cas',
      CertOrg: fieldOf(certificate.issuer, 'O') ?? fieldOf(certificate.issuer, 'CN') ?? '',
      ServerCertificate: source.certificatePem,
      DomainCnameStatus: 'ok',
      CertRegion: source.certRegion ?? 'cn-hangzhou',
    });
  }

  /**
   * DCDN's CertInfo names two fields differently (the official SDK's model of DescribeDcdnDomainCertificateInfo):
   * `SSLProtocol` for `ServerCertificateStatus`, `SSLPub` for `ServerCertificate`; it has no start or update time.
   */
  private productFields(_domain: CdnDomain, info: Record<string, JsonValue>): Record<string, JsonValue> {
    if (this.product === 'cdn') return info;
    const {
      ServerCertificateStatus,
      ServerCertificate,
      CertStartTime,
      CertUpdateTime,
      DomainCnameStatus,
      ...rest
    } = info;
    return {
      ...rest,
      SSLProtocol: ServerCertificateStatus ?? 'off',
      ...(ServerCertificate === undefined ? {} : { SSLPub: ServerCertificate }),
    };
  }
}
