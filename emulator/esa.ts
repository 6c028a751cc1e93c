// ESA (Edge Security Acceleration, API 2024-09-10): a site's certificates (docs/deploy.md). Field names and
// operations are the official SDK's (@alicloud/esa20240910 models): `ListSites`, `GetSite`, `SetCertificate`,
// `ListCertificates`, `GetCertificate`, `DeleteCertificate`. A site holds several certificates; a client of a
// hostname under the site gets the newest one in effect (`OK`, or `Expiring`) that covers it, the way a listener's
// extension certificates are picked by SNI. A certificate set on a site is listed `Applying` for `deployDelayMs`,
// then `OK` (the emulator's model of the edge taking it; the SDK names the status words).
// Error codes: `InvalidParameter.SiteId`, `MissingSiteId`, `Certificate.Duplicated` (the same CAS certificate set
// twice: certimate's and certd's deployers take it as success) are the service's documented ones;
// `Certificate.NotFound` for an unknown certificate is the one certimate's deployer expects of DeleteCertificate.
import { randomBytes } from 'node:crypto';
import { ApiError, invalidParameter, missingParameter } from './errors.js';
import type { HeldCertificate } from './held-certificates.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const ESA_VERSION = '2024-09-10';

export type EsaSiteStatus = 'pending' | 'active' | 'offline' | 'moved';

export interface EsaSiteSeed {
  siteName: string;
  /** A 13-digit id is made when absent. */
  siteId?: bigint | number | string;
  status?: EsaSiteStatus;
  /** How long a certificate set on the site is listed `Applying` before it is `OK`. */
  deployDelayMs?: number;
}

interface SiteCertificate {
  /** ESA's own id of the certificate on the site (32 hex digits). */
  id: string;
  casId: string;
  region: string;
  name: string;
  createdAt: number;
  effectiveAt: number;
}

export interface EsaSite {
  siteId: bigint;
  siteName: string;
  status: EsaSiteStatus;
  deployDelayMs: number;
  createdAt: number;
  certificates: SiteCertificate[];
}

/** Days before expiry from which a certificate is listed `Expiring` (still served). */
const EXPIRING_DAYS = 30;
const TYPES = ['cas', 'upload', 'keyless'] as const;

/** `2023-04-20 06:18:42`: the answer's times, UTC to the second. */
function timeText(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '');
}

export class EsaService {
  private readonly siteMap = new Map<bigint, EsaSite>();
  /** The region this account's CAS certificates live in; a `Region` naming the other finds nothing. */
  casRegion = 'cn-hangzhou';
  readonly actions: Record<string, ActionHandler>;
  private nextSiteId = 7_000_000_000_001n;

  constructor(
    private readonly now: () => number,
    private readonly lookUp: (certId: string) => HeldCertificate | undefined,
  ) {
    this.actions = {
      ListSites: (params) => this.listSites(params),
      GetSite: (params) => ({ SiteModel: this.siteModel(this.findSite(params)) }),
      SetCertificate: (params) => this.setCertificate(params),
      ListCertificates: (params) => this.listCertificates(params),
      GetCertificate: (params) => this.getCertificate(params),
      DeleteCertificate: (params) => this.deleteCertificate(params),
    };
  }

  addSite(seed: EsaSiteSeed): EsaSite {
    const siteId = seed.siteId === undefined ? this.nextSiteId++ : BigInt(seed.siteId);
    const site: EsaSite = {
      siteId,
      siteName: seed.siteName.toLowerCase(),
      status: seed.status ?? 'active',
      deployDelayMs: seed.deployDelayMs ?? 0,
      createdAt: this.now(),
      certificates: [],
    };
    this.siteMap.set(siteId, site);
    return site;
  }

  /** A site by its name or its id. */
  site(nameOrId: string): EsaSite | undefined {
    const wanted = nameOrId.trim().toLowerCase();
    return [...this.siteMap.values()].find(
      (site) => site.siteName === wanted || site.siteId.toString() === wanted,
    );
  }

  sites(): EsaSite[] {
    return [...this.siteMap.values()];
  }

  /** Test helper: puts a CAS certificate on a site at once (`OK`), as the console would. */
  attach(nameOrId: string, casId: string, region = this.casRegion): void {
    const site = this.site(nameOrId);
    if (!site) throw new Error(`No ESA site ${nameOrId}`);
    const at = this.now();
    site.certificates.push({
      id: newId(),
      casId,
      region,
      name: `cas-${casId}`,
      createdAt: at,
      effectiveAt: at,
    });
  }

  /** What clients of the site get (emulator/served.ts): its CAS certificates in effect, oldest first. */
  servedSet(nameOrId: string): { extensions: string[] } | undefined {
    const site = this.site(nameOrId);
    if (site?.status !== 'active') return undefined;
    const served = site.certificates.filter((c) => ['OK', 'Expiring'].includes(this.statusOf(c)));
    return { extensions: served.map((c) => c.casId) };
  }

  private statusOf(certificate: SiteCertificate): string {
    const now = this.now();
    if (now < certificate.effectiveAt) return 'Applying';
    const held = this.lookUp(certificate.casId);
    if (!held) return 'OK';
    if (now >= held.notAfter) return 'Expired';
    return held.notAfter - now <= EXPIRING_DAYS * 86_400_000 ? 'Expiring' : 'OK';
  }

  private findSite(params: RequestParams): EsaSite {
    const text = params.optional('SiteId');
    if (text === undefined)
      throw new ApiError(
        400,
        'MissingSiteId',
        'Required parameter SiteId missing. Specify SiteId and try again.',
      );
    const site = /^\d{1,19}$/.test(text) ? this.siteMap.get(BigInt(text)) : undefined;
    if (!site) {
      throw new ApiError(
        400,
        'InvalidParameter.SiteId',
        'Failed to query the website based on the SiteID you specified. Check parameter SiteId and try again.',
      );
    }
    return site;
  }

  private siteModel(site: EsaSite): Record<string, JsonValue> {
    return {
      SiteId: site.siteId,
      SiteName: site.siteName,
      Status: site.status,
      AccessType: 'NS',
      Coverage: 'domestic',
      CnameZone: `${site.siteName}.atrustcdn.com`,
      InstanceId: `esa-site-${site.siteId.toString(36)}`,
      PlanName: 'basic',
      CreateTime: timeText(site.createdAt).replace(' ', 'T').concat('Z'),
    };
  }

  private listSites(params: RequestParams): Record<string, JsonValue> {
    const pageNumber = params.positiveInteger('PageNumber', 1);
    const pageSize = params.positiveInteger('PageSize', 500, 500);
    const name = params.optional('SiteName')?.toLowerCase();
    const mode = params.oneOf('SiteSearchType', ['exact', 'prefix', 'suffix', 'fuzzy'] as const, 'exact');
    const status = params.optional('Status');
    const matches = (siteName: string) =>
      name === undefined ||
      (mode === 'exact'
        ? siteName === name
        : mode === 'prefix'
          ? siteName.startsWith(name)
          : mode === 'suffix'
            ? siteName.endsWith(name)
            : siteName.includes(name));
    const found = this.sites().filter((s) => matches(s.siteName) && (!status || s.status === status));
    const page = found.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return {
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: found.length,
      Sites: page.map((site) => this.siteModel(site)),
    };
  }

  private setCertificate(params: RequestParams): Record<string, JsonValue> {
    const site = this.findSite(params);
    const typeText = params.optional('Type');
    if (typeText === undefined) throw missingParameter('Type');
    const type = params.oneOf('Type', TYPES, 'cas');
    if (type !== 'cas') throw invalidParameter('Type', `only cas certificates are emulated, not ${type}`);
    const casId = params.optional('CasId');
    if (casId === undefined) throw missingParameter('CasId');
    if (!/^\d+$/.test(casId)) throw invalidParameter('CasId', `"${casId}" is not an integer`);
    const region = params.optional('Region');
    if (region === undefined) throw missingParameter('Region');
    const held = region === this.casRegion ? this.lookUp(casId) : undefined;
    if (!held) {
      throw new ApiError(
        400,
        'Certificate.NotFound',
        `The certificate ${casId} does not exist in Certificate Management Service in ${region}.`,
      );
    }
    if (site.certificates.some((c) => c.casId === casId)) {
      throw new ApiError(400, 'Certificate.Duplicated', 'The certificate already exists on the site.');
    }
    const at = this.now();
    const certificate: SiteCertificate = {
      id: newId(),
      casId,
      region,
      name: params.optional('Name') ?? held.name,
      createdAt: at,
      effectiveAt: at + site.deployDelayMs,
    };
    site.certificates.push(certificate);
    return { Id: certificate.id };
  }

  private listCertificates(params: RequestParams): Record<string, JsonValue> {
    const site = this.findSite(params);
    const pageNumber = params.positiveInteger('PageNumber', 1);
    const pageSize = params.positiveInteger('PageSize', 20, 100);
    const keyword = params.optional('Keyword')?.toLowerCase();
    const validOnly = ['true', '1'].includes(params.optional('ValidOnly')?.toLowerCase() ?? '');
    const found = site.certificates
      .map((c) => this.result(c))
      .filter((r) => !keyword || `${r.Name} ${r.SAN} ${r.CommonName}`.toLowerCase().includes(keyword))
      .filter((r) => !validOnly || r.Status === 'OK' || r.Status === 'Expiring');
    return {
      SiteId: site.siteId,
      SiteName: site.siteName,
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: found.length,
      Result: found.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    };
  }

  private findCertificate(site: EsaSite, params: RequestParams): SiteCertificate {
    const id = params.required('Id');
    const certificate = site.certificates.find((c) => c.id === id);
    if (!certificate)
      throw new ApiError(400, 'Certificate.NotFound', `The certificate ${id} does not exist on the site.`);
    return certificate;
  }

  private getCertificate(params: RequestParams): Record<string, JsonValue> {
    const site = this.findSite(params);
    const certificate = this.findCertificate(site, params);
    const result = this.result(certificate);
    const held = this.lookUp(certificate.casId);
    return {
      SiteId: site.siteId,
      SiteName: site.siteName,
      Status: String(result.Status),
      Certificate: held ? `${held.certificatePem}${held.chainPem}` : '',
      Result: result,
    };
  }

  private deleteCertificate(params: RequestParams): Record<string, JsonValue> {
    const site = this.findSite(params);
    const certificate = this.findCertificate(site, params);
    site.certificates = site.certificates.filter((c) => c !== certificate);
    return { SiteId: site.siteId, SiteName: site.siteName, Id: certificate.id };
  }

  private result(certificate: SiteCertificate): Record<string, JsonValue> {
    const held = this.lookUp(certificate.casId);
    return {
      Id: certificate.id,
      CasId: certificate.casId,
      Type: 'cas',
      Name: certificate.name,
      Region: certificate.region,
      Status: this.statusOf(certificate),
      CreateTime: timeText(certificate.createdAt),
      UpdateTime: timeText(certificate.createdAt),
      ...(held
        ? {
            CommonName: held.commonName,
            SAN: namesOf(held).join(','),
            NotBefore: timeText(held.notBefore),
            NotAfter: timeText(held.notAfter),
            Issuer: held.issuer,
            IssuerCN: held.issuer,
            SerialNumber: held.serialNo,
            FingerprintSha256: held.sha256.toLowerCase(),
            PubAlg: 'RSA',
            SigAlg: 'SHA256-RSA',
          }
        : {}),
    };
  }
}

function namesOf(held: HeldCertificate): string[] {
  const names = held.sans.length > 0 ? held.sans : [held.commonName];
  return names.map((name) => name.toLowerCase());
}

function newId(): string {
  return randomBytes(16).toString('hex');
}
