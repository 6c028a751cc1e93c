// `alert: issue`: after a run, the alert issues of this repository follow what happened (docs/alerts.md).
// An alert that cannot be sent is a warning, never a failure: a plan or a renewal must not stop over it.

import type { Config } from '../config/config.js';
import { daysRemaining } from '../core/certificate.js';
import type { Logger } from '../core/log.js';
import { type FlowResult, reportOf } from '../core/result.js';
import { redactSecrets } from '../core/secrets.js';
import { isoSeconds } from '../core/time.js';
import { modeEntry } from '../modes/registry.js';
import { type AlertEvent, eventsForPlan, eventsForRun } from './events.js';

export interface AfterRun {
  domains: string[];
  result?: FlowResult;
  failure?: string;
  orderId?: string;
  /** A failed run: the end of the certificate it was renewing, when one was held. */
  currentNotAfter?: Date;
  now: Date;
}

export async function sendAlerts(config: Config, run: AfterRun, log: Logger): Promise<void> {
  if (config.alert !== 'issue' || !modeEntry(config.mode).alerts) return;
  const env = process.env;
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  // The runner masks secrets in logs, never in an issue: each body is redacted here against every value the run
  // registered as a secret, in its raw and URL-encoded forms (src/core/secrets.ts).
  const events = eventsOf(config, run, runUrl).map((event) => ({
    ...event,
    body: redactSecrets(event.body, [config.githubToken]),
  }));
  if (events.length === 0) return;
  const repository = env.GITHUB_REPOSITORY?.trim();
  if (!repository?.includes('/') || !config.githubToken) {
    log.warning(
      'alert: issue needs GITHUB_REPOSITORY (set on GitHub runners) and github-token; no alert was sent.',
    );
    return;
  }
  try {
    const { applyAlerts } = await import('./github-issues.js');
    await applyAlerts({ token: config.githubToken, repository }, events, log);
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint =
      status === 403 || status === 401
        ? ' Give the job `permissions: issues: write` (or a github-token that has it).'
        : '';
    log.warning(
      `alert: could not update the alert issues in ${repository} (${(error as Error).message}).${hint}`,
    );
  }
}

function eventsOf(config: Config, run: AfterRun, runUrl: string | undefined): AlertEvent[] {
  const plan = run.result && reportOf(run.result, 'plan')?.plan;
  if (plan) return eventsForPlan(plan, config.alertBeforeDays, runUrl);
  const info = run.result?.certificate?.info;
  return eventsForRun(
    {
      domains: run.domains,
      orderId: run.result?.orderId ?? run.orderId,
      status: run.result?.status,
      failure: run.failure,
      renewal: config.mode === 'renew' || run.currentNotAfter !== undefined,
      ...(run.currentNotAfter
        ? {
            current: {
              notAfter: isoSeconds(run.currentNotAfter),
              daysLeft: daysRemaining(run.currentNotAfter, run.now),
            },
          }
        : {}),
      daysLeft: info ? daysRemaining(info.notAfter, run.now) : undefined,
      notAfter: info ? isoSeconds(info.notAfter) : undefined,
      runUrl,
    },
    config.alertBeforeDays,
  );
}
