// CAS 2020-04-07 certificates held at the service, as deployment needs them (docs/deploy.md):
// GetUserCertificateDetail (the names a `cert-id` covers; `CertFilter=true` leaves out Cert and Key) and
// DeleteUserCertificate (`delete-superseded`). The certificates are the issued ones of the emulator's orders, under
// their CertId. A minimal store: the held-certificates store of the upload/download modes supersedes it.
import { X509Certificate } from 'node:crypto';
import type { OrderCertificate } from './cas-model.js';
import { ApiError, invalidParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export class UserCertificates {
  private readonly deletedIds = new Set<string>();

  constructor(
    /** Every issued certificate of the account's orders (moved on first). */
    private readonly issued: () => Promise<Array<{ orderId: bigint; certificate: OrderCertificate }>>,
  ) {}

  /** The certificate with this id, unless deleted. */
  async find(certId: string): Promise<{ orderId: bigint; certificate: OrderCertificate } | undefined> {
    if (this.deletedIds.has(certId)) return undefined;
    return (await this.issued()).find((entry) => entry.certificate.certId === certId);
  }

  deleted(): string[] {
    return [...this.deletedIds];
  }

  readonly actions: Record<string, ActionHandler> = {
    GetUserCertificateDetail: (params) => this.detail(params),
    DeleteUserCertificate: (params) => this.delete(params),
  };

  private async required(params: RequestParams) {
    const certId = params.required('CertId');
    if (!/^\d+$/.test(certId)) throw invalidParameter('CertId', `"${certId}" is not an integer`);
    const entry = await this.find(certId);
    if (!entry) throw new ApiError(400, 'NotFound', `The certificate ${certId} does not exist.`);
    return entry;
  }

  private async detail(params: RequestParams): Promise<Record<string, JsonValue>> {
    const { orderId, certificate } = await this.required(params);
    const leaf = new X509Certificate(certificate.certificatePem);
    const sans = [...(leaf.subjectAltName ?? '').matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1] ?? '');
    const common = /(?:^|\n)CN=([^\n]+)/.exec(leaf.subject)?.[1] ?? sans[0] ?? '';
    const day = (ms: number) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    const withContent = params.optional('CertFilter')?.toLowerCase() !== 'true';
    return {
      Id: Number(certificate.certId),
      Name: `cert-${certificate.certId}`,
      Common: common,
      Sans: sans.join(','),
      OrderId: Number(orderId),
      NotBefore: certificate.notBefore,
      NotAfter: certificate.notAfter,
      StartDate: day(certificate.notBefore),
      EndDate: day(certificate.notAfter),
      Expired: certificate.notAfter < Date.now(),
      Fingerprint: leaf.fingerprint.replace(/:/g, ''),
      SerialNo: leaf.serialNumber.toLowerCase(),
      ...(withContent
        ? {
            Cert: `${certificate.certificatePem}${certificate.chainPem}`,
            ...(certificate.privateKeyPem === undefined ? {} : { Key: certificate.privateKeyPem }),
          }
        : {}),
    };
  }

  private async delete(params: RequestParams): Promise<Record<string, JsonValue>> {
    const { certificate } = await this.required(params);
    this.deletedIds.add(certificate.certId);
    return {};
  }
}
