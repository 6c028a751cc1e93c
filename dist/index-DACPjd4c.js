import { F as FlowError, A as AliyunApiError } from './context-DM8Wo8ua.js';
import { v as validationBaseName } from './certificate-Cu7oDFAl.js';
import { rm, rmdir, lstat, readFile, writeFile, mkdir, realpath } from 'node:fs/promises';
import { dirname, resolve, relative, isAbsolute, sep } from 'node:path';
import { spawn } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

// Reading loosely typed service JSON into exact values: ids stay decimal strings, every digit kept.
function idField(value) {
    if (typeof value === 'string' && /^\d+$/.test(value))
        return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        return String(value);
    if (typeof value === 'bigint')
        return value.toString();
    return undefined;
}
function textField(value) {
    if (typeof value === 'string' && value !== '')
        return value;
    if (typeof value === 'number')
        return String(value);
    return undefined;
}
function numberField(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
/** Millisecond timestamps (the list API's Long fields); seconds are accepted too, as some samples show. */
function dateField(value) {
    const n = numberField(value);
    if (n <= 0)
        return undefined;
    return new Date(n < 1e12 ? n * 1000 : n);
}
/** Alibaba Cloud wraps arrays as `{ Record: [...] }` in some products and not in others. */
function listField(value, wrapper) {
    const inner = wrapper && isRecord(value) ? value[wrapper] : value;
    if (Array.isArray(inner))
        return inner.filter(isRecord);
    return isRecord(inner) ? [inner] : [];
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// What validation left in the world, kept in one ledger that is persisted (GITHUB_STATE) on every change,
// so that the post step can remove it when the main step died before its own cleanup.
// Items hold record ids, zones, record names and file paths only: never a key or a secret.
/** A ledger that calls `persist` with every item still to remove, after each change. */
function createCleanupLedger(persist) {
    const items = [];
    return {
        add(item) {
            items.push(item);
            persist([...items]);
        },
        remove(item) {
            const at = items.indexOf(item);
            if (at < 0)
                return;
            items.splice(at, 1);
            persist([...items]);
        },
        items: () => [...items],
    };
}
const text = (value) => typeof value === 'string' && value !== '';
/** Reads saved items back, dropping anything malformed (state is plain text a user could have touched). */
function parseCleanupItems(raw) {
    const items = [];
    for (const entry of raw) {
        if (!isRecord(entry))
            continue;
        const { kind } = entry;
        if (kind === 'alidns-record' && /^\d+$/.test(String(entry.recordId))) {
            if (text(entry.zone) && text(entry.rr) && text(entry.type)) {
                items.push({
                    kind,
                    recordId: String(entry.recordId),
                    zone: entry.zone,
                    rr: entry.rr,
                    type: entry.type,
                });
            }
        }
        else if (kind === 'file' && text(entry.path)) {
            const dirs = Array.isArray(entry.dirs) ? entry.dirs.filter(text) : [];
            items.push({ kind, path: entry.path, dirs });
        }
        else if (kind === 'hook' && text(entry.domain) && text(entry.type) && text(entry.value)) {
            items.push({ kind, domain: entry.domain, type: entry.type, value: entry.value });
        }
    }
    return items;
}
/** One line naming what an item is, for logs. */
function describeItem(item) {
    switch (item.kind) {
        case 'alidns-record':
            return `${item.type} record ${item.rr === '@' ? item.zone : `${item.rr}.${item.zone}`} (record id ${item.recordId})`;
        case 'file':
            return `validation file ${item.path}`;
        case 'hook':
            return `${item.type} record ${item.domain} (via dns-hook)`;
    }
}
function ownedItems(ledger, remove) {
    const owned = [];
    return {
        add(item) {
            owned.push(item);
            ledger.add(item);
        },
        async removeAll() {
            for (const item of [...owned]) {
                if (await remove(item)) {
                    ledger.remove(item);
                    owned.splice(owned.indexOf(item), 1);
                }
            }
        },
    };
}

// Which DNS names a challenge asks for, and which zone of the account (and which RR in it) holds each.
const normalise = (name) => name.trim().toLowerCase().replace(/\.$/, '');
/**
 * Full record names for a challenge's RecordDomain, one per validated name (a wildcard validates at its base).
 * RecordDomain may be relative (`_dnsauth`: it sits under every domain) or a full name under one of the
 * domains (`_dnsauth.example.com`: its prefix then applies to every domain). Repeats are dropped.
 * An empty list means the names cannot be known (a relative RecordDomain and no domains).
 */
function validationRecordNames(recordDomain, domains) {
    const record = normalise(recordDomain);
    const bases = [...new Set(domains.map((d) => validationBaseName(normalise(d))))];
    // The longest base that RecordDomain is, or ends in: the name is given in full.
    const base = bases
        .filter((b) => record === b || record.endsWith(`.${b}`))
        .sort((a, b) => b.length - a.length)[0];
    if (base === undefined) {
        if (record === '' || record === '@')
            return bases;
        return bases.map((b) => `${record}.${b}`);
    }
    const prefix = record === base ? '' : record.slice(0, -(base.length + 1));
    const names = bases.map((b) => (prefix ? `${prefix}.${b}` : b));
    // Keep the name exactly as given first, then the others.
    return [...new Set([record, ...names])];
}
/** The account's zone that is the longest suffix of `name` (on a label boundary), and the RR within it. */
function zoneForName(name, zones) {
    const fqdn = normalise(name);
    let best;
    for (const raw of zones) {
        const zone = normalise(raw);
        if (zone === '')
            continue;
        const isSuffix = fqdn === zone || fqdn.endsWith(`.${zone}`);
        if (isSuffix && (best === undefined || zone.length > best.length))
            best = zone;
    }
    if (best === undefined)
        return undefined;
    return { zone: best, rr: fqdn === best ? '@' : fqdn.slice(0, -(best.length + 1)) };
}
/** The record names an order's DNS challenge needs, or a FlowError when they cannot be known. */
function requiredRecordNames(challenge, domains, orderId) {
    const names = validationRecordNames(challenge.recordDomain, domains);
    if (names.length === 0) {
        throw new FlowError(`Order ${orderId} asks for the ${challenge.recordType} record '${challenge.recordDomain}' relative to ` +
            'its domains, which this run does not know: give the domains input along with order-id.');
    }
    return names;
}

// dns-provider: alidns — the action writes the validation record in Alibaba Cloud DNS and removes it afterwards.
/** Alidns answers these when a record id is unknown: the record is already gone. */
const GONE = /NotBelongToUser|NotFound|NotExist/i;
function createAlidnsValidation(deps) {
    const { dns, log, ledger, orderId } = deps;
    const mine = ownedItems(ledger, (item) => removeAlidnsRecord(dns, item, log));
    const cleanup = () => mine.removeAll();
    return {
        async present(challenge, domains) {
            // A changed challenge makes the records of the previous one useless.
            await cleanup();
            const names = requiredRecordNames(challenge, domains, orderId);
            const zones = await dns.listZones();
            const type = challenge.recordType.toUpperCase();
            const targets = [];
            for (const name of names) {
                const match = zoneForName(name, zones);
                if (!match) {
                    throw new FlowError(`No zone in this Alibaba Cloud DNS account holds ${name} (order ${orderId}); ` +
                        `create the ${type} record ${name} with the value '${challenge.recordValue}' by hand ` +
                        '(and use dns-provider: manual), or add the domain to Alibaba Cloud DNS, or use dns-provider: hook.');
                }
                targets.push({ name, ...match });
            }
            for (const target of targets)
                await ensureRecord(target, type, challenge.recordValue);
            if (deps.waitVisible) {
                for (const t of targets) {
                    await deps.waitVisible({ name: t.name, zone: t.zone, type, value: challenge.recordValue });
                }
            }
        },
        cleanup,
    };
    async function ensureRecord(target, type, value) {
        const { zone, rr, name } = target;
        const adopt = (recordId) => {
            const item = { kind: 'alidns-record', recordId, zone, rr, type };
            mine.add(item);
            log.info(`Created the ${type} record ${name} in zone ${zone} (record id ${recordId}).`);
        };
        try {
            adopt((await dns.addRecord(zone, rr, type, value, deps.ttl)).recordId);
        }
        catch (error) {
            if (!(error instanceof AliyunApiError))
                throw error;
            if (error.code === 'DomainRecordDuplicate') {
                // Someone (a user, an earlier run) made the same record: use it, and leave it in place.
                log.info(`The ${type} record ${name} with this value already exists in zone ${zone}: using it.`);
                return;
            }
            if (!error.outcomeUnknown)
                throw error;
            // Sent without a clear answer: look before doing anything else.
            const found = await dns.findRecords(zone, rr, type, value);
            const first = found[0];
            if (!first)
                throw error;
            adopt(first.recordId);
        }
    }
}
/** Deletes one record; true when it is gone (deleted now, or already). Never throws: warns instead. */
async function removeAlidnsRecord(dns, item, log) {
    try {
        await dns.deleteRecord(item.recordId);
        log.info(`Removed the ${describeItem(item)}.`);
        return true;
    }
    catch (error) {
        if (error instanceof AliyunApiError && GONE.test(error.code)) {
            log.info(`The ${describeItem(item)} is already gone.`);
            return true;
        }
        const reason = error instanceof AliyunApiError ? error.describe() : String(error);
        log.warning(`Could not remove the ${describeItem(item)}: ${reason}. Remove it by hand.`);
        return false;
    }
}

// validation-method: FILE with file-validation-root — write the validation file under the web root, remove it after.
/**
 * Pure: where the file for `uri` goes under `root`, or undefined when the path would leave the root
 * (a `..` segment, an absolute escape, a NUL, a backslash, bad percent-encoding) or names the root itself.
 * A full URL is reduced to its path; query and fragment are dropped; percent-encoding is decoded first.
 */
function validationFilePath(root, uri) {
    let path = uri.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
        try {
            path = new URL(path).pathname;
        }
        catch {
            return undefined;
        }
    }
    path = path.replace(/[?#].*$/, '');
    try {
        path = decodeURIComponent(path);
    }
    catch {
        return undefined;
    }
    if (path === '' || path.includes('\0') || path.includes('\\'))
        return undefined;
    const segments = path.split('/');
    if (segments.includes('..'))
        return undefined;
    const base = resolve(root);
    const target = resolve(base, `.${path.startsWith('/') ? '' : '/'}${path}`);
    return isInside(base, target) ? target : undefined;
}
/** Pure: `target` lies strictly below `base` (both absolute, normalised). */
function isInside(base, target) {
    const rel = relative(base, target);
    return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}
function createFileValidation(deps) {
    const { log, ledger, orderId, root } = deps;
    const mine = ownedItems(ledger, (item) => removeValidationFile(item, log));
    const cleanup = () => mine.removeAll();
    return {
        async present(challenge) {
            await cleanup();
            const target = validationFilePath(root, challenge.uri);
            if (!target) {
                throw new FlowError(`Order ${orderId} asks for the validation file '${challenge.uri}', which is not a path inside ` +
                    `file-validation-root (${root}); refusing to write it. Publish http://${challenge.domain}` +
                    `${challenge.uri} by hand, or use validation-method: DNS.`);
            }
            // Never write through a symbolic link: it could point anywhere.
            if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) {
                throw new FlowError(`The validation file ${target} of order ${orderId} is a symbolic link; refusing to write through it.`);
            }
            const existing = await readFile(target, 'utf8').catch(() => undefined);
            if (existing !== undefined && existing.replace(/\r?\n$/, '') === challenge.content) {
                log.notice(`The validation file ${target} already holds the content order ${orderId} asks for: ` +
                    `make sure a deploy publishes it at http://${challenge.domain}${challenge.uri}.`);
                return;
            }
            const dirs = await makeFoldersInside(root, dirname(target), challenge.uri, orderId);
            const item = { kind: 'file', path: target, dirs };
            mine.add(item);
            await writeFile(target, challenge.content, { mode: 0o644 });
            log.notice(`Wrote the validation file for order ${orderId} to ${target}: a deploy must publish it at ` +
                `http://${challenge.domain}${challenge.uri} before the order can validate.`);
        },
        cleanup,
    };
}
/**
 * Creates `dir` (and `root`) as needed; returns the folders created, deepest first. Refuses when the nearest
 * existing folder is outside the root for real (a symbolic link inside the root pointing elsewhere).
 */
async function makeFoldersInside(root, dir, uri, orderId) {
    const base = resolve(root);
    const firstRoot = await mkdir(base, { recursive: true });
    const realRoot = await realpath(base);
    let existing = dir;
    while (existing !== base && !(await lstat(existing).catch(() => undefined)))
        existing = dirname(existing);
    const realExisting = await realpath(existing);
    if (realExisting !== realRoot && !isInside(realRoot, realExisting)) {
        throw new FlowError(`The validation file '${uri}' of order ${orderId} would land in ${realExisting}, outside ` +
            `file-validation-root (${root}), through a symbolic link; refusing to write it.`);
    }
    const first = await mkdir(dir, { recursive: true });
    return [...(first ? createdDirs(first, dir) : []), ...(firstRoot ? createdDirs(firstRoot, base) : [])];
}
/** Folders from `first` (the first one mkdir created) down to `last`, deepest first. */
function createdDirs(first, last) {
    const dirs = [];
    for (let dir = last;; dir = dirname(dir)) {
        dirs.push(dir);
        if (dir === first || dirname(dir) === dir)
            break;
    }
    return dirs;
}
/** Removes the file and the folders created for it when empty; true when the file is gone. Never throws. */
async function removeValidationFile(item, log) {
    try {
        await rm(item.path, { force: true });
    }
    catch (error) {
        log.warning(`Could not remove the validation file ${item.path}: ${String(error)}. Remove it by hand.`);
        return false;
    }
    for (const dir of item.dirs) {
        // Only empty folders: whatever else a deploy put there stays.
        const removed = await rmdir(dir).then(() => true, () => false);
        if (!removed)
            break;
    }
    log.info(`Removed the validation file ${item.path}.`);
    return true;
}

// dns-provider: hook — a user command (`sh -c`) creates and removes the record at any DNS provider, as with
// acme.sh's dns hooks. It gets the record in CAS_VALIDATION_* variables and never the action's secrets.
/** Variables never passed to the hook: the action's inputs and state, Alibaba Cloud keys, runner tokens. */
const WITHHELD = [
    /^INPUT_/i,
    /^STATE_/i,
    /^ALIBABA_CLOUD_/i,
    /^ALICLOUD_/i,
    /^ACTIONS_RUNTIME_TOKEN$/i,
    /^ACTIONS_ID_TOKEN_REQUEST_TOKEN$/i,
];
/**
 * Pure: the hook's environment — the step's own environment (where a user puts the other provider's token)
 * minus anything withheld or holding one of `secrets`, plus the record and the action.
 */
function hookEnvironment(base, action, record, secrets) {
    const known = secrets.filter((s) => s.length > 0);
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (value === undefined || WITHHELD.some((re) => re.test(name)))
            continue;
        if (known.some((secret) => value.includes(secret)))
            continue;
        env[name] = value;
    }
    env.CAS_VALIDATION_ACTION = action;
    env.CAS_VALIDATION_RECORD_DOMAIN = record.domain;
    env.CAS_VALIDATION_RECORD_TYPE = record.type;
    env.CAS_VALIDATION_RECORD_VALUE = record.value;
    return env;
}
const MAX_OUTPUT = 64 * 1024;
const REPORTED_OUTPUT = 2_000;
/** Runs the hook once through `sh -c`, collecting its output (stdout and stderr interleaved). */
function runHook(runner, action, record) {
    const env = hookEnvironment(runner.env ?? process.env, action, record, runner.secrets);
    return new Promise((resolve) => {
        // Its own process group, so that a timeout ends whatever the hook started, not only the shell.
        const child = spawn('sh', ['-c', runner.command], {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        let output = '';
        const collect = (chunk) => {
            if (output.length < MAX_OUTPUT)
                output += chunk.toString('utf8');
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                if (child.pid)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        }, runner.timeoutMs ?? 300_000);
        let settled = false;
        const finish = (exitCode, signal) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            child.stdout.destroy();
            child.stderr.destroy();
            resolve({ exitCode, signal, timedOut, output: redact(output, runner.secrets) });
        };
        // 'close' may not follow an 'error' (sh not found): settle on either, once.
        child.on('error', (error) => {
            output += `\n${String(error)}`;
            finish(null, null);
        });
        child.on('close', finish);
        // A background process the hook left behind may hold the pipes open: stop reading soon after exit.
        child.on('exit', (code, signal) => setTimeout(() => finish(code, signal), 1_000).unref());
    });
}
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets)
        if (secret)
            out = out.split(secret).join('***');
    return out;
}
/** One sentence: which step of the hook failed for which record, with its exit status and the end of its output. */
function describeHookFailure(action, record, result) {
    const status = result.timedOut
        ? 'timed out'
        : result.exitCode !== null
            ? `exited with code ${result.exitCode}`
            : result.signal
                ? `was killed by ${result.signal}`
                : 'could not be started';
    const output = result.output.trim();
    const tail = output.length > REPORTED_OUTPUT ? `…${output.slice(-REPORTED_OUTPUT)}` : output;
    return (`dns-hook ${action} for the ${record.type} record ${record.domain} ${status}` +
        (tail ? `; its output: ${tail}` : ' with no output'));
}
function createHookValidation(deps) {
    const { runner, log, ledger, orderId } = deps;
    const mine = ownedItems(ledger, (item) => runHookCleanup(runner, item, log));
    const cleanup = () => mine.removeAll();
    return {
        async present(challenge, domains) {
            await cleanup();
            const names = requiredRecordNames(challenge, domains, orderId);
            const type = challenge.recordType.toUpperCase();
            for (const domain of names) {
                const item = { kind: 'hook', domain, type, value: challenge.recordValue };
                // Remembered before it runs: a hook that dies half-way may still have made the record.
                mine.add(item);
                const result = await runHook(runner, 'present', item);
                if (result.exitCode !== 0 || result.timedOut) {
                    throw new FlowError(`${describeHookFailure('present', item, result)}. Fix the hook (order ${orderId} waits), then run again.`);
                }
                log.info(`dns-hook presented the ${type} record ${domain}.`);
                if (result.output.trim())
                    log.debug(`dns-hook output: ${result.output.trim()}`);
            }
        },
        cleanup,
    };
}
/** Runs the hook's cleanup for one record; true when it succeeded. Never throws: warns instead. */
async function runHookCleanup(runner, item, log) {
    const result = await runHook(runner, 'cleanup', item);
    if (result.exitCode === 0 && !result.timedOut) {
        log.info(`dns-hook removed the ${item.type} record ${item.domain}.`);
        if (result.output.trim())
            log.debug(`dns-hook output: ${result.output.trim()}`);
        return true;
    }
    log.warning(`${describeHookFailure('cleanup', item, result)}. Remove the record by hand.`);
    return false;
}

// The user creates the record or file: say exactly what, and keep polling.
function describeChallenge(challenge, domains) {
    if (challenge.method === 'FILE') {
        return `publish http://${challenge.domain}${challenge.uri} with the content '${challenge.content}'`;
    }
    const names = dnsRecordNames(challenge.recordDomain, domains);
    return `create a ${challenge.recordType} record ${names.join(' and ')} with the value '${challenge.recordValue}'`;
}
/** Full record names; the service's RecordDomain as given when the domains are not known. */
function dnsRecordNames(recordDomain, domains) {
    const names = validationRecordNames(recordDomain, domains);
    return names.length > 0 ? names : [recordDomain];
}
function createManualValidation(log, orderId) {
    return {
        async present(challenge, domains) {
            log.notice(`Order ${orderId} waits for domain validation: ${describeChallenge(challenge, domains)}.`);
        },
        async cleanup() { },
    };
}

// dns-wait-propagation: ask the zone's authoritative name servers directly until each serves the new record,
// within a bound, so that a slow propagation costs seconds instead of a failed validation.
/** Resolves the zone's NS host names to addresses with the system resolver. */
async function authoritativeServers(zone) {
    const system = new Resolver({ timeout: 5_000, tries: 2 });
    const hosts = await system.resolveNs(zone);
    const addresses = [];
    for (const host of hosts) {
        if (isIP(host)) {
            addresses.push(host);
            continue;
        }
        const found = await system.resolve4(host).catch(() => []);
        addresses.push(...found);
    }
    return [...new Set(addresses)];
}
/** Whether `server` answers `name` with `value` (TXT: any string of the set; CNAME: the target). */
async function serverHasRecord(server, record, queryTimeoutMs = 3_000) {
    const resolver = new Resolver({ timeout: queryTimeoutMs, tries: 1 });
    resolver.setServers([server]);
    try {
        if (record.type === 'CNAME') {
            const targets = await resolver.resolveCname(record.name);
            const want = record.value.toLowerCase().replace(/\.$/, '');
            return targets.some((t) => t.toLowerCase().replace(/\.$/, '') === want);
        }
        const texts = await resolver.resolveTxt(record.name);
        return texts.some((chunks) => chunks.join('') === record.value);
    }
    catch {
        return false;
    }
    finally {
        resolver.cancel();
    }
}
/** True when every authoritative server serves the record before the bound; false (and a warning) otherwise. */
async function waitForPropagation(record, options) {
    const { log } = options;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const interval = options.intervalMs ?? 2_000;
    const deadline = Date.now() + options.timeoutMs;
    let servers;
    try {
        servers = await (options.nameServers ?? authoritativeServers)(record.zone);
    }
    catch (error) {
        log.warning(`Could not find the name servers of zone ${record.zone} (${String(error)}); not waiting for ${record.name}.`);
        return false;
    }
    if (servers.length === 0) {
        log.warning(`Zone ${record.zone} has no name server address; not waiting for ${record.name}.`);
        return false;
    }
    let waiting = servers;
    for (;;) {
        const answers = await Promise.all(waiting.map((s) => serverHasRecord(s, record, options.queryTimeoutMs)));
        waiting = waiting.filter((_, i) => !answers[i]);
        if (waiting.length === 0) {
            log.info(`The ${record.type} record ${record.name} is visible at all ${servers.length} name server(s).`);
            return true;
        }
        if (Date.now() + interval > deadline) {
            log.warning(`The ${record.type} record ${record.name} is not yet visible at ${waiting.join(', ')} after ` +
                `${Math.round(options.timeoutMs / 1000)}s; carrying on.`);
            return false;
        }
        log.debug(`Waiting for ${record.name} at ${waiting.join(', ')}.`);
        await sleep(interval);
    }
}

/** Longest wait for a record to reach the zone's name servers (bounded further by wait-timeout). */
const PROPAGATION_BOUND_MS = 120_000;
function createValidationStrategy(deps, orderId) {
    const { config, dns, log } = deps;
    const ledger = createCleanupLedger(deps.rememberCleanup);
    const manual = createManualValidation(log, orderId);
    const root = config.fileValidationRoot;
    const file = root
        ? createFileValidation({ root, log, ledger, orderId })
        : manual;
    const runner = hookRunnerFor(config);
    let record = manual;
    if (config.dnsProvider === 'alidns') {
        const boundMs = Math.min(PROPAGATION_BOUND_MS, config.waitTimeoutSeconds * 1000);
        record = createAlidnsValidation({
            dns,
            log,
            ledger,
            orderId,
            ttl: config.dnsTtl,
            waitVisible: config.dnsWaitPropagation
                ? async (r) => void (await waitForPropagation(r, { log, timeoutMs: boundMs }))
                : undefined,
        });
    }
    else if (config.dnsProvider === 'hook' && runner) {
        record = createHookValidation({ runner, log, ledger, orderId });
    }
    return {
        present: (challenge, domains) => challenge.method === 'FILE' ? file.present(challenge, domains) : record.present(challenge, domains),
        async cleanup() {
            await file.cleanup();
            await record.cleanup();
        },
    };
}
/** The hook as configured, with every secret it must never see; undefined without dns-hook. */
function hookRunnerFor(config) {
    if (!config.dnsHook)
        return undefined;
    const { accessKeySecret, securityToken } = config.credentials;
    const secrets = [accessKeySecret, securityToken, config.pfxPassword, config.privateKeyPassphrase];
    return { command: config.dnsHook, secrets: secrets.filter((s) => Boolean(s)) };
}
/**
 * Before ordering with alidns: the record names (the `_dnsauth` label the service uses) of domains that no zone in
 * the account holds. An order for them could never validate, so the caller stops before it costs quota.
 */
async function recordNamesWithoutZone(dns, domains) {
    const zones = await dns.listZones();
    return validationRecordNames('_dnsauth', domains).filter((name) => !zoneForName(name, zones));
}

export { removeValidationFile as a, runHookCleanup as b, createValidationStrategy as c, dateField as d, describeItem as e, recordNamesWithoutZone as f, hookRunnerFor as h, idField as i, listField as l, numberField as n, parseCleanupItems as p, removeAlidnsRecord as r, textField as t, validationRecordNames as v, zoneForName as z };
