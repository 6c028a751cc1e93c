// CDN (API 2018-05-10), DescribeDomainCertificateInfo only (docs/vendor-facts.md): what certificate a domain serves.
import { X509Certificate } from 'node:crypto';
import { ApiError } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const CDN_VERSION = '2018-05-10';

export interface CdnCertificateInput {
  certificatePem: string;
  certId?: string;
  certName?: string;
  certType?: 'free' | 'cas' | 'upload';
  status?: string;
  serverCertificateStatus?: 'on' | 'off';
  certRegion?: string;
}

export interface CdnDomain {
  domainName: string;
  certificate?: CdnCertificateInput & { updatedAt: number };
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

/** Finds the issued certificate of a CAS order, so a CDN domain can serve it. */
export type OrderCertificateLookup = (
  orderId: bigint,
) => Promise<{ certificatePem: string; chainPem: string; certId: string } | undefined>;

export class CdnService {
  private readonly domainMap = new Map<string, CdnDomain>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lookUpOrder?: OrderCertificateLookup,
  ) {}

  /** Adds an accelerated domain without HTTPS. */
  addDomain(domainName: string): CdnDomain {
    const name = domainName.toLowerCase();
    let domain = this.domainMap.get(name);
    if (!domain) {
      domain = { domainName: name };
      this.domainMap.set(name, domain);
    }
    return domain;
  }

  removeDomain(domainName: string): void {
    this.domainMap.delete(domainName.toLowerCase());
  }

  domains(): CdnDomain[] {
    return [...this.domainMap.values()];
  }

  /** Makes `domainName` serve this certificate (the first PEM block is the leaf). */
  setCertificate(domainName: string, input: CdnCertificateInput): CdnDomain {
    new X509Certificate(input.certificatePem); // fail now, not at query time, on a bad PEM
    const domain = this.addDomain(domainName);
    domain.certificate = { ...input, updatedAt: this.now() };
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

  readonly actions: Record<string, ActionHandler> = {
    DescribeDomainCertificateInfo: (params) => this.describeDomainCertificateInfo(params),
  };

  private describeDomainCertificateInfo(params: RequestParams): Record<string, JsonValue> {
    const domainName = params.required('DomainName').toLowerCase();
    const domain = this.domainMap.get(domainName);
    if (!domain)
      throw new ApiError(404, 'InvalidDomain.NotFound', 'The domain provided does not belong to you.');
    return { CertInfos: { CertInfo: [certInfo(domain)] } };
  }
}

function certInfo(domain: CdnDomain): Record<string, JsonValue> {
  const source = domain.certificate;
  if (!source) {
    return {
      DomainName: domain.domainName,
      ServerCertificateStatus: 'off',
      DomainCnameStatus: 'ok',
      Status: '',
    };
  }
  const certificate = new X509Certificate(source.certificatePem);
  const start = Date.parse(certificate.validFrom);
  const end = Date.parse(certificate.validTo);
  const commonName = fieldOf(certificate.subject, 'CN') ?? domain.domainName;
  return {
    DomainName: domain.domainName,
    CertDomainName: commonName,
    CertName: source.certName ?? `${commonName}-${isoSeconds(start).slice(0, 10)}`,
    CertId: source.certId ?? '',
    CertExpireTime: isoSeconds(end),
    CertStartTime: isoSeconds(start),
    CertUpdateTime: isoSeconds(source.updatedAt),
    CertLife: end - start >= 365 * 86_400_000 ? 'years' : 'months',
    Status: source.status ?? 'success',
    ServerCertificateStatus: source.serverCertificateStatus ?? 'on',
    CertType: source.certType ?? 'cas',
    CertOrg: fieldOf(certificate.issuer, 'O') ?? fieldOf(certificate.issuer, 'CN') ?? '',
    ServerCertificate: source.certificatePem,
    DomainCnameStatus: 'ok',
    CertRegion: source.certRegion ?? 'cn-hangzhou',
  };
}
