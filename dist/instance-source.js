import { p as daysRemaining, A as AliyunApiError } from './start.js';
import { l as listAccountInstances, r as revokeInstance, c as cancelInstance, a as reportInstance, i as issueOnInstance } from './instance-modes.js';

// The 2020-04-07 V2.0 instance API as a certificate source (docs/certificate-apis.md): an instance is bought
// beforehand and applies once; it cannot renew in place (a due one makes way for an inactive one). Loaded only
// when it serves the run.
function createInstanceSource(ctx) {
    const api = ctx.authorities.instance;
    return {
        api: 'instance',
        title: 'the V2.0 instance API',
        obtain: (domains, chosen) => issueOnInstance(ctx, api, domains, chosen),
        describe: () => reportInstance(ctx, api),
        cancel: () => cancelInstance(ctx, api),
        revoke: () => revokeInstance(ctx, api),
        describeAccount: (result) => listAccountInstances(ctx, api, result),
        async inventory() {
            const now = ctx.now();
            return {
                held: (await listInstancesIfAnswered(ctx)).map((i) => heldFromInstance(i, now)),
                noun: 'instance(s)',
                heading: 'Instances read',
            };
        },
    };
}
/** The V2.0 instances; an account or role the instance API refuses is planned on its orders alone. */
async function listInstancesIfAnswered(ctx) {
    try {
        return await ctx.authorities.instance.listInstances();
    }
    catch (error) {
        if (!(error instanceof AliyunApiError))
            throw error;
        ctx.log.info(`The instance API did not answer (${error.describe()}): planning on orders alone.`);
        return [];
    }
}
function heldFromInstance(i, now) {
    const lapsed = i.state === 'expired' || (i.notAfter ? daysRemaining(i.notAfter, now) < 0 : false);
    const state = i.state === 'pending'
        ? 'in-flight'
        : i.state === 'issued' || i.state === 'expired'
            ? lapsed
                ? 'expired'
                : 'valid'
            : 'other';
    return {
        source: 'instance',
        id: i.instanceId,
        domains: i.domains,
        state,
        ...(i.notAfter ? { notAfter: i.notAfter } : {}),
    };
}

export { createInstanceSource, heldFromInstance };
