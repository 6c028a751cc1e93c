import { p as daysRemaining, k as dayCount, f as certificateCovers } from './start.js';

// mode: list — every unexpired certificate held at the service (every page), optionally those whose names cover any of
// `domains` (wildcards included), soonest expiry first; those due within renew-before-days are marked.
/** A certificate matches when its names cover any one of the wanted names; no names: every certificate. */
function matchesAnyDomain(certificate, wanted) {
    return wanted.length === 0 || wanted.some((name) => certificateCovers(certificate.domains, name));
}
async function listCertificates(ctx, domains) {
    const { config, log } = ctx;
    const store = await ctx.held();
    const now = ctx.now();
    // The 2020 list leaves expired certificates out by itself; the 2018 one lists them: both show the unexpired
    // alone (docs/held-certificates.md).
    const listed = await store.list();
    const all = listed.filter((c) => !c.notAfter || c.notAfter.getTime() > now.getTime());
    if (all.length < listed.length)
        log.info(`${listed.length - all.length} expired certificate(s) at the service are not listed.`);
    const certificates = all
        .filter((c) => matchesAnyDomain(c, domains))
        .sort((a, b) => (a.notAfter?.getTime() ?? Infinity) - (b.notAfter?.getTime() ?? Infinity))
        .map((c) => ({
        id: c.certId,
        name: c.name,
        domains: c.domains,
        notAfter: c.notAfter,
        ...(c.notAfterDay ? { notAfterDay: c.notAfterDay } : {}),
        source: c.source,
    }));
    const due = certificates.filter((c) => c.notAfter && daysRemaining(c.notAfter, now) <= config.renewBeforeDays);
    for (const c of due) {
        log.info(`Certificate ${c.id} (${c.name}) for ${c.domains.join(', ')} expires in ` +
            `${dayCount(daysRemaining(c.notAfter, now))}.`);
    }
    const filter = domains.length > 0 ? ` covering ${domains.join(', ')}` : '';
    log.info(`${certificates.length} of ${all.length} certificate(s) at the service${filter}; ${due.length} expire ` +
        `within renew-before-days (${config.renewBeforeDays}).`);
    return {
        status: 'listed',
        report: { kind: 'list', certificates, renewBeforeDays: config.renewBeforeDays },
        timeline: [],
        details: [
            ['API version', store.apiVersion],
            ['Certificates', `${certificates.length} of ${all.length}${filter}`],
            [`Expiring within ${dayCount(config.renewBeforeDays)}`, String(due.length)],
        ],
    };
}

export { listCertificates, matchesAnyDomain };
