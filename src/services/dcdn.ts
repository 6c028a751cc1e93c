// DCDN 2018-01-15: the same two calls as CDN under DCDN's names. Its CertInfo says `SSLProtocol` for HTTPS on/off
// and `SSLPub` for the served certificate (the official SDK's model of DescribeDcdnDomainCertificateInfo).
import type { RpcClient } from '../aliyun/rpc.js';
import { type CdnService, casCertificateParams, readDate } from './cdn.js';
import { listField, textField } from './fields.js';

export const DCDN_VERSION = '2018-01-15';

export function createDcdnService(client: RpcClient, endpoint: string): CdnService {
  return {
    async describeDomainCertificate(domainName) {
      const r = await client.call({
        endpoint,
        version: DCDN_VERSION,
        action: 'DescribeDcdnDomainCertificateInfo',
        params: { DomainName: domainName },
        changesState: false,
      });
      const info = listField(r.CertInfos, 'CertInfo')[0];
      if (!info) return undefined;
      return {
        domainName: textField(info.DomainName) ?? domainName,
        certName: textField(info.CertName),
        certId: textField(info.CertId),
        status: textField(info.Status),
        certType: textField(info.CertType),
        httpsStatus: textField(info.SSLProtocol),
        certExpireTime: readDate(info.CertExpireTime),
        serverCertificate: textField(info.SSLPub),
      };
    },
    async setDomainCertificate(setting) {
      // Idempotent like CDN's: the same certificate set twice is the same state.
      await client.call({
        endpoint,
        version: DCDN_VERSION,
        action: 'SetDcdnDomainSSLCertificate',
        params: casCertificateParams(setting),
        changesState: false,
      });
    },
  };
}
