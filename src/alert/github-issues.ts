// The alert issues in this repository through the GitHub REST API (@actions/github; GITHUB_API_URL names the API,
// as on GitHub Enterprise Server). Needs `issues: write` only. Loaded only with `alert: issue` (docs/alerts.md).
import { getOctokit } from '@actions/github';
import type { Logger } from '../core/log.js';
import { ALERT_LABEL, type AlertEvent } from './events.js';

export interface AlertTarget {
  token: string;
  /** `owner/name`, as GITHUB_REPOSITORY gives it. */
  repository: string;
}

export interface AlertOutcome {
  opened: number[];
  commented: number[];
  closed: number[];
}

/** Applies the events: one listing of the open alert issues, then one or two calls per event that needs any. */
export async function applyAlerts(
  target: AlertTarget,
  events: AlertEvent[],
  log: Logger,
): Promise<AlertOutcome> {
  const outcome: AlertOutcome = { opened: [], commented: [], closed: [] };
  if (events.length === 0) return outcome;
  const [owner = '', repo = ''] = target.repository.split('/');
  const octokit = getOctokit(target.token);
  const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'open',
    labels: ALERT_LABEL,
    per_page: 100,
  });
  const byTitle = new Map<string, number>();
  // The list holds pull requests too; an alert is never one.
  for (const issue of open) if (!issue.pull_request) byTitle.set(issue.title, issue.number);
  let labelReady = false;
  for (const event of events) {
    const existing = byTitle.get(event.title);
    if (event.kind === 'resolved') {
      if (existing === undefined) continue;
      await octokit.rest.issues.createComment({ owner, repo, issue_number: existing, body: event.body });
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: existing,
        state: 'closed',
        state_reason: 'completed',
      });
      byTitle.delete(event.title);
      outcome.closed.push(existing);
      log.info(`alert: closed issue #${existing} (${event.title}).`);
    } else if (existing !== undefined) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: existing, body: event.body });
      outcome.commented.push(existing);
      log.info(`alert: commented on issue #${existing} (${event.title}).`);
    } else {
      if (!labelReady) {
        await ensureLabel(octokit, owner, repo);
        labelReady = true;
      }
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title: event.title,
        body: event.body,
        labels: [ALERT_LABEL],
      });
      byTitle.set(event.title, data.number);
      outcome.opened.push(data.number);
      log.info(`alert: opened issue #${data.number} (${event.title}).`);
    }
  }
  return outcome;
}

/** The label that finds the alert issues again: created once, on the first alert (issues: write covers it). */
async function ensureLabel(octokit: ReturnType<typeof getOctokit>, owner: string, repo: string) {
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name: ALERT_LABEL });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    await octokit.rest.issues.createLabel({
      owner,
      repo,
      name: ALERT_LABEL,
      color: 'd93f0b',
      description: 'An SSL certificate renewal needs attention (opened by the certificate action)',
    });
  }
}
