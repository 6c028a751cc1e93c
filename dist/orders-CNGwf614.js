import { v as validationBaseName, s as sameDomainSet } from './certificate-Cu7oDFAl.js';
import { F as FlowError } from './context-DM8Wo8ua.js';

// Finding the order that already serves an intent, so that nothing is ordered twice.
const IN_FLIGHT = new Set(['CHECKING']);
const ISSUED = new Set(['ISSUED', 'WILLEXPRIED']);
/** Orders of exactly these domains (and this product, when one was named), newest first. */
async function listOrdersForDomains(cas, domains, productCode) {
    const first = domains[0];
    if (!first)
        return [];
    const all = await cas.listOrders({ keyword: validationBaseName(first) });
    return all
        .filter((o) => sameDomainSet(o.domains, domains))
        .filter((o) => !productCode || !o.productCode || o.productCode === productCode)
        .sort((a, b) => compareIds(b.orderId, a.orderId));
}
function inFlightOrder(orders) {
    return orders.find((o) => IN_FLIGHT.has(o.status));
}
/** The issued order that lasts longest. */
function latestIssuedOrder(orders) {
    return orders
        .filter((o) => ISSUED.has(o.status))
        .sort((a, b) => (b.certEndTime?.getTime() ?? 0) - (a.certEndTime?.getTime() ?? 0))[0];
}
/**
 * A create call was sent and no clear answer came back. The quota's used count tells whether it took effect;
 * if it did, find the new order and adopt it. Only a create proven not to have happened may be sent again.
 */
async function reconcileUncertainCreate(ctx, error, before, domains) {
    const { cas, config, log } = ctx;
    log.warning(`${error.describe()}; checking whether the order was created before doing anything else.`);
    for (let check = 1; check <= 5; check++) {
        const orders = await listOrdersForDomains(cas, domains, config.productCode);
        const created = orders.find((o) => !before.knownOrderIds.has(o.orderId) && o.status !== 'REVOKED');
        if (created) {
            log.info(`The uncertain create did take effect: adopting order ${created.orderId}.`);
            return created.orderId;
        }
        const quota = await cas.describePackageState(config.productCode);
        if (quota.used <= before.used) {
            log.info('The uncertain create did not take effect (quota unchanged): it is safe to order.');
            return undefined;
        }
        await ctx.sleep(Math.min(2_000 * check, 10_000));
    }
    throw new FlowError(`${error.action} may have created an order for ${domains.join(', ')} that cannot be found yet; ` +
        'run again later: the next run resumes it instead of ordering twice.');
}
function compareIds(a, b) {
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export { latestIssuedOrder as a, inFlightOrder as i, listOrdersForDomains as l, reconcileUncertainCreate as r };
