// The order API's `cancel`: withdraw an order not issued yet (CancelOrderRequest) and delete it, which returns
// its quota; then remove the validation records written for it.
import { AliyunApiError } from '../../aliyun/errors.js';
import type { OrderState } from '../../authority/vocabulary.js';
import { FlowError } from '../../core/errors.js';
import { emptyResult, type FlowResult } from '../../core/result.js';
import type { FlowContext } from '../../flows/context.js';
import { removeChallengeRecords } from '../../validation/index.js';
import {
  describeExistingOrder,
  findOrderSummary,
  isOrderNotFound,
  isOrderStateError,
  requireOrderId,
} from './order-lookup.js';
import { removeRecordsOfPastChallenge } from './stale-records.js';

export async function cancelOrder(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const { log } = ctx;
  const authority = ctx.authorities.order;
  const orderId = requireOrderId(ctx);
  const order = await describeExistingOrder(ctx, orderId);
  if (!order) return alreadyGone(ctx, orderId);
  const { state } = order;
  if (state === 'certificate') {
    throw new FlowError(
      `Order ${orderId} is already issued, so it cannot be cancelled; revoke its certificate with mode: revoke ` +
        '(the quota comes back when that is within 30 days of issue).',
    );
  }
  if (state === 'unknow') {
    throw new FlowError(
      `Order ${orderId} is in state 'unknow' (revoked, or withdrawn by the service), so there is nothing to ` +
        'cancel; look at it with mode: status.',
    );
  }
  // Before the order goes: its names and product (for the record clean-up and the quota report).
  const summary = await findOrderSummary(ctx, orderId, { domains, state });

  const steps: string[] = [];
  try {
    if (state === 'domain_verify' || state === 'process') {
      await settle(ctx, orderId, () => authority.cancelOrder(orderId), ['payed']);
      steps.push('CancelOrderRequest');
    }
    await settle(ctx, orderId, () => authority.deleteOrder(orderId), []);
    steps.push('DeleteCertificateRequest');
  } catch (error) {
    // Another run (or the console) got there first.
    if (isOrderNotFound(error)) return alreadyGone(ctx, orderId);
    if (isOrderStateError(error)) {
      const now = await describeExistingOrder(ctx, orderId);
      if (!now) return alreadyGone(ctx, orderId);
      throw new FlowError(
        `Order ${orderId} moved to '${now.state}' while it was being cancelled; ` +
          (now.state === 'certificate'
            ? `revoke it with mode: revoke and order-id ${orderId}.`
            : `run mode: cancel again with order-id ${orderId}.`),
      );
    }
    throw error;
  }
  log.info(
    `Order ${orderId} (${state}) was ${steps.length > 1 ? 'withdrawn and ' : ''}deleted; its quota is returned.`,
  );

  const result = emptyResult('cancelled', orderId);
  result.details.push(['Previous state', state], ['Calls', steps.join(', then ')]);
  const names = domains.length > 0 ? domains : (summary?.domains ?? []);
  if (order.challenge?.method === 'DNS') {
    result.details.push(['Validation records', await removeChallengeRecords(order.challenge, names, ctx)]);
  } else if (state === 'process' || state === 'verify_fail') {
    // Past validation the service no longer names the record, but the one written for the order is still there.
    result.details.push(['Validation records', await removeRecordsOfPastChallenge(ctx, orderId, names)]);
  }
  const productCode = ctx.config.productCode ?? summary?.productCode;
  if (productCode) result.quota = await authority.describePackageState(productCode);
  return result;
}

/**
 * Sends a call that changes the order; when its answer is lost (the outcome unknown), the order's state says
 * whether it took effect: gone, or in one of `effectStates`, means it did; otherwise it is sent once more.
 */
async function settle(
  ctx: FlowContext,
  orderId: string,
  send: () => Promise<void>,
  effectStates: OrderState[],
): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!(error instanceof AliyunApiError && error.outcomeUnknown)) throw error;
    ctx.log.warning(`${error.describe()}; reading order ${orderId} to see whether it took effect.`);
    const now = await describeExistingOrder(ctx, orderId);
    if (!now || effectStates.includes(now.state)) return;
    ctx.log.info(
      `Order ${orderId} is still '${now.state}': ${error.action} did not take effect, sending it again.`,
    );
    await send();
  }
}

function alreadyGone(ctx: FlowContext, orderId: string): FlowResult {
  ctx.log.notice(
    `Order ${orderId} does not exist: it was already cancelled and deleted (or never made), so there is nothing to do.`,
  );
  const result = emptyResult('cancelled', orderId);
  result.details.push(['Previous state', 'already gone (NotFoundOrder)']);
  return result;
}
