import { A as AliyunApiError, f as certificateCovers } from './start.js';

// The CDN deploy target: SetCdnDomainSSLCertificate, then DescribeDomainCertificateInfo to see it served. Its
// rules are the accelerated domains' (DCDN's too, dcdn.ts): the wildcard domain's name, coverage, the status words.
/** The failure statuses of DescribeDomainCertificateInfo (docs/deploy.md) and what each means, for the one-sentence error. */
const FAILED = {
    cname_error: 'no valid CNAME record points the domain at the CDN',
    top_domain_cname_error: 'no valid CNAME record has been added for the top-level domain',
    domain_invalid: 'the domain name contains invalid characters',
    unsupport_wildcard: 'the product does not support this wildcard domain',
    get_token_timeout: 'the certificate application request timed out',
    check_token_timeout: 'the verification timed out',
    get_cert_timeout: 'the request to obtain the certificate timed out',
    failed: 'the certificate application failed',
};
/** `*.example.com` → `.example.com`, as CDN and DCDN name a wildcard domain; everything else as it is. */
function serviceName(domain) {
    return domain.startsWith('*.') ? domain.slice(1) : domain;
}
/**
 * What an answer means: `success` is in effect (with HTTPS on); a failure status fails at once; `checking` and
 * `applying`, no status yet, and a status docs/deploy.md does not list are waited out (deploy-timeout bounds them).
 */
function readServing(info) {
    const status = info?.status;
    const value = (status ?? '').toLowerCase();
    const httpsOn = info?.httpsStatus?.toLowerCase() !== 'off';
    const meaning = FAILED[value];
    const what = info?.certId ? `certificate ${info.certId}` : 'no certificate';
    return {
        certId: info?.certId,
        inEffect: value === 'success' && httpsOn,
        settling: value !== 'success' && !meaning,
        ...(meaning ? { failure: `${status}: ${meaning}` } : {}),
        held: info?.certType !== 'free',
        ...(info?.certUpdateTime ? { since: info.certUpdateTime } : {}),
        summary: `${what}${status ? `, ${status}` : ''}${httpsOn ? '' : ', HTTPS off'}`,
    };
}
const isMissing = (code) => /^InvalidDomain\.NotFound$|^DomainNotFound/i.test(code);
function acceleratedTarget(names, service, options) {
    return {
        ...names,
        describe: (domain) => `${names.label} domain ${domain}`,
        // The wildcard domain `.example.com` needs the name `*.example.com`.
        covers: (certNames, domain) => certificateCovers(certNames, domain.startsWith('.') ? `*${domain}` : domain),
        serving: async (domain) => readServing(await service.describeDomainCertificate(serviceName(domain))),
        set: (domain, certId) => service.setDomainCertificate({
            domainName: serviceName(domain),
            certId,
            certRegion: options.certRegion,
        }),
        isMissing,
        async check(domain) {
            try {
                await service.describeDomainCertificate(serviceName(domain));
                return undefined;
            }
            catch (error) {
                if (!(error instanceof AliyunApiError && isMissing(error.code)))
                    throw error;
                return `names ${domain}, which is not a ${names.label} domain of this account (${error.code}): add it in the ${names.label} console, or check ${names.endpointInput}`;
            }
        },
    };
}
const createCdnTarget = (services, options) => acceleratedTarget({ label: 'CDN', input: 'cdn-domains', endpointInput: 'cdn-endpoint' }, services.cdn, options);

export { acceleratedTarget, createCdnTarget };
