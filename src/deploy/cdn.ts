// The CDN deploy target: SetCdnDomainSSLCertificate, then DescribeDomainCertificateInfo (002) to see it served.
import { type CdnService, createCdnService } from '../services/cdn.js';
import { acceleratedDomainName, type DeployTarget, type DeployTargetFactory } from './target.js';

export function acceleratedTarget(
  label: string,
  input: string,
  service: CdnService,
  certRegion: string,
): DeployTarget {
  return {
    label,
    input,
    serviceName: acceleratedDomainName,
    async served(serviceName) {
      const info = await service.describeDomainCertificate(serviceName);
      return {
        certId: info?.certId,
        status: info?.status,
        certType: info?.certType,
        httpsOn: info?.httpsStatus?.toLowerCase() !== 'off',
        notAfter: info?.certExpireTime,
      };
    },
    set: (serviceName, certId) =>
      service.setDomainCertificate({ domainName: serviceName, certId, certRegion }),
  };
}

export const createCdnTarget: DeployTargetFactory = (client, config) =>
  acceleratedTarget('CDN', 'cdn-domains', createCdnService(client, config.endpoints.cdn), config.certRegion);
