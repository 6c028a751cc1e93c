// CDN 2018-05-10: the certificate a CDN domain serves (docs/vendor-facts.md).
import type { RpcClient } from '../aliyun/rpc.js';
import { listField, textField } from './fields.js';

export const CDN_VERSION = '2018-05-10';

export interface CdnCertificateInfo {
  domainName: string;
  certName?: string;
  certId?: string;
  status?: string;
  certExpireTime?: Date;
  certStartTime?: Date;
  /** PEM of the served certificate, when the service includes it. */
  serverCertificate?: string;
}

export interface CdnService {
  describeDomainCertificate(domainName: string): Promise<CdnCertificateInfo | undefined>;
}

export function createCdnService(client: RpcClient, endpoint: string): CdnService {
  return {
    async describeDomainCertificate(domainName) {
      const r = await client.call({
        endpoint,
        version: CDN_VERSION,
        action: 'DescribeDomainCertificateInfo',
        params: { DomainName: domainName },
        changesState: false,
      });
      const info = listField(r.CertInfos, 'CertInfo')[0];
      if (!info) return undefined;
      const date = (v: unknown) => {
        const t = textField(v);
        const parsed = t ? new Date(t) : undefined;
        return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
      };
      return {
        domainName: textField(info.DomainName) ?? domainName,
        certName: textField(info.CertName),
        certId: textField(info.CertId),
        status: textField(info.Status),
        certExpireTime: date(info.CertExpireTime),
        certStartTime: date(info.CertStartTime),
        serverCertificate: textField(info.ServerCertificate),
      };
    },
  };
}
