import { b as validationRecordNames, z as zoneResolver, v as validationBaseName, d as zoneForName } from './records-mpoW_6HM.js';
import { c as createCleanupLedger } from './cleanup-BqwXa20V.js';

const DNS_PROVIDER_LOADERS = {
    alidns: async () => (await import('./alidns-DBXDVVBn.js')).alidnsProvider,
    manual: async () => (await import('./manual-orYktHVl.js')).manualProvider,
    hook: async () => (await import('./hook-BQdmWrdw.js')).hookProvider,
};
/** FILE validation under file-validation-root (without it, the user publishes the file: manual). */
const FILE_PROVIDER_LOADER = async () => (await import('./file-fQg3e8wH.js')).fileProvider;
const DNS_PROVIDERS = Object.keys(DNS_PROVIDER_LOADERS);
const loadDnsProvider = (name) => DNS_PROVIDER_LOADERS[name]();
const loadFileProvider = FILE_PROVIDER_LOADER;
/** The provider that wrote items of this kind (the post step's way back from the saved ledger). */
async function providerOfItem(kind) {
    for (const load of [...Object.values(DNS_PROVIDER_LOADERS), FILE_PROVIDER_LOADER]) {
        const provider = await load();
        if (provider.itemKind === kind)
            return provider;
    }
    return undefined;
}

function emptyResult(status, orderId) {
    return { status, orderId, timeline: [], details: [] };
}

/**
 * What every strategy of this run still has to remove, by order (or instance entry): an instance's validation list
 * has one strategy per name, and the post step must see all of their items, not the last one's.
 */
const openItems = new Map();
async function createValidationStrategy(deps, orderId) {
    const { config } = deps;
    const persist = (items) => {
        openItems.set(orderId, items);
        deps.rememberCleanup([...openItems.values()].flat());
    };
    const providerDeps = { ...deps, ledger: createCleanupLedger(persist), orderId };
    const record = (await loadDnsProvider(config.dnsProvider)).create(providerDeps);
    const file = (config.fileValidationRoot ? await loadFileProvider() : await loadDnsProvider('manual')).create(providerDeps);
    return {
        present: (challenge, domains) => challenge.method === 'FILE' ? file.present(challenge, domains) : record.present(challenge, domains),
        async cleanup() {
            await file.cleanup();
            await record.cleanup();
        },
    };
}
/**
 * Before ordering with alidns: the validated names (a wildcard's base) that no zone in the account holds. Their
 * records could never be written, so the caller stops before an order costs quota.
 */
async function namesWithoutZone(dns, domains) {
    const zones = await dns.listZones();
    const bases = [...new Set(domains.map(validationBaseName))];
    return bases.filter((name) => !zoneForName(name, zones));
}
/**
 * `cancel`: removes what answers an order's DNS challenge through the configured provider, found by the order's own
 * token. Says in a few words what was done; never fails the run (the order itself is gone already).
 */
async function removeChallengeRecords(challenge, domains, deps) {
    if (challenge.method !== 'DNS')
        return 'not applicable';
    const { config, dns, log } = deps;
    const zones = config.dnsProvider === 'alidns' ? await dns?.listZones().catch(() => undefined) : undefined;
    const names = validationRecordNames(challenge.recordDomain, domains, await zoneResolver(zones));
    if (names.length === 0) {
        log.warning(`The order's names are unknown, so its validation records cannot be looked up; remove any ` +
            `${challenge.recordType} record with the value ${challenge.recordValue} yourself (or give the domains input).`);
        return 'not looked up (names unknown)';
    }
    const provider = await loadDnsProvider(config.dnsProvider);
    return provider.removeForChallenge
        ? provider.removeForChallenge(challenge, names, deps)
        : 'nothing to remove';
}

export { DNS_PROVIDERS as D, createValidationStrategy as c, emptyResult as e, namesWithoutZone as n, providerOfItem as p, removeChallengeRecords as r };
