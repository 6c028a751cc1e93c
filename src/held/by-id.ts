// What both API versions of held certificates do alike, by certificate id: read one with its key, upload one,
// delete one. The versions differ only in the names of the read and the upload (docs/held-certificates.md).
import { AliyunApiError } from '../aliyun/errors.js';
import { dateField, idField, textField } from '../services/fields.js';
import {
  type HeldCertificateStore,
  NAME_TAKEN_CODE,
  NameTakenError,
  NOT_FOUND_CODES,
  namesOf,
  parseServiceDay,
} from './port.js';

export type HeldCall = (
  action: string,
  params: Record<string, string | number | undefined>,
  changesState: boolean,
) => Promise<Record<string, unknown>>;

export interface HeldByIdActions {
  /** DescribeUserCertificateDetail (2018), GetUserCertificateDetail (2020), with the version's extra parameters. */
  detail: { action: string; params?: Record<string, string> };
  /** CreateUserCertificate (2018), UploadUserCertificate (2020). */
  upload: string;
}

const notFound = (error: unknown) => error instanceof AliyunApiError && NOT_FOUND_CODES.has(error.code);

export function heldById(
  call: HeldCall,
  actions: HeldByIdActions,
  maskSecret: (secret: string) => void,
): Pick<HeldCertificateStore, 'download' | 'upload' | 'delete'> {
  return {
    async download(certId) {
      let r: Record<string, unknown>;
      try {
        r = await call(actions.detail.action, { CertId: certId, ...actions.detail.params }, false);
      } catch (error) {
        if (notFound(error)) return undefined;
        throw error;
      }
      // Masked where it enters, before any caller (or log line) can see it.
      const key = textField(r.Key);
      if (key) maskSecret(key);
      return {
        certId: idField(r.Id) ?? certId,
        name: textField(r.Name) ?? '',
        domains: namesOf(textField(r.Sans), textField(r.Common)),
        // NotAfter (ms) where the version gives it; else EndDate, a day.
        notAfter: dateField(r.NotAfter) ?? parseServiceDay(r.EndDate),
        source: r.BuyInAliyun === false || r.BuyInAliyun === 'false' ? 'uploaded' : 'issued',
        certificatePem: textField(r.Cert) ?? '',
        ...(key ? { privateKeyPem: key } : {}),
      };
    },

    async upload({ name, fullchainPem, privateKeyPem }) {
      try {
        const r = await call(actions.upload, { Name: name, Cert: fullchainPem, Key: privateKeyPem }, true);
        const certId = idField(r.CertId);
        if (!certId) throw new Error(`${actions.upload} answered without a CertId`);
        return { certId };
      } catch (error) {
        if (error instanceof AliyunApiError && error.code === NAME_TAKEN_CODE) throw new NameTakenError(name);
        throw error;
      }
    },

    async delete(certId) {
      try {
        await call('DeleteUserCertificate', { CertId: certId }, true);
        return true;
      } catch (error) {
        if (notFound(error)) return false;
        throw error;
      }
    },
  };
}
