// CDN 2018-05-10 and DCDN 2018-01-15: the certificate an accelerated domain serves, and setting it (the same two
// calls under each product's names; docs/vendor-facts.md, docs/deploy.md).
import type { RpcClient } from '../aliyun/rpc.js';
import { listField, textField } from './fields.js';

export const CDN_VERSION = '2018-05-10';

export interface CdnCertificateInfo {
  domainName: string;
  certName?: string;
  certId?: string;
  /** `success`, `checking`, `cname_error`, … (docs/deploy.md). */
  status?: string;
  /** `free`, `cas` or `upload`. */
  certType?: string;
  /** HTTPS `on` or `off` (`ServerCertificateStatus`; DCDN's `SSLProtocol`). */
  httpsStatus?: string;
  certExpireTime?: Date;
  certStartTime?: Date;
  /** When this certificate was set on the domain (CDN's `CertUpdateTime`; DCDN gives none). */
  certUpdateTime?: Date;
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

function readDate(value: unknown): Date | undefined {
  const t = textField(value);
  const parsed = t ? new Date(t) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
}

/** The parameters of SetCdnDomainSSLCertificate / SetDcdnDomainSSLCertificate for a CAS certificate. */
function casCertificateParams(setting: CasCertificateSetting): Record<string, string> {
  return {
    DomainName: setting.domainName,
    SSLProtocol: 'on',
    CertType: 'cas',
    CertId: setting.certId,
    CertRegion: setting.certRegion,
  };
}

/** What differs between CDN and DCDN: the version, the two actions and two field names of CertInfo. */
interface AcceleratedProduct {
  version: string;
  describe: string;
  set: string;
  httpsField: string;
  certificateField: string;
}

const CDN: AcceleratedProduct = {
  version: CDN_VERSION,
  describe: 'DescribeDomainCertificateInfo',
  // Never the deprecated SetDomainServerCertificate (docs/vendor-facts.md).
  set: 'SetCdnDomainSSLCertificate',
  httpsField: 'ServerCertificateStatus',
  certificateField: 'ServerCertificate',
};

/** DCDN 2018-01-15: its CertInfo says `SSLProtocol` and `SSLPub` (the official SDK's model). */
export const DCDN_VERSION = '2018-01-15';
const DCDN: AcceleratedProduct = {
  version: DCDN_VERSION,
  describe: 'DescribeDcdnDomainCertificateInfo',
  set: 'SetDcdnDomainSSLCertificate',
  httpsField: 'SSLProtocol',
  certificateField: 'SSLPub',
};

export const createCdnService = (client: RpcClient, endpoint: string): CdnService =>
  createAcceleratedDomainService(client, endpoint, CDN);
export const createDcdnService = (client: RpcClient, endpoint: string): CdnService =>
  createAcceleratedDomainService(client, endpoint, DCDN);

function createAcceleratedDomainService(
  client: RpcClient,
  endpoint: string,
  product: AcceleratedProduct,
): CdnService {
  const { version } = product;
  return {
    async describeDomainCertificate(domainName) {
      const r = await client.call({
        endpoint,
        version,
        action: product.describe,
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
        httpsStatus: textField(info[product.httpsField]),
        certExpireTime: readDate(info.CertExpireTime),
        certStartTime: readDate(info.CertStartTime),
        certUpdateTime: readDate(info.CertUpdateTime),
        serverCertificate: textField(info[product.certificateField]),
      };
    },
    async setDomainCertificate(setting) {
      // Setting the same certificate again leaves the same state, so a call whose outcome is unknown may be
      // sent again.
      await client.call({
        endpoint,
        version,
        action: product.set,
        params: casCertificateParams(setting),
        changesState: false,
      });
    },
  };
}
