import { ay as casCertificateParams, aa as listField, t as textField, az as readDate } from './start-CGdX5FY7.js';
import { acceleratedTarget } from './cdn-Bkv1s9xb.js';

const DCDN_VERSION = '2018-01-15';
function createDcdnService(client, endpoint) {
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
            if (!info)
                return undefined;
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

// The DCDN deploy target: SetDcdnDomainSSLCertificate, then DescribeDcdnDomainCertificateInfo; the rules are CDN's.
const createDcdnTarget = (client, config) => acceleratedTarget('DCDN', 'dcdn-domains', createDcdnService(client, config.endpoints.dcdn), config.certRegion);

export { createDcdnTarget };
