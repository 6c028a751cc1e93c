import { J as requireOrderId, o as describeExistingOrder, F as FlowError, x as findOrderSummary, K as isOrderNotFound, H as isOrderStateError, L as removeChallengeRecords } from './start-CMNZcofX.js';
import { e as emptyResult } from './result-COGNkveL.js';

async function cancelOrder(ctx, domains) {
    if (ctx.config.instanceId)
        return (await import('./instance-modes-DpsNfi8i.js')).cancelInstance(ctx);
    const { authority, log } = ctx;
    const orderId = requireOrderId(ctx);
    const order = await describeExistingOrder(ctx, orderId);
    if (!order)
        return alreadyGone(ctx, orderId);
    const { state } = order;
    if (state === 'certificate') {
        throw new FlowError(`Order ${orderId} is already issued, so it cannot be cancelled; revoke its certificate with mode: revoke ` +
            '(the quota comes back when that is within 30 days of issue).');
    }
    if (state === 'unknow') {
        throw new FlowError(`Order ${orderId} is in state 'unknow' (revoked, or withdrawn by the service), so there is nothing to ` +
            'cancel; look at it with mode: status.');
    }
    // Before the order goes: its names and product (for the record clean-up and the quota report).
    const summary = await findOrderSummary(ctx, orderId, { domains, state });
    const steps = [];
    try {
        if (state === 'domain_verify' || state === 'process') {
            await authority.cancelOrder(orderId);
            steps.push('CancelOrderRequest');
        }
        await authority.deleteOrder(orderId);
        steps.push('DeleteCertificateRequest');
    }
    catch (error) {
        // Another run (or the console) got there first.
        if (isOrderNotFound(error))
            return alreadyGone(ctx, orderId);
        if (isOrderStateError(error)) {
            const now = await describeExistingOrder(ctx, orderId);
            if (!now)
                return alreadyGone(ctx, orderId);
            throw new FlowError(`Order ${orderId} moved to '${now.state}' while it was being cancelled; ` +
                (now.state === 'certificate'
                    ? `revoke it with mode: revoke and order-id ${orderId}.`
                    : `run mode: cancel again with order-id ${orderId}.`));
        }
        throw error;
    }
    log.info(`Order ${orderId} (${state}) was ${steps.length > 1 ? 'withdrawn and ' : ''}deleted; its quota is returned.`);
    const result = emptyResult('cancelled', orderId);
    result.details.push(['Previous state', state], ['Calls', steps.join(', then ')]);
    if (order.challenge?.method === 'DNS') {
        const names = domains.length > 0 ? domains : (summary?.domains ?? []);
        result.details.push(['Validation records', await removeChallengeRecords(order.challenge, names, ctx)]);
    }
    const productCode = ctx.config.productCode ?? summary?.productCode;
    if (productCode)
        result.quota = await authority.describePackageState(productCode);
    return result;
}
function alreadyGone(ctx, orderId) {
    ctx.log.notice(`Order ${orderId} does not exist: it was already cancelled and deleted (or never made), so there is nothing to do.`);
    const result = emptyResult('cancelled', orderId);
    result.details.push(['Previous state', 'already gone (NotFoundOrder)']);
    return result;
}

export { cancelOrder };
