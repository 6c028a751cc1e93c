// Pure: what a run means for the alert issues (docs/alerts.md). One issue per certificate, found again by its
// stable title; a failure or a certificate close to expiry opens it (or comments on it), a renewal closes it.

import { dayCount } from '../core/time.js';
import type { FleetPlan } from '../fleet/decide.js';

/** Every alert issue carries this label, so that one listing finds them all. */
export const ALERT_LABEL = 'certificate-alert';

export type AlertKind = 'failing' | 'expiring' | 'resolved';

export interface AlertEvent {
  /** The issue's title: the same for a certificate on every run (its domains, sorted). */
  title: string;
  kind: AlertKind;
  /**
   * Markdown: what happened and what to do next. Text from a service or a hook goes in only as code (fenced or
   * inline), so a mention, a link or an image in it stays inert; send-alerts.ts redacts every secret from it.
   */
  body: string;
}

/** A fenced code block around untrusted text, its fence longer than any run of backticks in it. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.replace(/\r/g, '')}\n${fence}`;
}

/** Untrusted text on one line as an inline code span (delimited by more backticks than any run inside). */
export function inlineCode(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return longest > 0 ? `${ticks} ${flat} ${ticks}` : `${ticks}${flat}${ticks}`;
}

export interface RunFacts {
  /** The certificate's domains as the run knew them; empty when only an order id was given. */
  domains: string[];
  orderId?: string;
  /** The run's status, or undefined when it failed. */
  status?: string;
  failure?: string;
  /** A failure: of a renewal (a certificate is held for these names), else of a first issuance. */
  renewal?: boolean;
  /** The certificate a failed renewal would have replaced. */
  current?: { notAfter: string; daysLeft: number };
  daysLeft?: number;
  notAfter?: string;
  /** The run's page (GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID), when known. */
  runUrl?: string;
}

export function alertTitle(domains: string[], orderId?: string): string {
  const subject = domains.length > 0 ? [...domains].sort().join(', ') : `order ${orderId ?? 'unknown'}`;
  return `Certificate alert: ${subject}`;
}

const RENEWED = new Set(['issued', 'renewed']);

/** One run of `issue` or `renew` for one certificate. */
export function eventsForRun(run: RunFacts, alertBeforeDays: number): AlertEvent[] {
  const title = alertTitle(run.domains, run.orderId);
  const link = run.runUrl ? `\n\nRun: ${run.runUrl}` : '';
  const order = run.orderId ? ` (order ${run.orderId})` : '';
  if (run.failure !== undefined) {
    const what = run.renewal ? 'renewal' : 'issuance';
    const current = run.current
      ? ` The current certificate expires ${run.current.notAfter} (${
          run.current.daysLeft < 0
            ? `${dayCount(-run.current.daysLeft)} ago`
            : `in ${dayCount(run.current.daysLeft)}`
        }).`
      : '';
    return [
      {
        title,
        kind: 'failing',
        body:
          `**The ${what} of ${subjectOf(run)} failed**${order}.${current}

${fenced(run.failure)}

` +
          `Fix the cause and re-run the workflow; this issue is closed by the run that renews the certificate.${link}`,
      },
    ];
  }
  if (run.status && RENEWED.has(run.status)) {
    const until = run.notAfter ? `, valid until ${run.notAfter}` : '';
    return [{ title, kind: 'resolved', body: `Renewed${order}${until}: closing.${link}` }];
  }
  if (run.daysLeft !== undefined && run.daysLeft < alertBeforeDays) {
    return [
      {
        title,
        kind: 'expiring',
        body:
          `**${subjectOf(run)} expires in ${dayCount(run.daysLeft)}**${order} (alert-before-days ${alertBeforeDays}) ` +
          `and this run did not renew it (status ${run.status ?? 'unknown'}). Check the renewal runs.${link}`,
      },
    ];
  }
  return [];
}

/**
 * A plan: certificates with fewer than alert-before-days left are reported (a renewal that keeps not happening);
 * one with more days left than that has been renewed, so an issue still open for it is closed.
 */
export function eventsForPlan(plan: FleetPlan, alertBeforeDays: number, runUrl?: string): AlertEvent[] {
  const link = runUrl ? `\n\nRun: ${runUrl}` : '';
  const events: AlertEvent[] = [];
  for (const p of plan.entries) {
    if (p.decision === 'invalid' || p.daysLeft === undefined) continue;
    const title = alertTitle(p.domains);
    if (p.daysLeft < alertBeforeDays) {
      const left =
        p.daysLeft < 0 ? `expired ${dayCount(-p.daysLeft)} ago` : `expires in ${dayCount(p.daysLeft)}`;
      events.push({
        title,
        kind: 'expiring',
        body:
          `**Certificate ${p.name} (${p.domains.join(', ')}) ${left}** (alert-before-days ${alertBeforeDays}); ` +
          `the plan found it ${p.decision}: ${inlineCode(p.reason)}. Check its renewal job.${link}`,
      });
    } else if (p.decision === 'ok') {
      events.push({
        title,
        kind: 'resolved',
        body: `Certificate ${p.name} has ${dayCount(p.daysLeft)} left (${inlineCode(p.reason)}): closing.${link}`,
      });
    }
  }
  return events;
}

function subjectOf(run: RunFacts): string {
  return run.domains.length > 0 ? `the certificate for ${run.domains.join(', ')}` : `order ${run.orderId}`;
}
