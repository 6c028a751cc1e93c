const DEPLOY_TARGETS = [
    { domains: (c) => c.cdnDomains, load: async () => (await import('./cdn-muXptRVH.js')).createCdnTarget },
    { domains: (c) => c.dcdnDomains, load: async () => (await import('./dcdn-DQnGq-hs.js')).createDcdnTarget },
];
/** Whether the config names any domain to deploy to. */
function wantsDeployment(config) {
    return DEPLOY_TARGETS.some((entry) => entry.domains(config).length > 0);
}

// Pure: the next wait between status checks (backoff from poll-interval up to max-poll-interval, bounded by the deadline).
function nextPollDelayMs(previousMs, schedule) {
    const grown = previousMs === undefined ? schedule.firstMs : Math.min(schedule.maxMs, previousMs * 2);
    return Math.max(0, grown);
}

export { DEPLOY_TARGETS as D, nextPollDelayMs as n, wantsDeployment as w };
