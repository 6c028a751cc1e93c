// Certificates held at the service: one store behind the 2020-04-07 operations (UploadUserCertificate,
// GetUserCertificateDetail, DeleteUserCertificate, ListUserCertificateOrder OrderType CERT/UPLOAD) and the 2018-07-13
// ones (CreateUserCertificate, DescribeUserCertificateDetail, DeleteUserCertificate, DescribeUserCertificateList).
// An order's issued certificate, an uploaded one and a V2.0 instance's all live here, so either API version sees the
// same certificates under the same ids (docs/held-certificates.md).
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import type { CasKnobs } from './cas-model.js';
import { ApiError, invalidParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

/** The 2018 reference names the version 2018-08-13, the SDK 2018-07-13: one API (docs/held-certificates.md). */
export const CAS_2018_VERSIONS = ['2018-07-13', '2018-08-13'] as const;
const DAY_MS = 86_400_000;
/** The list statuses of ListUserCertificateOrder; "about to expire" within this many days. */
const WILL_EXPIRE_DAYS = 30;
const NAME_MAX = 63;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\s*/g;
/** Dates of the list and detail answers are days in the service's time zone (China Standard Time). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export type HeldSource = 'upload' | 'order' | 'instance';

export interface HeldCertificate {
  certId: bigint;
  name: string;
  /** The leaf. */
  certificatePem: string;
  /** Intermediates, leaf's issuer first. */
  chainPem: string;
  privateKeyPem?: string;
  source: HeldSource;
  orderId?: bigint;
  instanceId?: string;
  createdAt: number;
  revokedAt?: number;
  commonName: string;
  sans: string[];
  notBefore: number;
  notAfter: number;
  issuer: string;
  serialNo: string;
  /** Upper-case hex without colons, as the 2018 list shows `fingerprint` (SHA-1 there). */
  fingerprintSha1: string;
  sha256: string;
}

export interface AddHeldInput {
  name: string;
  /** Leaf, then its chain. */
  pem: string;
  privateKeyPem?: string;
  source: HeldSource;
  orderId?: bigint;
  instanceId?: string;
  /** Keep this id (an order's certificate already has one). */
  certId?: bigint;
}

function fieldOf(distinguishedName: string, field: string): string | undefined {
  return distinguishedName
    .split('\n')
    .find((line) => line.startsWith(`${field}=`))
    ?.slice(field.length + 1);
}

function hexDigest(algorithm: 'sha1' | 'sha256', der: Buffer): string {
  return createHash(algorithm).update(der).digest('hex').toUpperCase();
}

/** YYYY-MM-DD of a moment, in China Standard Time. */
export function chinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function parsePem(pem: string): { leaf: X509Certificate; leafPem: string; chainPem: string } {
  const blocks = [...pem.matchAll(CERTIFICATE_BLOCK)].map((m) => `${m[0].trim()}\n`);
  const leafPem = blocks[0];
  if (leafPem === undefined) throw invalidParameter('Cert', 'no PEM certificate found');
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(leafPem);
    for (const block of blocks.slice(1)) new X509Certificate(block);
  } catch (error) {
    throw invalidParameter('Cert', `the certificate cannot be parsed (${(error as Error).message})`);
  }
  return { leaf, leafPem, chainPem: blocks.slice(1).join('') };
}

function sansOf(leaf: X509Certificate): string[] {
  const sans = [...(leaf.subjectAltName ?? '').matchAll(/DNS:([^,\s]+)/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  const cn = fieldOf(leaf.subject, 'CN')?.toLowerCase();
  return sans.length > 0 ? sans : cn ? [cn] : [];
}

export class HeldCertificateStore {
  private readonly entries = new Map<bigint, HeldCertificate>();

  constructor(
    private readonly now: () => number,
    private readonly allocateCertId: () => bigint,
    private readonly knobs: Pick<
      CasKnobs,
      'maxPageSize' | 'certificateNameRule' | 'certificateListSpelling'
    > = {},
  ) {}

  all(): HeldCertificate[] {
    return [...this.entries.values()];
  }

  get(certId: bigint | number | string): HeldCertificate | undefined {
    return this.entries.get(BigInt(certId));
  }

  /** Adds a certificate; a name already taken answers `NameRepeat`, as UploadUserCertificate documents. */
  add(input: AddHeldInput): HeldCertificate {
    const { leaf, leafPem, chainPem } = parsePem(input.pem);
    if (this.all().some((entry) => entry.name === input.name)) {
      throw new ApiError(400, 'NameRepeat', `A certificate named ${input.name} already exists.`);
    }
    const der = leaf.raw;
    const entry: HeldCertificate = {
      certId: input.certId ?? this.allocateCertId(),
      name: input.name,
      certificatePem: leafPem,
      chainPem,
      source: input.source,
      createdAt: this.now(),
      commonName: fieldOf(leaf.subject, 'CN') ?? '',
      sans: sansOf(leaf),
      notBefore: Date.parse(leaf.validFrom),
      notAfter: Date.parse(leaf.validTo),
      issuer: fieldOf(leaf.issuer, 'O') ?? fieldOf(leaf.issuer, 'CN') ?? '',
      serialNo: leaf.serialNumber.toLowerCase(),
      fingerprintSha1: hexDigest('sha1', der),
      sha256: hexDigest('sha256', der),
    };
    if (input.privateKeyPem !== undefined) entry.privateKeyPem = input.privateKeyPem;
    if (input.orderId !== undefined) entry.orderId = input.orderId;
    if (input.instanceId !== undefined) entry.instanceId = input.instanceId;
    this.entries.set(entry.certId, entry);
    return entry;
  }

  markRevoked(certId: bigint | number | string): void {
    const entry = this.get(certId);
    if (entry) entry.revokedAt = this.now();
  }

  remove(certId: bigint): boolean {
    return this.entries.delete(certId);
  }

  /** ISSUED, WILLEXPIRED, EXPIRED or REVOKED, as the order list shows a certificate. */
  statusOf(entry: HeldCertificate): 'ISSUED' | 'WILLEXPIRED' | 'EXPIRED' | 'REVOKED' {
    const now = this.now();
    if (entry.revokedAt !== undefined) return 'REVOKED';
    if (entry.notAfter <= now) return 'EXPIRED';
    return entry.notAfter - now < WILL_EXPIRE_DAYS * DAY_MS ? 'WILLEXPIRED' : 'ISSUED';
  }

  // --- 2020-04-07 -------------------------------------------------------------------------------

  readonly actions2020: Record<string, ActionHandler> = {
    UploadUserCertificate: (params) => this.upload(params),
    GetUserCertificateDetail: (params) => this.detail2020(params),
    DeleteUserCertificate: (params) => this.delete(params),
  };

  // --- 2018-07-13 -------------------------------------------------------------------------------

  readonly actions2018: Record<string, ActionHandler> = {
    CreateUserCertificate: (params) => this.upload(params),
    DescribeUserCertificateDetail: (params) => this.detail2018(params),
    DeleteUserCertificate: (params) => this.delete(params),
    DescribeUserCertificateList: (params) => this.list2018(params),
  };

  private upload(params: RequestParams): Record<string, JsonValue> {
    const name = params.required('Name');
    if (name.length > NAME_MAX) throw invalidParameter('Name', `at most ${NAME_MAX} characters`);
    if (/\s/.test(name)) throw invalidParameter('Name', 'no spaces');
    if (this.knobs.certificateNameRule === 'strict' && !/^[A-Za-z0-9_]+$/.test(name))
      throw invalidParameter('Name', 'letters, digits and _ only');
    const certText = params.required('Cert');
    const keyText = params.required('Key');
    const { leaf } = parsePem(certText);
    let key: ReturnType<typeof createPrivateKey>;
    try {
      key = createPrivateKey(keyText);
    } catch {
      throw invalidParameter('Key', 'the private key cannot be parsed');
    }
    if (!leaf.checkPrivateKey(key)) invalidKey();
    const entry = this.add({ name, pem: certText, privateKeyPem: keyText, source: 'upload' });
    return { CertId: Number(entry.certId), ResourceId: `cas-upload-${entry.certId.toString(36)}` };
  }

  private find(params: RequestParams): HeldCertificate {
    const certId = params.requiredLong('CertId');
    const entry = this.entries.get(certId);
    if (!entry) {
      throw new ApiError(404, 'NotFoundCertificate', `The certificate ${certId} does not exist.`);
    }
    return entry;
  }

  private delete(params: RequestParams): Record<string, JsonValue> {
    this.entries.delete(this.find(params).certId);
    return {};
  }

  private detail2020(params: RequestParams): Record<string, JsonValue> {
    const entry = this.find(params);
    const withoutContent = params.optional('CertFilter')?.toLowerCase() === 'true';
    const now = this.now();
    const body: Record<string, JsonValue> = {
      Id: entry.certId,
      Name: entry.name,
      Common: entry.commonName,
      Sans: entry.sans.join(','),
      StartDate: chinaDate(entry.notBefore),
      EndDate: chinaDate(entry.notAfter),
      NotBefore: entry.notBefore,
      NotAfter: entry.notAfter,
      Expired: entry.notAfter <= now,
      Fingerprint: entry.fingerprintSha1,
      Sha2: entry.sha256,
      SerialNo: entry.serialNo,
      Issuer: entry.issuer,
      BuyInAliyun: entry.source !== 'upload',
      CertIdentifier: `${entry.certId}-cn-hangzhou`,
      Algorithm: 'RSA',
      CertChain: [],
    };
    if (entry.orderId !== undefined) body.OrderId = entry.orderId;
    if (entry.instanceId !== undefined) body.InstanceId = entry.instanceId;
    if (!withoutContent) {
      body.Cert = `${entry.certificatePem}${entry.chainPem}`;
      if (entry.privateKeyPem !== undefined) body.Key = entry.privateKeyPem;
    }
    return body;
  }

  private detail2018(params: RequestParams): Record<string, JsonValue> {
    const entry = this.find(params);
    const body: Record<string, JsonValue> = {
      Id: entry.certId,
      Name: entry.name,
      Common: entry.commonName,
      Sans: entry.sans.join(','),
      Cert: `${entry.certificatePem}${entry.chainPem}`,
      StartDate: chinaDate(entry.notBefore),
      EndDate: chinaDate(entry.notAfter),
      Expired: entry.notAfter <= this.now(),
      Fingerprint: entry.fingerprintSha1,
      Issuer: entry.issuer,
      BuyInAliyun: entry.source !== 'upload',
      Country: 'CN',
      Province: 'Zhejiang',
      City: 'Hangzhou',
      OrgName: '',
    };
    if (entry.privateKeyPem !== undefined) body.Key = entry.privateKeyPem;
    return body;
  }

  /** Newest first, as the order list sorts. */
  private sorted(): HeldCertificate[] {
    return this.all().sort((a, b) => b.createdAt - a.createdAt || (a.certId < b.certId ? 1 : -1));
  }

  private page<T>(items: T[], params: RequestParams) {
    const currentPage = params.positiveInteger('CurrentPage', 1);
    const asked = params.positiveInteger('ShowSize', 50);
    const showSize = Math.min(asked, this.knobs.maxPageSize ?? asked);
    return {
      currentPage,
      showSize,
      items: items.slice((currentPage - 1) * showSize, currentPage * showSize),
    };
  }

  /** ListUserCertificateOrder with OrderType CERT (issued and uploaded) or UPLOAD; by default ISSUED and WILLEXPIRED. */
  listCertificates(
    params: RequestParams,
    orderType: 'CERT' | 'UPLOAD',
    willExpireSpelling: string,
  ): Record<string, JsonValue> {
    const keyword = params.optional('Keyword')?.toLowerCase();
    const asked = params.optional('Status')?.toUpperCase().replace('WILLEXPRIED', 'WILLEXPIRED');
    const wanted = asked === undefined ? ['ISSUED', 'WILLEXPIRED'] : [asked];
    const matching = this.sorted().filter(
      (entry) =>
        (orderType === 'CERT' || entry.source === 'upload') &&
        wanted.includes(this.statusOf(entry)) &&
        (keyword === undefined ||
          entry.name.toLowerCase().includes(keyword) ||
          entry.sans.some((domain) => domain.includes(keyword))),
    );
    const { currentPage, showSize, items } = this.page(matching, params);
    return {
      CurrentPage: currentPage,
      ShowSize: showSize,
      TotalCount: matching.length,
      CertificateOrderList: items.map((entry) => {
        const status = this.statusOf(entry);
        const row: Record<string, JsonValue> = {
          CertificateId: entry.certId,
          Name: entry.name,
          CommonName: entry.commonName,
          Sans: entry.sans.join(','),
          StartDate: chinaDate(entry.notBefore),
          EndDate: chinaDate(entry.notAfter),
          Expired: status === 'EXPIRED',
          Fingerprint: entry.fingerprintSha1,
          Sha2: entry.sha256,
          SerialNo: entry.serialNo,
          Issuer: entry.issuer,
          Upload: entry.source === 'upload',
          Status: status === 'WILLEXPIRED' ? willExpireSpelling : status,
        };
        if (entry.instanceId !== undefined) row.InstanceId = entry.instanceId;
        return row;
      }),
    };
  }

  /** 2018: every certificate, lower-case item fields as the document's sample shows them. */
  private list2018(params: RequestParams): Record<string, JsonValue> {
    const all = this.sorted();
    const { currentPage, showSize, items } = this.page(all, params);
    const xml = this.knobs.certificateListSpelling === 'xml-sample';
    return {
      [xml ? 'totalCount' : 'TotalCount']: all.length,
      [xml ? 'currentPage' : 'CurrentPage']: currentPage,
      [xml ? 'showSize' : 'ShowSize']: showSize,
      CertificateList: items.map((entry) => ({
        id: entry.certId,
        name: entry.name,
        common: entry.commonName,
        sans: entry.sans.join(','),
        startDate: chinaDate(entry.notBefore),
        endDate: chinaDate(entry.notAfter),
        expired: entry.notAfter <= this.now(),
        fingerprint: entry.fingerprintSha1,
        issuer: entry.issuer,
        buyInAliyun: entry.source !== 'upload',
        orgName: '',
        city: 'Hangzhou',
        province: 'Zhejiang',
        country: 'CN',
      })),
    };
  }
}

function invalidKey(): never {
  throw invalidParameter('Key', 'the private key does not match the certificate');
}
