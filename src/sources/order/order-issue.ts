// The order API's `issue`: reuse what is still good, resume what is in flight, otherwise order once; then validate, wait, fetch.
import { AliyunApiError } from '../../aliyun/errors.js';
import { latestIssued, type PackageState } from '../../authority/vocabulary.js';
import { afterFailedReview, type BackoffRecord, backoffUntil, inputsKey } from '../../core/backoff.js';
import { daysRemaining, renewalWindowDays } from '../../core/certificate.js';
import { FlowError } from '../../core/errors.js';
import type { FlowResult } from '../../core/result.js';
import { dayCount } from '../../core/time.js';
import type { FlowContext } from '../../flows/context.js';
import { namesWithoutZone } from '../../validation/index.js';
import type { ChosenApi } from '../port.js';
import { reuseUnlessDue } from '../reuse.js';
import { acceptIssuedCertificate, pendingResult, readOrderCertificate, waitForIssuance } from './issuance.js';
import { describeExistingOrder, readOrder } from './order-lookup.js';
import {
  convergeOnOldestOrder,
  inFlightOrder,
  listOrdersForDomains,
  reconcileUncertainCreate,
} from './orders.js';

export async function obtainOnOrder(
  ctx: FlowContext,
  domains: string[],
  chosen: ChosenApi,
): Promise<FlowResult> {
  const { config, log } = ctx;
  const expectKey = !config.csr;
  let quota: PackageState | undefined;
  let orderId = config.orderId;
  const notes: Array<[string, string]> = [];
  if (orderId) log.info(`Resuming order ${orderId}.`);
  const inputs = inputsKey(config, domains);
  let backoff: BackoffRecord | undefined;

  if (!orderId) {
    // The order list first: a scheduled run that finds its certificate not due never touches the cache.
    const orders =
      chosen.orders ?? (await listOrdersForDomains(ctx.authorities.order, domains, config.productCode));
    const reusable = await findReusableCertificate(ctx, orders, domains, expectKey);
    if (reusable) return reusable;
    const cached = await cachedOrderInFlight(ctx, domains);
    orderId = cached ?? inFlightOrder(orders)?.orderId;
    if (orderId) {
      log.info(`Order ${orderId} for ${domains.join(', ')} is already in flight: resuming it.`);
    } else {
      backoff = await ctx.resume.loadBackoff?.(domains);
      refuseDuringBackoff(ctx, domains, backoff, inputs);
      await checkValidationPossible(ctx, domains);
      // The quota that made auto choose the order API was read a moment ago: not read twice.
      const before = chosen.quota ?? (await checkQuota(ctx));
      const created = await createOrderOnce(ctx, domains, before, new Set(orders.map((o) => o.orderId)));
      const converged = await convergeOnOldestOrder(ctx, domains, config.productCode, created);
      orderId = converged.keptId;
      if (converged.cancelled.length > 0) {
        notes.push([
          'Concurrent orders',
          `kept ${converged.keptId} (the oldest); cancelled and deleted ${converged.cancelled.join(', ')}`,
        ]);
      }
      // This run's order took one certificate of the package (unless it was the duplicate, deleted again).
      quota = orderId === created ? { ...before, used: before.used + 1 } : before;
    }
    if (!cached) await ctx.resume.save(domains, orderId);
  }

  const outcome = await waitForIssuance(ctx, orderId, domains).catch(async (error) => {
    if (error instanceof FlowError && error.result) error.result.quota ??= quota;
    if (error instanceof FlowError && error.result?.state === 'verify_fail') {
      const next = await recordFailedReview(ctx, domains, backoff, inputs, error);
      if (next) {
        throw new FlowError(
          `${error.message} A new order for these inputs waits until ${next} (back-off: 1 h, doubling, at most 32 h).`,
          error.result,
        );
      }
    }
    throw error;
  });
  if (outcome.status.state !== 'certificate') {
    try {
      return { ...pendingResult(ctx, outcome, orderId), quota };
    } catch (error) {
      if (error instanceof FlowError && error.result) error.result.quota = quota;
      throw error;
    }
  }
  const certificate = acceptIssuedCertificate(ctx, outcome.status, domains, expectKey);
  // Issued: a back-off from earlier failed reviews is over.
  if (backoff) await ctx.resume.saveBackoff?.(domains, undefined);
  return {
    status: 'issued',
    orderId,
    certId: outcome.status.certId,
    certificate,
    // This run's order is issued now: it counts among the package's issued certificates.
    quota: quota && { ...quota, issued: quota.issued + 1 },
    timeline: outcome.timeline,
    details: notes,
  };
}

/** Back-off across runs after a failed review: no new order before its time, unless the inputs changed. */
function refuseDuringBackoff(
  ctx: FlowContext,
  domains: string[],
  record: BackoffRecord | undefined,
  inputs: string,
): void {
  const until = backoffUntil(record, inputs, ctx.now());
  if (!until || !record) return;
  const next = until.toISOString().replace(/\.\d{3}Z$/, 'Z');
  throw new FlowError(
    `The last order for ${domains.join(', ')} failed review (verify_fail, ${record.failures} time(s) in a row ` +
      `with these inputs), so no new order is placed before ${next}; fix the domains, validation or contact ` +
      'inputs (a change of them lifts the wait), or run again after that time.',
    {
      timeline: [],
      details: [
        [
          'Next try',
          `${next} (back-off after ${record.failures} failed review(s): 1 h, doubling, at most 32 h)`,
        ],
      ],
    },
  );
}

async function recordFailedReview(
  ctx: FlowContext,
  domains: string[],
  previous: BackoffRecord | undefined,
  inputs: string,
  error: FlowError,
): Promise<string | undefined> {
  if (!ctx.resume.saveBackoff) return undefined;
  const stored = previous ?? (await ctx.resume.loadBackoff?.(domains));
  const record = afterFailedReview(stored, inputs, ctx.now());
  if (!(await ctx.resume.saveBackoff(domains, record))) {
    ctx.log.info(
      'No Actions cache service in this run: the back-off after this failed review cannot be kept.',
    );
    return undefined;
  }
  const next = record.nextTryAt.replace(/\.\d{3}Z$/, 'Z');
  error.result?.details.push(['Next try', `not before ${next} (failed review ${record.failures} in a row)`]);
  ctx.log.info(
    `The next order for ${domains.join(', ')} waits until ${next} (back-off after a failed review).`,
  );
  return next;
}

/**
 * The order an earlier run saved in the cache, only while it is still waiting: an issued, failed or deleted one
 * is left to the order list, which knows whether the certificate is due.
 */
async function cachedOrderInFlight(ctx: FlowContext, domains: string[]): Promise<string | undefined> {
  const cached = await ctx.resume.load(domains);
  if (!cached) return undefined;
  const status = await describeExistingOrder(ctx, cached);
  return status?.state === 'domain_verify' || status?.state === 'process' ? cached : undefined;
}

async function findReusableCertificate(
  ctx: FlowContext,
  orders: Awaited<ReturnType<typeof listOrdersForDomains>>,
  domains: string[],
  expectKey: boolean,
): Promise<FlowResult | undefined> {
  const { config, log } = ctx;
  const issued = latestIssued(orders);
  if (!issued?.certEndTime) return undefined;
  const left = daysRemaining(issued.certEndTime, ctx.now());
  const status = await readOrder(ctx, issued.orderId);
  if (status.state !== 'certificate') return undefined;
  const certificate = readOrderCertificate(ctx, status);
  const window = renewalWindowDays(config.renewBeforeDays, certificate.info);
  if (window.capped) {
    log.warning(
      `renew-before-days ${config.renewBeforeDays} is not below the certificate's lifetime, so every run would ` +
        `order anew; using ${dayCount(window.days)} (a third of the lifetime) instead.`,
    );
  }
  return reuseUnlessDue(
    ctx,
    {
      label: `Order ${issued.orderId}`,
      left,
      info: certificate.info,
      state: status.state,
      whenDue: ': ordering anew',
    },
    () => acceptIssuedCertificate(ctx, status, domains, expectKey),
    { orderId: issued.orderId, certId: status.certId, details: [] },
  );
}

/** With alidns, every validation record needs a zone in the account: found out before ordering, not after. */
async function checkValidationPossible(ctx: FlowContext, domains: string[]): Promise<void> {
  const { config } = ctx;
  if (config.validationMethod !== 'DNS' || config.dnsProvider !== 'alidns') return;
  const missing = await namesWithoutZone(ctx.dns, domains);
  if (missing.length > 0) {
    throw new FlowError(
      `No Alibaba Cloud DNS zone in this account holds ${missing.join(', ')} (input 'domains'), so the validation ` +
        "record cannot be written; add the zone to Alibaba Cloud DNS, or set dns-provider to 'manual' or 'hook'.",
    );
  }
}

async function checkQuota(ctx: FlowContext): Promise<PackageState> {
  const quota = await ctx.authorities.order.describePackageState(ctx.config.productCode);
  if (quota.total - quota.used <= 0) {
    throw new FlowError(
      `No certificate quota left for product ${quota.productCode || 'default'} (${quota.used} of ${quota.total} used); ` +
        'buy a certificate package, or delete unused orders with mode: cancel to return their quota.',
    );
  }
  return quota;
}

async function createOrderOnce(
  ctx: FlowContext,
  domains: string[],
  quota: PackageState,
  knownOrderIds: Set<string>,
): Promise<string> {
  const { config, log } = ctx;
  const input = {
    operation: config.createOperation,
    productCode: config.productCode,
    domains,
    csr: config.csr,
    validationMethod: config.validationMethod,
    contact: config.contact,
  };
  const create = async () => {
    const { orderId } = await ctx.authorities.order.createOrder(input);
    log.info(`Ordered a certificate for ${domains.join(', ')}: order ${orderId}.`);
    return orderId;
  };
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof AliyunApiError && error.outcomeUnknown)) throw error;
    const adopted = await reconcileUncertainCreate(
      ctx,
      error,
      { used: quota.used, knownOrderIds },
      domains,
      config.productCode,
    );
    if (adopted) return adopted;
  }
  // Proven not to have happened: one more create. If that one is uncertain too, the error says so and stops.
  return create();
}
