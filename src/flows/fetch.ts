// Shared by issue and renew: wait for an order to be issued (validating it on the way), then check what came back.
import { CertificateCheckError, type CheckedCertificate, checkIssuedCertificate } from '../certificate.js';
import type { OrderStatus } from '../services/certificate-authority.js';
import type { FlowContext, FlowResult, TimelineEntry } from './context.js';
import { FlowError } from './context.js';
import { nextPollDelayMs, pastDeadline } from './poll.js';

export interface WaitOutcome {
  status: OrderStatus;
  timeline: TimelineEntry[];
}

/** Polls until the order is issued, fails review, or the deadline passes; presents and cleans up validation. */
export async function waitForIssuance(
  ctx: FlowContext,
  orderId: string,
  domains: string[],
): Promise<WaitOutcome> {
  const { config, log } = ctx;
  const schedule = {
    firstMs: config.pollIntervalSeconds * 1000,
    maxMs: config.maxPollIntervalSeconds * 1000,
    deadline: ctx.now().getTime() + config.waitTimeoutSeconds * 1000,
  };
  const strategy = ctx.validation(orderId);
  const timeline: TimelineEntry[] = [];
  let presented: string | undefined;
  let delay: number | undefined;
  try {
    for (;;) {
      const status = await describeOrderMasked(ctx, orderId);
      if (timeline.at(-1)?.state !== status.state) {
        timeline.push({ at: ctx.now(), state: status.state });
        log.info(`Order ${orderId}: ${status.state}`);
      }
      if (status.state === 'domain_verify' && status.challenge) {
        const key = JSON.stringify(status.challenge);
        if (key !== presented) {
          await strategy.present(status.challenge, domains);
          presented = key;
        }
      } else if (status.state === 'certificate') {
        return { status, timeline };
      } else if (status.state === 'verify_fail') {
        await deleteFailedOrder(ctx, orderId);
      } else if (status.state === 'payed' || status.state === 'unknow') {
        throw new FlowError(
          `Order ${orderId} is '${status.state}' (withdrawn or unknown), so it will not be issued; ` +
            `delete it with mode: cancel and order again.`,
        );
      }
      delay = nextPollDelayMs(delay, schedule);
      if (pastDeadline(ctx.now().getTime(), delay, schedule)) return { status, timeline };
      await ctx.sleep(delay);
    }
  } finally {
    await strategy.cleanup();
  }
}

/** A failed review never recovers; deleting the order returns its quota (reference 003, step 4). */
async function deleteFailedOrder(ctx: FlowContext, orderId: string): Promise<never> {
  await ctx.cas.deleteOrder(orderId);
  throw new FlowError(
    `Order ${orderId} failed review (verify_fail) and was deleted, which returned its quota; ` +
      'check that the domains and contact details are right, then run again to order anew.',
  );
}

/** Reads an order; a private key in the answer is registered as a secret before anything else is printed. */
export async function describeOrderMasked(ctx: FlowContext, orderId: string): Promise<OrderStatus> {
  const status = await ctx.cas.describeOrder(orderId);
  if (status.privateKey) ctx.maskSecret(status.privateKey);
  return status;
}

/** Checks an issued order's certificate and key (already masked by describeOrderMasked). */
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
  try {
    return checkIssuedCertificate({
      certificatePem: status.certificate,
      privateKeyPem: status.privateKey,
      domains,
      now: ctx.now(),
    });
  } catch (error) {
    if (error instanceof CertificateCheckError) {
      throw new FlowError(`The certificate of order ${status.orderId} failed its checks: ${error.message}`);
    }
    throw error;
  }
}

/** The result for an order still waiting when this run's time is up. */
export function pendingResult(ctx: FlowContext, outcome: WaitOutcome, orderId: string): FlowResult {
  const { config } = ctx;
  const state = outcome.status.state;
  if (config.failOnPending) {
    throw new FlowError(
      `Order ${orderId} is still '${state}' after wait-timeout ${config.waitTimeoutSeconds}s; ` +
        `run again with order-id ${orderId} (or the same domains) to resume it, or set fail-on-pending: false.`,
    );
  }
  return {
    status: 'pending',
    orderId,
    challenge: outcome.status.challenge,
    timeline: outcome.timeline,
    details: [['State', state]],
  };
}
