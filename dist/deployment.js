import { f as writeSummary, g as setOutput, h as isoSeconds } from './start.js';

// A deployment's outputs and summary rows: per domain what it served before, what after, and since when.
const OUTCOMES = {
    deployed: 'deployed',
    'already-served': 'already served',
    failed: 'failed',
    'timed-out': 'timed out',
};
function publishDeploymentOutputs(report) {
    const served = report.domains.filter((d) => d.outcome === 'deployed' || d.outcome === 'already-served');
    setOutput('deployed-domains', served.map((d) => d.domain).join(','));
    setOutput('superseded-cert-ids', report.superseded.join(','));
    if (report.changed)
        setOutput('changed', 'true');
}
function renderDeployment(report) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
    const rows = report.domains.map((d) => [
        d.target,
        d.domain,
        d.before ?? 'none',
        d.after ?? 'none',
        d.servedAt ? isoSeconds(d.servedAt) : d.outcome === 'already-served' ? 'before this run' : '',
        // A short cell; the sentence goes below the table, where it can be read whole.
        OUTCOMES[d.outcome] ?? d.outcome,
    ]
        .map(cell)
        .join(' | '));
    const problems = report.domains
        .filter((d) => d.problem)
        .map((d) => `- ${d.target} ${d.domain}: ${d.problem}`)
        .join('\n');
    const superseded = report.superseded.length > 0 ? `\nDeleted as superseded: ${report.superseded.join(', ')}.\n` : '';
    return (`\n#### Deployment of certificate ${report.certId}\n\n` +
        '| Target | Domain | Before | After | Served since | Result |\n| --- | --- | --- | --- | --- | --- |\n' +
        `${rows.map((r) => `| ${r} |`).join('\n')}\n${problems ? `\n${problems}\n` : ''}${superseded}`);
}
async function deliverDeployment(report) {
    publishDeploymentOutputs(report);
    await writeSummary(renderDeployment(report));
}

export { deliverDeployment, publishDeploymentOutputs, renderDeployment };
