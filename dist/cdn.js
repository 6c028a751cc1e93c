import { ay as createCdnService } from './start.js';

/** `*.example.com` → `.example.com`, as CDN and DCDN name a wildcard domain; everything else as it is. */
function acceleratedDomainName(domain) {
    return domain.startsWith('*.') ? domain.slice(1) : domain;
}

// The CDN deploy target: SetCdnDomainSSLCertificate, then DescribeDomainCertificateInfo (002) to see it served.
function acceleratedTarget(label, input, service, certRegion) {
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
        set: (serviceName, certId) => service.setDomainCertificate({ domainName: serviceName, certId, certRegion }),
    };
}
const createCdnTarget = (client, config) => acceleratedTarget('CDN', 'cdn-domains', createCdnService(client, config.endpoints.cdn), config.certRegion);

export { acceleratedTarget, createCdnTarget };
