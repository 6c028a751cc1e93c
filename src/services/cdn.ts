// CDN 2018-05-10: the certificate a CDN domain serves, and setting it (docs/vendor-facts.md, docs/deploy.md).
import type { RpcClient } from '../aliyun/rpc.js';
import { listField, textField } from './fields.js';

export const CDN_VERSION = '2018-05-10';

export interface CdnCertificateInfo {
  domainName: string;
  certName?: string;
  certId?: string;
  /** `success`, `checking`, `cname_error`, … (002). */
  status?: string;
  /** `free`, `cas` or `upload`. */
  certType?: string;
  /** HTTPS `on` or `off` (`ServerCertificateStatus`; DCDN's `SSLProtocol`). */
  httpsStatus?: string;
  certExpireTime?: Date;
  certStartTime?: Date;
  /** PEM of the served certificate, when the service includes it. */
  serverCertificate?: string;
}

/** Setting a CAS certificate on an accelerated domain (CDN and DCDN take the same parameters). */
export interface CasCertificateSetting {
  /** As the service names the domain (a wildcard domain is `.example.com`). */
  domainName: string;
  certId: string;
  /** `cn-hangzhou` or `ap-southeast-1`: where the certificate is held. */
  certRegion: string;
}

export interface CdnService {
  describeDomainCertificate(domainName: string): Promise<CdnCertificateInfo | undefined>;
  setDomainCertificate(setting: CasCertificateSetting): Promise<void>;
}

export function readDate(value: unknown): Date | undefined {
  const t = textField(value);
  const parsed = t ? new Date(t) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
}

/** The parameters of SetCdnDomainSSLCertificate / SetDcdnDomainSSLCertificate for a CAS certificate. */
export function casCertificateParams(setting: CasCertificateSetting): Record<string, string> {
  return {
    DomainName: setting.domainName,
    SSLProtocol: 'on',
    CertType: 'cas',
    CertId: setting.certId,
    CertRegion: setting.certRegion,
  };
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
      return {
        domainName: textField(info.DomainName) ?? domainName,
        certName: textField(info.CertName),
        certId: textField(info.CertId),
        status: textField(info.Status),
        certType: textField(info.CertType),
        httpsStatus: textField(info.ServerCertificateStatus),
        certExpireTime: readDate(info.CertExpireTime),
        certStartTime: readDate(info.CertStartTime),
        serverCertificate: textField(info.ServerCertificate),
      };
    },
    async setDomainCertificate(setting) {
      // Never the deprecated SetDomainServerCertificate (docs/vendor-facts.md). Setting the same certificate again
      // leaves the same state, so a call whose outcome is unknown may be sent again.
      await client.call({
        endpoint,
        version: CDN_VERSION,
        action: 'SetCdnDomainSSLCertificate',
        params: casCertificateParams(setting),
        changesState: false,
      });
    },
  };
}
