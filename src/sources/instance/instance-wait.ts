// Waiting on an instance: poll until issued or the deadline, presenting every entry of the validation list with
// its own strategy (and cleaning all of them up); the result of a run that ends with the instance still pending.
import type { InstanceAuthority, InstanceStatus } from '../../authority/port.js';
import { validationBaseName } from '../../core/domains.js';
import { FlowError } from '../../core/errors.js';
import { nextPollDelayMs } from '../../core/poll.js';
import type { FlowResult, TimelineEntry } from '../../core/result.js';
import type { FlowContext } from '../../flows/context.js';
import { stillToDo } from '../../validation/manual.js';
import type { ValidationStrategy } from '../../validation/strategy.js';

export interface InstanceOutcome {
  status: InstanceStatus;
  timeline: TimelineEntry[];
  recordNames: string[];
}

/**
 * Polls until issued or the deadline; presents every validation entry (each with its own strategy), cleans up.
 * An entry is presented only for one of the `ordered` names: the answer's own Domain is not trusted.
 */
export async function waitForInstance(
  ctx: FlowContext,
  api: InstanceAuthority,
  instanceId: string,
  timeline: TimelineEntry[],
  ordered: readonly string[],
): Promise<InstanceOutcome> {
  const { config, log } = ctx;
  const started = ctx.now().getTime();
  const schedule = {
    firstMs: config.pollIntervalSeconds * 1000,
    maxMs: config.maxPollIntervalSeconds * 1000,
    deadline: started + config.waitTimeoutSeconds * 1000,
  };
  const strategies = new Map<string, ValidationStrategy>();
  const presented = new Map<string, string>();
  const recordNames = new Map<string, string[]>();
  let checks = 0;
  try {
    for (;;) {
      // Applied (or pending) by now: the instance's own answer, without the 2018 list read before it.
      const status = await api.describeInstance(instanceId);
      const word = status.serviceStatus || status.state;
      if (timeline.at(-1)?.state !== word) {
        timeline.push({ at: ctx.now(), state: word });
        log.info(`Instance ${instanceId}: ${word}`);
      }
      if (status.state === 'issued')
        return { status, timeline, recordNames: [...recordNames.values()].flat() };
      if (status.state !== 'pending' && status.state !== 'inactive') {
        throw new FlowError(
          `Instance ${instanceId} is '${word}', so it will not be issued; look at it with mode: status and ` +
            'apply again on an inactive instance.',
          { instanceId, state: status.state, timeline, details: [] },
        );
      }
      // An empty validation list right after applying is normal: the service fills it in a while later.
      for (const { domain, challenge } of status.challenges) {
        const key = JSON.stringify(challenge);
        if (presented.get(domain) === key) continue;
        requireOrdered(instanceId, domain, ordered);
        let strategy = strategies.get(domain);
        if (!strategy) {
          strategy = await ctx.validation(`${instanceId}/${domain}`);
          strategies.set(domain, strategy);
        }
        recordNames.set(domain, await strategy.present(challenge, [domain]));
        presented.set(domain, key);
      }
      const now = ctx.now().getTime();
      if (now >= schedule.deadline)
        return { status, timeline, recordNames: [...recordNames.values()].flat() };
      // Full jitter within [poll-interval, ceiling], so runs polling at once drift apart (src/core/poll.ts).
      const delay = nextPollDelayMs(++checks, schedule);
      await ctx.sleep(Math.min(delay, schedule.deadline - now));
    }
  } finally {
    for (const strategy of strategies.values()) await strategy.cleanup();
  }
}

function requireOrdered(instanceId: string, domain: string, ordered: readonly string[]): void {
  const bases = ordered.map((name) => validationBaseName(name.toLowerCase()));
  if (bases.includes(validationBaseName(domain.toLowerCase()))) return;
  throw new FlowError(
    `The validation list of instance ${instanceId} has an entry for ${domain || 'no name'}, which is not one of ` +
      `the names ordered (${ordered.join(', ') || 'none known: give the domains input'}); refusing to write ` +
      'anything for it.',
  );
}

export function pendingInstanceResult(
  ctx: FlowContext,
  outcome: InstanceOutcome,
  instanceId: string,
): FlowResult {
  const { config } = ctx;
  const { status } = outcome;
  const open = status.challenges;
  const toDo =
    open.length > 0
      ? open.map((c) => stillToDo(c.challenge, [], ctx.validationSettings)).join('; ')
      : status.state === 'pending' && open.length === 0
        ? `wait for the service to list the validation, then for the certificate authority ('${status.serviceStatus}')`
        : `wait for the certificate authority ('${status.serviceStatus || status.state}')`;
  const result: FlowResult = {
    status: 'pending',
    instanceId,
    challenge: open[0]?.challenge,
    recordNames: outcome.recordNames,
    state: status.serviceStatus || status.state,
    timeline: outcome.timeline,
    details: [['Still to do', toDo]],
  };
  if (config.failOnPending) {
    throw new FlowError(
      `Instance ${instanceId} is still '${result.state}' after wait-timeout ${config.waitTimeoutSeconds}s; still ` +
        `to do: ${toDo}. Run again with instance-id ${instanceId} (or the same domains) to resume it, or set ` +
        'fail-on-pending: false.',
      result,
    );
  }
  return result;
}
