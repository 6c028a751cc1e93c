import { l as listField, t as textField } from './fields-NEyyrui6.js';

const CDN_VERSION = '2018-05-10';
function readDate(value) {
    const t = textField(value);
    const parsed = t ? new Date(t) : undefined;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
}
/** The parameters of SetCdnDomainSSLCertificate / SetDcdnDomainSSLCertificate for a CAS certificate. */
function casCertificateParams(setting) {
    return {
        DomainName: setting.domainName,
        SSLProtocol: 'on',
        CertType: 'cas',
        CertId: setting.certId,
        CertRegion: setting.certRegion,
    };
}
function createCdnService(client, endpoint) {
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
            if (!info)
                return undefined;
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

export { casCertificateParams as a, createCdnService as c, readDate as r };
