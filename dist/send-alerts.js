import { k as dayCount, m as modeEntry, l as redactSecrets, o as reportOf, h as isoSeconds, p as daysRemaining } from './start.js';

// Pure: what a run means for the alert issues (docs/alerts.md). One issue per certificate, found again by its
// stable title; a failure or a certificate close to expiry opens it (or comments on it), a renewal closes it.
/** Every alert issue carries this label, so that one listing finds them all. */
const ALERT_LABEL = 'certificate-alert';
/** A fenced code block around untrusted text, its fence longer than any run of backticks in it. */
function fenced(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}text\n${text.replace(/\r/g, '')}\n${fence}`;
}
/** Untrusted text on one line as an inline code span (delimited by more backticks than any run inside). */
function inlineCode(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const ticks = '`'.repeat(longest + 1);
    return longest > 0 ? `${ticks} ${flat} ${ticks}` : `${ticks}${flat}${ticks}`;
}
function alertTitle(domains, orderId) {
    const subject = domains.length > 0 ? [...domains].sort().join(', ') : `order ${orderId ?? 'unknown'}`;
    return `Certificate alert: ${subject}`;
}
const RENEWED = new Set(['issued', 'renewed']);
/** One run of `issue` or `renew` for one certificate. */
function eventsForRun(run, alertBeforeDays) {
    const title = alertTitle(run.domains, run.orderId);
    const link = run.runUrl ? `\n\nRun: ${run.runUrl}` : '';
    const order = run.orderId ? ` (order ${run.orderId})` : '';
    if (run.failure !== undefined) {
        const what = run.renewal ? 'renewal' : 'issuance';
        const current = run.current
            ? ` The current certificate expires ${run.current.notAfter} (${run.current.daysLeft < 0
                ? `${dayCount(-run.current.daysLeft)} ago`
                : `in ${dayCount(run.current.daysLeft)}`}).`
            : '';
        return [
            {
                title,
                kind: 'failing',
                body: `**The ${what} of ${subjectOf(run)} failed**${order}.${current}

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
                body: `**${subjectOf(run)} expires in ${dayCount(run.daysLeft)}**${order} (alert-before-days ${alertBeforeDays}) ` +
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
function eventsForPlan(plan, alertBeforeDays, runUrl) {
    const link = runUrl ? `\n\nRun: ${runUrl}` : '';
    const events = [];
    for (const p of plan.entries) {
        if (p.decision === 'invalid' || p.daysLeft === undefined)
            continue;
        const title = alertTitle(p.domains);
        if (p.daysLeft < alertBeforeDays) {
            const left = p.daysLeft < 0 ? `expired ${dayCount(-p.daysLeft)} ago` : `expires in ${dayCount(p.daysLeft)}`;
            events.push({
                title,
                kind: 'expiring',
                body: `**Certificate ${p.name} (${p.domains.join(', ')}) ${left}** (alert-before-days ${alertBeforeDays}); ` +
                    `the plan found it ${p.decision}: ${inlineCode(p.reason)}. Check its renewal job.${link}`,
            });
        }
        else if (p.decision === 'ok') {
            events.push({
                title,
                kind: 'resolved',
                body: `Certificate ${p.name} has ${dayCount(p.daysLeft)} left (${inlineCode(p.reason)}): closing.${link}`,
            });
        }
    }
    return events;
}
function subjectOf(run) {
    return run.domains.length > 0 ? `the certificate for ${run.domains.join(', ')}` : `order ${run.orderId}`;
}

// `alert: issue`: after a run, the alert issues of this repository follow what happened (docs/alerts.md).
// An alert that cannot be sent is a warning, never a failure: a plan or a renewal must not stop over it.
async function sendAlerts(config, run, log) {
    if (config.alert !== 'issue' || !modeEntry(config.mode).alerts)
        return;
    const env = process.env;
    const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    // The runner masks secrets in logs, never in an issue: each body is redacted here against every value the run
    // registered as a secret, in its raw and URL-encoded forms (src/core/secrets.ts).
    const events = eventsOf(config, run, runUrl).map((event) => ({
        ...event,
        body: redactSecrets(event.body, [config.githubToken]),
    }));
    if (events.length === 0)
        return;
    const repository = env.GITHUB_REPOSITORY?.trim();
    if (!repository?.includes('/') || !config.githubToken) {
        log.warning('alert: issue needs GITHUB_REPOSITORY (set on GitHub runners) and github-token; no alert was sent.');
        return;
    }
    try {
        const { applyAlerts } = await import('./github-issues.js');
        await applyAlerts({ token: config.githubToken, repository }, events, log);
    }
    catch (error) {
        const status = error.status;
        const hint = status === 403 || status === 401
            ? ' Give the job `permissions: issues: write` (or a github-token that has it).'
            : '';
        log.warning(`alert: could not update the alert issues in ${repository} (${error.message}).${hint}`);
    }
}
function eventsOf(config, run, runUrl) {
    const plan = run.result && reportOf(run.result, 'plan')?.plan;
    if (plan)
        return eventsForPlan(plan, config.alertBeforeDays, runUrl);
    const info = run.result?.certificate?.info;
    return eventsForRun({
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
    }, config.alertBeforeDays);
}

var sendAlerts$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    sendAlerts: sendAlerts
});

export { ALERT_LABEL as A, sendAlerts$1 as s };
