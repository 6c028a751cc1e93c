// Certificates held at the service through CAS 2020-04-07, as the official SDK models them: the list is
// ListUserCertificateOrder with OrderType CERT (issued and uploaded certificates); read, upload (UploadUserCertificate)
// and delete by id are in by-id.ts (docs/held-certificates.md).
import type { RpcClient } from '../aliyun/rpc.js';
import { checkPageLimit } from '../core/paging.js';
import { dateField, idField, listField, numberField, textField } from '../services/fields.js';
import { type HeldCall, heldById } from './by-id.js';
import {
  type HeldCertificateStore,
  type HeldCertificateSummary,
  namesOf,
  parseServiceDay,
  serviceDayOnly,
} from './port.js';

export const CAS_2020_VERSION = '2020-04-07';
const PAGE_SIZE = 50;

export function createHeldApi2020(
  client: RpcClient,
  endpoint: string,
  maskSecret: (secret: string) => void,
): HeldCertificateStore {
  const call: HeldCall = (action, params, changesState) =>
    client.call({ endpoint, version: CAS_2020_VERSION, action, params, changesState });

  return {
    apiVersion: CAS_2020_VERSION,

    async list(options = {}) {
      // UPLOAD lists the uploaded ones alone (docs/held-certificates.md): a fleet's plan need not page through every
      // issued certificate a second time.
      const orderType = options.uploadedOnly ? 'UPLOAD' : 'CERT';
      const certificates: HeldCertificateSummary[] = [];
      let seen = 0;
      for (let page = 1; ; page++) {
        const r = await call(
          'ListUserCertificateOrder',
          { OrderType: orderType, CurrentPage: page, ShowSize: PAGE_SIZE },
          false,
        );
        const items = listField(r.CertificateOrderList);
        seen += items.length;
        for (const item of items) {
          const certId = idField(item.CertificateId);
          if (!certId) continue;
          certificates.push({
            certId,
            name: textField(item.Name) ?? '',
            domains: namesOf(textField(item.Sans), textField(item.CommonName)),
            // CertEndTime (ms) where the service gives it; else EndDate, a day.
            notAfter: dateField(item.CertEndTime) ?? parseServiceDay(item.EndDate),
            ...(dateField(item.CertEndTime) ? {} : serviceDayOnly(item.EndDate)),
            notBefore: dateField(item.CertStartTime) ?? parseServiceDay(item.StartDate),
            source: item.Upload === true || item.Upload === 'true' ? 'uploaded' : 'issued',
          });
        }
        // Pages may be smaller than asked: stop on the total, or on an empty page.
        if (items.length === 0 || seen >= numberField(r.TotalCount)) return certificates;
        checkPageLimit('ListUserCertificateOrder', page, numberField(r.TotalCount));
      }
    },

    ...heldById(
      call,
      {
        detail: { action: 'GetUserCertificateDetail', params: { CertFilter: 'false' } },
        upload: 'UploadUserCertificate',
      },
      maskSecret,
    ),
  };
}
