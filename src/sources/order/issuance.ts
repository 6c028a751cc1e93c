// Issuance, shared by issue and renew: wait for an order to be issued (validating it on the way), then check what
// came back; and the certificate of an issued order read as it is, for the modes that only report or act on it.

import { AliyunApiError } from '../../aliyun/errors.js';
import type { OrderStatus } from '../../authority/vocabulary.js';
import { acceptCertificate } from '../../core/accept-certificate.js';
import {
  CertificateCheckError,
  type CheckedCertificate,
  checkIssuedCertificate,
  describeCertificate,
  momentInsideValidity,
  splitPemBundle,
} from '../../core/certificate.js';
import { FlowError } from '../../core/errors.js';
import { nextPollDelayMs } from '../../core/poll.js';
import type { FlowResult, TimelineEntry } from '../../core/result.js';
import type { FlowContext } from '../../flows/context.js';
import { stillToDo } from '../../validation/manual.js';
import { readOrder } from './order-lookup.js';

export interface WaitOutcome {
  status: OrderStatus;
  timeline: TimelineEntry[];
  /** Full DNS names of the validation records presented (empty for a file, or before any challenge). */
  recordNames: string[];
}

/** A long wait says where it is at least this often. */
export const HEARTBEAT_MS = 30_000;

/**
 * Polls until the order is issued, fails review, or the deadline passes (checking once more at the deadline);
 * presents and cleans up validation.
 */
export async function waitForIssuance(
  ctx: FlowContext,
  orderId: string,
  domains: string[],
): Promise<WaitOutcome> {
  const { config, log } = ctx;
  ctx.onOrderKnown(orderId);
  const started = ctx.now().getTime();
  const schedule = {
    firstMs: config.pollIntervalSeconds * 1000,
    maxMs: config.maxPollIntervalSeconds * 1000,
    deadline: started + config.waitTimeoutSeconds * 1000,
  };
  const strategy = await ctx.validation(orderId);
  const timeline: TimelineEntry[] = [];
  const heartbeat = { lastAt: started };
  let recordNames: string[] = [];
  let presented: string | undefined;
  let checks = 0;
  let last: OrderStatus | undefined;
  try {
    for (;;) {
      const status = await readOrderBeforeDeadline(ctx, orderId);
      if (status === undefined && last) return { status: last, timeline, recordNames };
      if (status === undefined) throw deadlineBeforeFirstRead(ctx, orderId, timeline);
      last = status;
      if (timeline.at(-1)?.state !== status.state) {
        timeline.push({ at: ctx.now(), state: status.state });
        log.info(`Order ${orderId}: ${status.state}`);
        heartbeat.lastAt = ctx.now().getTime();
      }
      if (status.state === 'domain_verify' && status.challenge) {
        const key = JSON.stringify(status.challenge);
        if (key !== presented) {
          recordNames = await strategy.present(status.challenge, domains);
          presented = key;
        }
      } else if (status.state === 'certificate') {
        return { status, timeline, recordNames };
      } else if (status.state === 'verify_fail') {
        await deleteFailedOrder(ctx, orderId, timeline);
      } else if (status.state === 'payed' || status.state === 'unknow') {
        throw new FlowError(
          `Order ${orderId} is '${status.state}' (withdrawn or unknown), so it will not be issued; ` +
            `delete it with mode: cancel and order again.`,
          { orderId, state: status.state, timeline, details: [] },
        );
      }
      const now = ctx.now().getTime();
      if (now >= schedule.deadline) return { status, timeline, recordNames };
      checks++;
      const wait = Math.min(nextPollDelayMs(checks, schedule, ctx.random), schedule.deadline - now);
      await sleepWithHeartbeat(ctx, wait, heartbeat, (nextInMs) => {
        const elapsed = Math.round((ctx.now().getTime() - started) / 1000);
        return (
          `Order ${orderId}: still '${status.state}' after ${elapsed}s of wait-timeout ` +
          `${config.waitTimeoutSeconds}s; next check in ${Math.ceil(nextInMs / 1000)}s.`
        );
      });
    }
  } finally {
    await strategy.cleanup();
  }
}

/**
 * The order's state, or undefined when the client gave up because its next retry (a throttling hint such as
 * Retry-After: 21600, or a backoff) would end past the run's deadline: then the wait ends as a timeout does,
 * and the order is kept for the next run (docs/faults.md, "No hang").
 */
async function readOrderBeforeDeadline(ctx: FlowContext, orderId: string): Promise<OrderStatus | undefined> {
  try {
    return await readOrder(ctx, orderId);
  } catch (error) {
    if (!(error instanceof AliyunApiError && error.deadlineReached)) throw error;
    ctx.log.warning(`${error.describe()}; ending the wait for order ${orderId} as a timeout.`);
    return undefined;
  }
}

function deadlineBeforeFirstRead(ctx: FlowContext, orderId: string, timeline: TimelineEntry[]): FlowError {
  return new FlowError(
    `Order ${orderId} could not be read before wait-timeout ${ctx.config.waitTimeoutSeconds}s ran out (the ` +
      `service is throttling this account); run again with order-id ${orderId} (or the same domains) to resume it.`,
    { orderId, timeline, details: [['Still to do', 'run again to resume the order']] },
  );
}

/** Sleeps `ms`, logging a line whenever HEARTBEAT_MS has passed since the last one. */
async function sleepWithHeartbeat(
  ctx: FlowContext,
  ms: number,
  heartbeat: { lastAt: number },
  describe: (nextInMs: number) => string,
): Promise<void> {
  let left = ms;
  while (left > 0) {
    const now = ctx.now().getTime();
    if (now - heartbeat.lastAt >= HEARTBEAT_MS) {
      ctx.log.info(describe(left));
      heartbeat.lastAt = now;
    }
    const chunk = Math.min(left, Math.max(1, HEARTBEAT_MS - (now - heartbeat.lastAt)));
    await ctx.sleep(chunk);
    left -= chunk;
  }
}

/** A failed review never recovers; deleting the order returns its quota (docs/vendor-facts.md, order lifecycle). */
async function deleteFailedOrder(
  ctx: FlowContext,
  orderId: string,
  timeline: TimelineEntry[],
): Promise<never> {
  await ctx.authorities.order.deleteOrder(orderId);
  throw new FlowError(
    `Order ${orderId} failed review (verify_fail) and was deleted, which returned its quota; ` +
      'check that the domains and contact details are right, then run again to order anew.',
    {
      orderId,
      state: 'verify_fail',
      timeline,
      details: [['Still to do', 'check the domains and contact details, then run again to order anew']],
    },
  );
}

/** Checks an issued order's certificate and key (the authority masked the key when it arrived). */
export function acceptIssuedCertificate(
  ctx: FlowContext,
  status: OrderStatus,
  domains: string[],
  expectKey: boolean,
): CheckedCertificate {
  if (!status.certificate) {
    throw new FlowError(
      `Order ${status.orderId} is issued but the service returned no certificate; run again.`,
    );
  }
  if (expectKey && !status.privateKey) {
    throw new FlowError(
      `Order ${status.orderId} is issued but the service returned no private key; ` +
        'an order made with a CSR keeps its key with you: pass the same csr input.',
    );
  }
  // With a csr the key is the user's: one the service sends anyway is never handed out, and the leaf must carry
  // the CSR's public key.
  return acceptCertificate(`The certificate of order ${status.orderId}`, {
    certificatePem: status.certificate,
    ...(expectKey ? { privateKeyPem: status.privateKey } : { csrPem: ctx.config.csr }),
    domains,
    now: ctx.now(),
  });
}

/** The result for an order still waiting when this run's time is up; a failure when fail-on-pending. */
export function pendingResult(ctx: FlowContext, outcome: WaitOutcome, orderId: string): FlowResult {
  const { config } = ctx;
  const { state, challenge } = outcome.status;
  const toDo =
    state === 'domain_verify' && challenge
      ? stillToDo(challenge, outcome.recordNames, ctx.validationSettings)
      : `wait for the certificate authority ('${state}')`;
  const result: FlowResult = {
    status: 'pending',
    orderId,
    challenge,
    recordNames: outcome.recordNames,
    state,
    timeline: outcome.timeline,
    details: [['Still to do', toDo]],
  };
  if (config.failOnPending) {
    throw new FlowError(
      `Order ${orderId} is still '${state}' after wait-timeout ${config.waitTimeoutSeconds}s; still to do: ` +
        `${toDo}. Run again with order-id ${orderId} (or the same domains) to resume it, or set fail-on-pending: false.`,
      result,
    );
  }
  return result;
}

/**
 * The certificate of an issued order as it is, without its private key: parsed and chained like one being handed
 * out, but an expired (or not yet valid) one is reported, not refused. The key was masked when the order was read.
 */
export function readOrderCertificate(ctx: FlowContext, status: OrderStatus): CheckedCertificate {
  const pem = status.certificate ?? '';
  try {
    const leaf = splitPemBundle(pem)[0];
    if (!leaf) throw new CertificateCheckError('The service returned no PEM certificate.');
    const now = momentInsideValidity(describeCertificate(leaf), ctx.now());
    return checkIssuedCertificate({ certificatePem: pem, domains: [], now });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FlowError(`The certificate of order ${status.orderId} cannot be read (${reason}); run again.`);
  }
}
