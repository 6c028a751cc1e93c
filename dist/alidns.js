import { C as isIP, D as zoneForName, A as AliyunApiError, E as isText, G as requiredRecordNames, H as zoneResolver, F as FlowError, I as ownedItems } from './start.js';
import { f as forMethod } from './strategy.js';

const m = /*#__PURE__*/ process.getBuiltinModule('node:dns/promises');
const Resolver = /*#__PURE__*/ (() => m.Resolver)();

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
            const zones = await dns.listZones();
            const names = requiredRecordNames(challenge, domains, orderId, await zoneResolver(zones));
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
            return names;
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
        // The service may have written it itself (automatic DNS validation), or a user or an earlier run did:
        // use it, never add a second, and leave it in place.
        if ((await dns.findRecords(zone, rr, type, value)).length > 0) {
            log.info(`The ${type} record ${name} with this value is already in zone ${zone}: using it, leaving it in place.`);
            return;
        }
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
/** One line naming a record, for logs. */
function describeItem(item) {
    return `${item.type} record ${item.rr === '@' ? item.zone : `${item.rr}.${item.zone}`} (record id ${item.recordId})`;
}
/** Longest wait for a record to reach the zone's name servers (bounded further by wait-timeout). */
const PROPAGATION_BOUND_MS = 120_000;
const isAlidnsItem = (item) => item.kind === 'alidns-record';
const alidnsProvider = {
    create({ settings, dns, log, ledger, orderId }) {
        const boundMs = Math.min(PROPAGATION_BOUND_MS, settings.waitTimeoutSeconds * 1000);
        const handler = createAlidnsValidation({
            dns,
            log,
            ledger,
            orderId,
            ttl: settings.ttl,
            waitVisible: settings.waitPropagation
                ? async (r) => void (await waitForPropagation(r, { log, timeoutMs: boundMs }))
                : undefined,
        });
        return forMethod('DNS', handler);
    },
    itemKind: 'alidns-record',
    parseItem(raw) {
        if (!/^\d+$/.test(String(raw.recordId)))
            return undefined;
        if (!isText(raw.zone) || !isText(raw.rr) || !isText(raw.type))
            return undefined;
        return {
            kind: 'alidns-record',
            recordId: String(raw.recordId),
            zone: raw.zone,
            rr: raw.rr,
            type: raw.type,
        };
    },
    describeItem: (item) => (isAlidnsItem(item) ? describeItem(item) : item.kind),
    async removeItem(item, { dns, log }) {
        return isAlidnsItem(item) && dns !== undefined && removeAlidnsRecord(dns, item, log);
    },
    async removeForChallenge(challenge, names, { dns, log }) {
        if (challenge.method !== 'DNS' || !dns)
            return 'not removed (no DNS client)';
        const type = challenge.recordType.toUpperCase();
        try {
            const zones = await dns.listZones();
            let removed = 0;
            for (const name of names) {
                const match = zoneForName(name, zones);
                if (!match)
                    continue;
                for (const record of await dns.findRecords(match.zone, match.rr, type, challenge.recordValue)) {
                    const item = { kind: 'alidns-record', recordId: record.recordId, ...match, type };
                    if (await removeAlidnsRecord(dns, item, log))
                        removed++;
                }
            }
            return `${removed} removed from Alibaba Cloud DNS`;
        }
        catch (error) {
            if (!(error instanceof AliyunApiError))
                throw error;
            log.warning(`The validation records could not be looked up (${error.describe()}); remove any ${type} record ` +
                `${names.join(', ')} with the value ${challenge.recordValue} yourself.`);
            return 'not removed (see the warning)';
        }
    },
};

export { alidnsProvider, createAlidnsValidation, describeItem, removeAlidnsRecord };
