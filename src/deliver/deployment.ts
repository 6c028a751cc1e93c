// A deployment's outputs and summary rows: per domain what it served before, what after, and since when.
import * as core from '@actions/core';
import type { DeploymentReport } from '../core/result.js';
import { isoSeconds } from '../core/time.js';
import { writeSummary } from './summary.js';

const OUTCOMES: Record<string, string> = {
  deployed: 'deployed',
  'already-served': 'already served',
  failed: 'failed',
  'timed-out': 'timed out',
};

/**
 * The `deployed` output: one object per resource, kebab-case as the `certificates` output is; `served-since` is
 * when this run saw it served, or the product's own time when it already was (null where unknown).
 */
export function deployedEntries(report: DeploymentReport): Array<Record<string, string | string[] | null>> {
  return report.domains.map((d) => ({
    target: d.key,
    resource: d.domain,
    region: d.region ?? null,
    'cert-id-before': d.before ?? null,
    'cert-id-after': d.after ?? null,
    'served-since': d.servedAt ? isoSeconds(d.servedAt) : null,
    outcome: d.outcome,
    ...(d.detached ? { detached: d.detached } : {}),
  }));
}

export function publishDeploymentOutputs(report: DeploymentReport): void {
  const served = report.domains.filter((d) => d.outcome === 'deployed' || d.outcome === 'already-served');
  core.setOutput('deployed-domains', served.map((d) => d.domain).join(','));
  core.setOutput('superseded-cert-ids', report.superseded.join(','));
  core.setOutput('deployed', JSON.stringify(deployedEntries(report)));
  if (report.changed) core.setOutput('changed', 'true');
}

export function renderDeployment(report: DeploymentReport): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const rows = report.domains.map((d) =>
    [
      d.target,
      d.domain,
      d.before ?? 'none',
      d.after ?? 'none',
      d.servedAt ? isoSeconds(d.servedAt) : d.outcome === 'already-served' ? 'before this run' : '',
      // A short cell; the sentence goes below the table, where it can be read whole.
      OUTCOMES[d.outcome] ?? d.outcome,
    ]
      .map(cell)
      .join(' | '),
  );
  const problems = report.domains
    .filter((d) => d.problem)
    .map((d) => `- ${d.target} ${d.domain}: ${d.problem}`)
    .join('\n');
  const superseded =
    report.superseded.length > 0 ? `\nDeleted as superseded: ${report.superseded.join(', ')}.\n` : '';
  const detached = report.domains
    .filter((d) => d.detached?.length)
    .map((d) => `- ${d.target} ${d.domain}: detached ${d.detached?.join(', ')}`)
    .join('\n');
  const verified =
    report.verified.length === 0
      ? ''
      : '\n| Verified URL | Served since | Result |\n| --- | --- | --- |\n' +
        report.verified
          .map((v) =>
            [
              v.url,
              v.servedAt ? isoSeconds(v.servedAt) : '',
              v.outcome === 'served' ? 'serves it' : 'not served',
            ]
              .map(cell)
              .join(' | '),
          )
          .map((r) => `| ${r} |`)
          .join('\n') +
        '\n' +
        report.verified
          .filter((v) => v.problem)
          .map((v) => `\n- ${cell(v.problem ?? '')}`)
          .join('');
  return (
    `\n#### Deployment of certificate ${report.certId}\n\n` +
    '| Target | Resource | Before | After | Served since | Result |\n| --- | --- | --- | --- | --- | --- |\n' +
    `${rows.map((r) => `| ${r} |`).join('\n')}\n${problems ? `\n${problems}\n` : ''}${detached ? `\n${detached}\n` : ''}${verified}${superseded}`
  );
}

export async function deliverDeployment(report: DeploymentReport): Promise<void> {
  publishDeploymentOutputs(report);
  await writeSummary(renderDeployment(report));
}
