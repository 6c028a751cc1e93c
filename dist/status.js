import { aO as openSource, aP as sourceOfExisting, aR as SOURCE_APIS, A as AliyunApiError, F as FlowError, ag as statusReport, p as daysRemaining, k as dayCount, aq as emptyResult, C as splitPemBundle, D as describeCertificate } from './start.js';

// mode: status — a certificate of whichever source holds it (an order, an instance), or the account as a whole
// when nothing is named; and the certificate a CDN domain serves. Reads only; never hands out the private key.
async function reportStatus(ctx, domains) {
    const { config } = ctx;
    if (!config.orderId && !config.instanceId && domains.length === 0 && !config.cdnDomain)
        return reportAccount(ctx);
    const source = await openSource(ctx, sourceOfExisting(config));
    const result = await source.describe(domains);
    if (config.cdnDomain)
        await reportCdnDomain(ctx, config.cdnDomain, result);
    return result;
}
/** Neither a certificate nor domains: what every source holds, so a key or a role can be checked alone. */
async function reportAccount(ctx) {
    const result = emptyResult('active');
    for (const api of SOURCE_APIS)
        await (await openSource(ctx, api)).describeAccount?.(result);
    return result;
}
async function reportCdnDomain(ctx, domain, result) {
    let served;
    try {
        served = await ctx.cdn.describeDomainCertificate(domain);
    }
    catch (error) {
        if (error instanceof AliyunApiError && /^InvalidDomain\.NotFound$|^DomainNotFound/i.test(error.code)) {
            throw new FlowError(`CDN domain ${domain} is not in this account (${error.code}); check cdn-domain and the cdn-endpoint.`);
        }
        throw error;
    }
    statusReport(result).cdn = {
        domain,
        notAfter: served?.certExpireTime,
        certName: served?.certName,
        status: served?.status,
    };
    if (!served?.certExpireTime) {
        ctx.log.info(`CDN domain ${domain} serves no certificate (HTTPS off).`);
        return;
    }
    const left = daysRemaining(served.certExpireTime, ctx.now());
    ctx.log.info(`CDN domain ${domain} serves ${served.certName ?? 'a certificate'} until ${served.certExpireTime.toISOString()} ` +
        `(${dayCount(left)}).`);
    const own = result.certificate;
    if (own && result.orderId) {
        const servedFingerprint = fingerprintOf(served.serverCertificate);
        const same = servedFingerprint
            ? servedFingerprint === own.info.fingerprintSha256
            : served.certId !== undefined && served.certId === result.certId;
        result.details.push([`CDN ${domain} serves order ${result.orderId}`, same ? 'yes' : 'no']);
    }
}
function fingerprintOf(pem) {
    const leaf = splitPemBundle(pem ?? '')[0];
    if (!leaf)
        return undefined;
    try {
        return describeCertificate(leaf).fingerprintSha256;
    }
    catch {
        return undefined;
    }
}

export { reportStatus };
