// Certificates held at the service through CAS 2018-07-13: the list is DescribeUserCertificateList; read, upload
// (CreateUserCertificate) and delete by id are in by-id.ts. The list's items are spelled in lower case in the
// reference's samples (`id`, `name`, `common`, `sans`, `endDate`) and its page fields both ways: both are read
// (docs/held-certificates.md).
import type { RpcClient } from '../aliyun/rpc.js';
import { checkPageLimit } from '../core/paging.js';
import { idField, listField, numberField, textField } from '../services/fields.js';
import { type HeldCall, heldById } from './by-id.js';
import {
  type HeldApiVersion,
  type HeldCertificateStore,
  type HeldCertificateSummary,
  namesOf,
  parseServiceDay,
  serviceDayOnly,
} from './port.js';

const PAGE_SIZE = 50;

/** One field under either spelling: `Name` or `name`. */
function either(record: Record<string, unknown>, name: string): unknown {
  return record[name] ?? record[name.charAt(0).toLowerCase() + name.slice(1)];
}

export function createHeldApi2018(
  client: RpcClient,
  endpoint: string,
  version: HeldApiVersion,
  maskSecret: (secret: string) => void,
): HeldCertificateStore {
  const call: HeldCall = (action, params, changesState) =>
    client.call({ endpoint, version, action, params, changesState });

  return {
    apiVersion: version,

    async list(options = {}) {
      const certificates: HeldCertificateSummary[] = [];
      let seen = 0;
      for (let page = 1; ; page++) {
        const r = await call(
          'DescribeUserCertificateList',
          { CurrentPage: page, ShowSize: PAGE_SIZE },
          false,
        );
        const items = listField(either(r, 'CertificateList'));
        seen += items.length;
        for (const item of items) {
          const certId = idField(either(item, 'Id'));
          if (!certId) continue;
          const bought = either(item, 'BuyInAliyun');
          certificates.push({
            certId,
            name: textField(either(item, 'Name')) ?? '',
            domains: namesOf(textField(either(item, 'Sans')), textField(either(item, 'Common'))),
            notAfter: parseServiceDay(either(item, 'EndDate')),
            ...serviceDayOnly(either(item, 'EndDate')),
            notBefore: parseServiceDay(either(item, 'StartDate')),
            source: bought === false || bought === 'false' ? 'uploaded' : 'issued',
          });
        }
        if (items.length === 0 || seen >= numberField(either(r, 'TotalCount')))
          // The 2018 list has no filter for them: the uploaded ones are picked out here.
          return options.uploadedOnly ? certificates.filter((c) => c.source === 'uploaded') : certificates;
        checkPageLimit('DescribeUserCertificateList', page, numberField(either(r, 'TotalCount')));
      }
    },

    ...heldById(
      call,
      { detail: { action: 'DescribeUserCertificateDetail' }, upload: 'CreateUserCertificate' },
      maskSecret,
    ),
  };
}
