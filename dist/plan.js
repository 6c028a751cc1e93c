import { ap as sameDomainSet, p as daysRemaining, ax as renewalWindowDays, k as dayCount, v as isRecord, aV as parseDomainList, q as normaliseDomain, aW as checkDomainSet, aS as InputError, aR as SOURCE_APIS, aO as openSource, a1 as isAbsolute, Z as resolve, R as readFile, aq as emptyResult } from './start.js';

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
                reason: `${dayCount(daysLeft)} left (renews within ${window}), ${current.source} ${current.id}`,
                current,
                daysLeft,
            };
        }
        const expiry = daysLeft < 0 ? `expired ${dayCount(-daysLeft)} ago` : `${dayCount(daysLeft)} left`;
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

// The one list of what a fleet entry may say (docs/fleet.md). The plan refuses any other key; the renewal job of
// the fleet workflow (examples/renew.yml → .github/workflows/certificate.yml) forwards exactly these; the batch job
// (src/batch/) turns exactly these into inputs. So an entry can never reach an endpoint, a hook, a mode or a
// credential: those come from the workflow alone (test/e2e/fleet-contract.test.ts holds the three to this list).
// Pure data, no import: dist/renew-batch.js bundles it without loading a chunk of the action.
/** Per-certificate inputs an entry may give, besides its `name`. */
const ENTRY_INPUTS = [
    'domains',
    'product-code',
    'renew-before-days',
    'certificate-api',
    'validation-method',
    'dns-provider',
    'cdn-domains',
    'dcdn-domains',
    'delete-superseded',
    'artifact-name',
    'artifact-retention-days',
];
/** Keys of an entry: its name, then its inputs. */
const ENTRY_KEYS = ['name', ...ENTRY_INPUTS];
/** The key a typo most likely meant: the closest known key within two edits, if any. */
function closestKey(key, known = ENTRY_KEYS) {
    let best;
    let bestDistance = 3;
    for (const candidate of known) {
        const distance = editDistance(key.toLowerCase(), candidate);
        if (distance < bestDistance)
            [best, bestDistance] = [candidate, distance];
    }
    return best;
}
/** Levenshtein distance. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
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
/** Keys outside src/fleet/entry-keys.ts are refused: an entry never names an endpoint, a hook or a credential. */
function unknownKeyProblem(key) {
    const near = closestKey(key);
    const hint = near ? `did you mean '${near}'?` : `an entry may give: ${ENTRY_KEYS.join(', ')}`;
    return `has an unknown key '${key}' (${hint})`;
}
function parseEntry(raw, defaults) {
    if (!isRecord(raw))
        return 'is not an object with name and domains';
    // First, so that a typo'd `domain` reads as the typo, not as missing domains.
    const unknown = Object.keys(raw).filter((key) => !ENTRY_KEYS.includes(key));
    if (unknown.length > 0)
        return unknown.map(unknownKeyProblem).join('; ');
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
    const invalid = plan.entries.filter((p) => p.decision === 'invalid');
    for (const bad of invalid)
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
    // The others are in the matrix and renew (renew.yml runs them after a failed plan); the step fails so that
    // a typo does not go unseen behind a green run (docs/fleet.md).
    if (invalid.length > 0) {
        result.details.push(['Invalid entries', invalid.map((p) => p.name).join(', ')]);
        result.failsStep =
            `${invalid.length} of ${plan.entries.length} certificate entries are invalid ` +
                `(${invalid.map((p) => p.name).join(', ')}): fix or remove them (the warnings above say why); ` +
                `the others are planned (${plan.dueCount} due or in flight, in the matrix).`;
    }
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
/**
 * A certificate uploaded to CAS: an ACME run's upload (how a certificate-api acme entry is found) or one from
 * elsewhere; judged by its dates, renew-before-days capped at a third of its lifetime, as issue judges it.
 */
function heldFromCertificate(c, now) {
    const expired = c.notAfter ? daysRemaining(c.notAfter, now) < 0 : false;
    return {
        source: 'certificate',
        id: c.certId,
        domains: c.domains,
        state: expired ? 'expired' : 'valid',
        ...(c.notAfter ? { notAfter: c.notAfter } : {}),
        ...(c.notAfterDay ? { notAfterDay: c.notAfterDay } : {}),
        ...(c.notBefore ? { notBefore: c.notBefore } : {}),
    };
}
function countBy(values) {
    const counts = {};
    for (const v of values)
        counts[v] = (counts[v] ?? 0) + 1;
    return counts;
}

export { heldFromCertificate, planRenewals };
