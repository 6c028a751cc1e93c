import { I as zoneForName, A as AliyunApiError, J as isText, K as waitForPropagation, L as nameServersOf, M as requiredRecordNames, O as zoneResolver, F as FlowError, P as ownedItems } from './start.js';
import { f as forMethod } from './strategy.js';

// dns-provider: alidns — the action writes the validation record in Alibaba Cloud DNS and removes it afterwards.
/** Alidns answers these when a record id is unknown: the record is already gone. */
const GONE = /NotBelongToUser|NotFound|NotExist/i;
/**
 * How often one DNS write is sent when its answers leave the outcome unknown (a 503, a dropped connection). Each
 * repeat comes only after the zone was read and the write found not to have taken effect, so it is harmless.
 */
const WRITE_ATTEMPTS = 3;
/** The pause before a repeat grows by this much each time: a 503 is often over in a second or two. */
const RESEND_PAUSE_MS = 500;
const pause = (attempt) => new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS * attempt));
const unknownOutcome = (error) => error instanceof AliyunApiError && error.outcomeUnknown === true;
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
        for (let attempt = 1;; attempt++) {
            try {
                adopt((await dns.addRecord(zone, rr, type, value, deps.ttl)).recordId);
                return;
            }
            catch (error) {
                if (!(error instanceof AliyunApiError))
                    throw error;
                if (error.code === 'DomainRecordDuplicate') {
                    // A repeat: the earlier send made it after all (the zone's list lagged), so it is this run's to remove.
                    const made = attempt > 1 ? (await dns.findRecords(zone, rr, type, value))[0] : undefined;
                    if (made)
                        return adopt(made.recordId);
                    // Someone (a user, an earlier run) made the same record: use it, and leave it in place.
                    log.info(`The ${type} record ${name} with this value already exists in zone ${zone}: using it.`);
                    return;
                }
                if (!unknownOutcome(error) || attempt >= WRITE_ATTEMPTS)
                    throw error;
                // Sent without a clear answer: read the zone before doing anything else.
                const first = (await dns.findRecords(zone, rr, type, value))[0];
                if (first)
                    return adopt(first.recordId);
                log.info(`AddDomainRecord for ${name} got no clear answer (${error.code}) and zone ${zone} does not hold the ` +
                    'record: sending it again.');
                await pause(attempt);
            }
        }
    }
}
/** Deletes one record; true when it is gone (deleted now, or already). Never throws: warns instead. */
async function removeAlidnsRecord(dns, item, log) {
    for (let attempt = 1;; attempt++) {
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
            // Sent without a clear answer: the zone says whether it went; if not (or unreadable), a repeat is harmless.
            if (unknownOutcome(error) && attempt < WRITE_ATTEMPTS) {
                if ((await stillThere(dns, item)) === false) {
                    log.info(`Removed the ${describeItem(item)} (the delete got no clear answer; the zone no longer holds it).`);
                    return true;
                }
                await pause(attempt);
                continue;
            }
            const reason = error instanceof AliyunApiError ? error.describe() : String(error);
            log.warning(`Could not remove the ${describeItem(item)}: ${reason}. Remove it by hand.`);
            return false;
        }
    }
}
/** Whether the zone still holds the record; undefined when the zone cannot be read now. */
async function stillThere(dns, item) {
    try {
        return (await dns.findRecords(item.zone, item.rr, item.type)).some((r) => r.recordId === item.recordId);
    }
    catch {
        return undefined;
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
                ? async (r) => void (await waitForPropagation(r, {
                    log,
                    timeoutMs: boundMs,
                    ...nameServersOf(settings),
                }))
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
