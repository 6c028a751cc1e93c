import { a3 as sameDomainSet, k as daysRemaining, aa as renewalWindowDays, az as isRecord, aA as parseDomainList, l as normaliseDomain, aB as checkDomainSet, aw as InputError, au as SOURCE_APIS, ar as openSource, J as isAbsolute, E as resolve, B as readFile, a2 as emptyResult } from './start.js';

// Pure: what each entry of a fleet needs, decided in one pass over what the account holds (given as plain data, so
// orders, instances and certificates held at the service can all be fed in), then the matrix for the renewal jobs.
// The rules are the ones `mode: issue` applies to one certificate (src/sources/order/order-issue.ts): an issued
// certificate with more days left than the renewal window is kept; else an order in flight is resumed; else a new
// one is due.
/** GitHub runs at most this many jobs from one matrix (docs/fleet.md). */
const MAX_MATRIX_JOBS = 256;
function planFleet(parsed, held, now) {
    const planned = [
        ...parsed.invalid.map(invalidEntry),
        ...parsed.entries.map((entry) => decideEntry(entry, held, now)),
    ].sort(byDaysLeft);
    const selected = planned.filter((p) => p.decision === 'due' || p.decision === 'in-flight');
    const jobs = selected.map(matrixEntry);
    const batchSize = Math.max(1, Math.ceil(jobs.length / MAX_MATRIX_JOBS));
    const include = batchSize === 1 ? jobs : batches(jobs, batchSize);
    return { entries: planned, matrix: { include }, dueCount: selected.length, batchSize };
}
function decideEntry(entry, held, now) {
    const mine = held.filter((h) => sameDomainSet(h.domains, entry.domains) &&
        // As listOrdersForDomains: a product named on both sides must agree.
        (!entry.productCode || !h.productCode || h.productCode === entry.productCode));
    const base = { name: entry.name, domains: entry.domains, entry };
    const current = mine
        .filter((h) => (h.state === 'valid' || h.state === 'expired') && h.notAfter)
        .sort((a, b) => (b.notAfter?.getTime() ?? 0) - (a.notAfter?.getTime() ?? 0))[0];
    const inFlight = mine.find((h) => h.state === 'in-flight');
    const daysLeft = current?.notAfter ? daysRemaining(current.notAfter, now) : undefined;
    if (current?.notAfter && daysLeft !== undefined) {
        const window = current.notBefore
            ? renewalWindowDays(entry.renewBeforeDays, { notBefore: current.notBefore, notAfter: current.notAfter })
                .days
            : entry.renewBeforeDays;
        if (daysLeft > window) {
            return {
                ...base,
                decision: 'ok',
                reason: `${daysLeft} days left (renews within ${window}), ${current.source} ${current.id}`,
                current,
                daysLeft,
            };
        }
        const expiry = daysLeft < 0 ? `expired ${-daysLeft} days ago` : `${daysLeft} days left`;
        if (inFlight) {
            return {
                ...base,
                decision: 'in-flight',
                reason: `${expiry}; ${inFlight.source} ${inFlight.id} is in flight: resume it`,
                current,
                daysLeft,
                inFlight,
            };
        }
        return {
            ...base,
            decision: 'due',
            reason: `${expiry} (renews within ${window}), ${current.source} ${current.id}`,
            current,
            daysLeft,
        };
    }
    if (inFlight) {
        return {
            ...base,
            decision: 'in-flight',
            reason: `no certificate yet; ${inFlight.source} ${inFlight.id} is in flight: resume it`,
            inFlight,
        };
    }
    return { ...base, decision: 'due', reason: 'no certificate for exactly these domains yet' };
}
function invalidEntry(bad) {
    return { name: bad.name, decision: 'invalid', reason: bad.reason, domains: [] };
}
/** Invalid first (they need a person), then no certificate, then fewest days left; by name within a tie. */
function byDaysLeft(a, b) {
    const rank = (p) => p.decision === 'invalid' ? -Infinity : (p.daysLeft ?? Number.MIN_SAFE_INTEGER);
    const diff = rank(a) - rank(b);
    if (diff !== 0 && !Number.isNaN(diff))
        return diff;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
/** The entry as given, plus what the plan found, for the renewal job (`matrix.name`, `matrix.domains`, …). */
function matrixEntry(p) {
    const fields = { ...(p.entry?.fields ?? {}), name: p.name };
    fields.plan = p.decision;
    if (p.inFlight?.source === 'order')
        fields['order-id'] = p.inFlight.id;
    if (p.inFlight?.source === 'instance')
        fields['instance-id'] = p.inFlight.id;
    return fields;
}
/** Past 256 jobs: `batch-001` … each with its certificates, renewed one after the other by one job. */
function batches(jobs, size) {
    const out = [];
    const width = String(Math.ceil(jobs.length / size)).length;
    for (let start = 0; start < jobs.length; start += size) {
        const number = out.length + 1;
        out.push({
            name: `batch-${String(number).padStart(width, '0')}`,
            batch: number,
            certificates: jobs.slice(start, start + size),
        });
    }
    return out;
}

// Pure: the `certificates` list of `mode: plan` (entries as in .github/certificates.example.json) → entries the
// planner can decide on. A bad entry does not stop the plan: it is reported `invalid` with its reason, so that one
// typo in a fleet of hundreds never keeps the others from renewing (docs/fleet.md).
/** As renew.yml has always checked it: a name that is safe in job names, concurrency groups and issue titles. */
const ENTRY_NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** Throws only when the list as a whole is unusable (not a JSON array); the message names no input. */
function parseFleetEntries(json, defaults) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new Error(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!Array.isArray(value))
        throw new Error('must be a JSON array of certificate entries');
    const entries = [];
    const invalid = [];
    const seen = new Set();
    value.forEach((raw, index) => {
        const label = isRecord(raw) && typeof raw.name === 'string' && raw.name ? raw.name : `#${index + 1}`;
        const parsed = parseEntry(raw, defaults);
        if (typeof parsed === 'string') {
            invalid.push({ name: label, reason: parsed });
        }
        else if (seen.has(parsed.name)) {
            invalid.push({ name: label, reason: `the name ${parsed.name} is used by an earlier entry` });
        }
        else {
            seen.add(parsed.name);
            entries.push(parsed);
        }
    });
    return { entries, invalid };
}
function parseEntry(raw, defaults) {
    if (!isRecord(raw))
        return 'is not an object with name and domains';
    const { name } = raw;
    if (typeof name !== 'string' || !ENTRY_NAME.test(name))
        return 'name must be 1 to 64 letters, digits or . _ - (it names the job and the alert issue)';
    const rawDomains = Array.isArray(raw.domains)
        ? raw.domains.filter((d) => typeof d === 'string').join(',')
        : raw.domains;
    if (typeof rawDomains !== 'string' || rawDomains.trim() === '')
        return 'domains must be a non-empty comma-separated string (or an array of names)';
    const domains = parseDomainList(rawDomains).map(normaliseDomain);
    const domainProblem = checkDomainSet(domains);
    if (domainProblem)
        return `domains: ${domainProblem}`;
    let renewBeforeDays = defaults.renewBeforeDays;
    const rawDays = raw['renew-before-days'];
    if (rawDays !== undefined && rawDays !== '') {
        const days = Number(rawDays);
        if (!Number.isInteger(days) || days < 0)
            return `renew-before-days must be a whole number of at least 0 (got '${String(rawDays)}')`;
        renewBeforeDays = days;
    }
    const productCode = raw['product-code'];
    if (productCode !== undefined && typeof productCode !== 'string')
        return 'product-code must be a string';
    return {
        name,
        domains,
        renewBeforeDays,
        productCode: productCode?.trim() || undefined,
        fields: { ...raw, domains: domains.join(',') },
    };
}

// mode: plan — one pass over what the account holds (every source's inventory, every page, and the uploaded
// certificates), a decision per entry of `certificates`, and the matrix of the entries due or in flight for the
// renewal jobs (docs/fleet.md). It reads only: it never orders, so it is safe to run as often as it likes.
async function planRenewals(ctx) {
    const { config, log } = ctx;
    const text = await readCertificateList(config.certificates ?? '');
    let parsed;
    try {
        parsed = parseFleetEntries(text, { renewBeforeDays: config.renewBeforeDays });
    }
    catch (error) {
        throw new InputError([{ input: 'certificates', problem: error.message }]);
    }
    const now = ctx.now();
    const inventories = [];
    for (const api of SOURCE_APIS) {
        const inventory = await (await openSource(ctx, api)).inventory?.();
        if (inventory)
            inventories.push(inventory);
    }
    const uploaded = await (await ctx.held()).list({ uploadedOnly: true });
    const held = [...inventories.flatMap((i) => i.held), ...uploaded.map((c) => heldFromCertificate(c, now))];
    const plan = planFleet(parsed, held, now);
    for (const p of plan.entries)
        log.info(`${p.name}: ${p.decision} (${p.reason}).`);
    const counts = countBy(plan.entries.map((p) => p.decision));
    log.info(`${plan.entries.length} certificate(s): ${counts.due ?? 0} due, ${counts['in-flight'] ?? 0} in flight, ` +
        `${counts.ok ?? 0} ok, ${counts.invalid ?? 0} invalid; read ` +
        [
            ...inventories.map((i) => `${i.held.length} ${i.noun}`),
            `${uploaded.length} uploaded certificate(s)`,
        ].join(', ') +
        '.');
    for (const bad of plan.entries.filter((p) => p.decision === 'invalid'))
        log.warning(`certificates: entry ${bad.name} ${bad.reason}; it is left out of the plan.`);
    if (plan.batchSize > 1) {
        log.info(`${plan.dueCount} certificates to renew is more than one matrix runs (256): ` +
            `${plan.matrix.include.length} batches of up to ${plan.batchSize}.`);
    }
    const result = emptyResult('planned');
    result.report = { kind: 'plan', plan };
    result.details.push(['Due or in flight', String(plan.dueCount)]);
    for (const i of inventories)
        result.details.push([i.heading, String(i.held.length)]);
    result.details.push(['Uploaded certificates read', String(uploaded.length)]);
    return result;
}
/** Inline JSON (starts with `[`), or a file: relative to the workspace, as GitHub's own inputs take paths. */
async function readCertificateList(value) {
    const trimmed = value.trim();
    if (trimmed.startsWith('['))
        return trimmed;
    const base = process.env.GITHUB_WORKSPACE || process.cwd();
    const path = isAbsolute(trimmed) ? trimmed : resolve(base, trimmed);
    try {
        return await readFile(path, 'utf8');
    }
    catch (error) {
        const code = error.code ?? String(error);
        throw new InputError([
            {
                input: 'certificates',
                problem: `is neither a JSON array nor a readable file (${path}: ${code}); check out the repository first`,
            },
        ]);
    }
}
/** A certificate uploaded from elsewhere: it counts while valid, though no job of ours renews it. */
function heldFromCertificate(c, now) {
    const expired = c.notAfter ? daysRemaining(c.notAfter, now) < 0 : false;
    return {
        source: 'certificate',
        id: c.certId,
        domains: c.domains,
        state: expired ? 'expired' : 'valid',
        ...(c.notAfter ? { notAfter: c.notAfter } : {}),
    };
}
function countBy(values) {
    const counts = {};
    for (const v of values)
        counts[v] = (counts[v] ?? 0) + 1;
    return counts;
}

export { heldFromCertificate, planRenewals };
