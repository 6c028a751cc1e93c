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

export function publishDeploymentOutputs(report: DeploymentReport): void {
  const served = report.domains.filter((d) => d.outcome === 'deployed' || d.outcome === 'already-served');
  core.setOutput('deployed-domains', served.map((d) => d.domain).join(','));
  core.setOutput('superseded-cert-ids', report.superseded.join(','));
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
  return (
    `\n#### Deployment of certificate ${report.certId}\n\n` +
    '| Target | Domain | Before | After | Served since | Result |\n| --- | --- | --- | --- | --- | --- |\n' +
    `${rows.map((r) => `| ${r} |`).join('\n')}\n${problems ? `\n${problems}\n` : ''}${superseded}`
  );
}

export async function deliverDeployment(report: DeploymentReport): Promise<void> {
  publishDeploymentOutputs(report);
  await writeSummary(renderDeployment(report));
}
