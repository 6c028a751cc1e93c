// The job summary: what was done, for whom, until when. Never a key.
import * as core from '@actions/core';
import { daysRemaining } from '../core/certificate.js';
import { type FlowResult, type LeftBehind, reportOf } from '../core/result.js';
import { dayCount, isoSeconds } from '../core/time.js';

export function renderSummary(
  result: LeftBehind & { status: FlowResult['status'] | 'failed' },
  domains: string[],
  now: Date,
): string {
  const rows: Array<[string, string]> = [['Status', result.status]];
  if (domains.length > 0) rows.push(['Domains', domains.join(', ')]);
  if (result.orderId) rows.push(['Order id', result.orderId]);
  if (result.instanceId) rows.push(['Instance id', result.instanceId]);
  if (result.state) rows.push(['Order state', result.state]);
  if (result.certId) rows.push(['Certificate id', result.certId]);
  const info = result.certificate?.info;
  if (info) {
    rows.push(['Certificate names', info.names.join(', ')]);
    rows.push(['Not after', isoSeconds(info.notAfter)]);
    rows.push(['Days remaining', String(daysRemaining(info.notAfter, now))]);
    rows.push(['SHA-256 fingerprint', info.fingerprintSha256]);
  }
  if (result.quota) {
    const q = result.quota;
    rows.push([
      'Quota',
      `${q.used} used of ${q.total}, ${q.issued} issued (${q.productCode || 'default product'})`,
    ]);
  }
  if (result.challenge?.method === 'DNS') {
    const c = result.challenge;
    const names = result.recordNames?.length ? result.recordNames.join(', ') : c.recordDomain;
    rows.push(['Validation record', `${c.recordType} ${names} = ${c.recordValue}`]);
  } else if (result.challenge?.method === 'FILE') {
    rows.push([
      'Validation file',
      `${result.challenge.domain}${result.challenge.uri} = ${result.challenge.content}`,
    ]);
  }
  const cdn = reportOf(result, 'status')?.cdn;
  if (cdn) {
    const { certName, notAfter } = cdn;
    rows.push([
      `CDN ${cdn.domain}`,
      notAfter
        ? `${certName ?? 'certificate'} until ${isoSeconds(notAfter)} (${dayCount(daysRemaining(notAfter, now))})`
        : 'no certificate served (HTTPS off)',
    ]);
  }
  rows.push(...result.details);
  if (result.timeline.length > 0) {
    rows.push(['Timeline', result.timeline.map((t) => `${isoSeconds(t.at)} ${t.state}`).join('<br>')]);
  }
  const table = rows.map(([k, v]) => `| ${escapeCell(k)} | ${escapeCell(v)} |`).join('\n');
  return (
    `### Alibaba Cloud SSL certificate\n\n| | |\n| --- | --- |\n${table}\n${renderOrders(result, now)}` +
    renderInstances(result, now) +
    renderHeldCertificates(result, now) +
    renderPlan(result)
  );
}

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** `list`: the certificates held at the service, soonest expiry first, those due marked. */
function renderHeldCertificates(result: LeftBehind, now: Date): string {
  const list = reportOf(result, 'list');
  if (!list) return '';
  if (list.certificates.length === 0) return '\nNo certificates at the service match.\n';
  const window = list.renewBeforeDays;
  const rows = list.certificates.map((c) => {
    const left = c.notAfter ? daysRemaining(c.notAfter, now) : undefined;
    const due = left !== undefined && window !== undefined && left <= window;
    const day = c.notAfterDay ?? (c.notAfter ? isoSeconds(c.notAfter).slice(0, 10) : '');
    const until = c.notAfter ? `${day} (${dayCount(left ?? 0)})` : '';
    const cells = [c.id, c.name, c.domains.join(', '), c.source, until, due ? '**due**' : ''];
    return `| ${cells.map(escapeCell).join(' | ')} |`;
  });
  const header = `| Cert id | Name | Domains | Source | Not after | Within ${window === undefined ? '-' : dayCount(window)} |\n| --- | --- | --- | --- | --- | --- |`;
  return `\n#### Certificates (${list.certificates.length})\n\n${header}\n${rows.join('\n')}\n`;
}

/** The orders a status report concerns, one row each. */
function renderOrders(result: LeftBehind, now: Date): string {
  const orders = reportOf(result, 'status')?.orders;
  if (!orders) return '';
  if (orders.length === 0) return '\nNo orders in the order list for these domains.\n';
  const rows = orders.map((o) => {
    const until = o.certEndTime
      ? `${isoSeconds(o.certEndTime)} (${dayCount(daysRemaining(o.certEndTime, now))})`
      : '';
    const cells = [o.orderId, o.domains.join(', '), o.status, o.productCode ?? '', until];
    return `| ${cells.map(escapeCell).join(' | ')} |`;
  });
  const header =
    '| Order id | Domains | List status | Product | Not after |\n| --- | --- | --- | --- | --- |';
  return `\n#### Orders (${orders.length})\n\n${header}\n${rows.join('\n')}\n`;
}

/** The account's V2.0 instances (`status` of the account), one row each. */
function renderInstances(result: LeftBehind, now: Date): string {
  const instances = reportOf(result, 'status')?.instances;
  if (!instances || instances.length === 0) return '';
  const rows = instances.map((i) => {
    const until = i.notAfter ? `${isoSeconds(i.notAfter)} (${dayCount(daysRemaining(i.notAfter, now))})` : '';
    return `| ${[i.instanceId, i.domains.join(', '), i.status, until].map(escapeCell).join(' | ')} |`;
  });
  const header = '| Instance id | Domains | Status | Not after |\n| --- | --- | --- | --- |';
  return `\n#### V2.0 instances (${instances.length})\n\n${header}\n${rows.join('\n')}\n`;
}

/** `plan`: every certificate of the fleet, fewest days left first (the plan sorts them). */
function renderPlan(result: LeftBehind): string {
  const plan = reportOf(result, 'plan')?.plan;
  if (!plan) return '';
  const rows = plan.entries.map((p) => {
    const notAfter = p.current?.notAfterDay ?? (p.current?.notAfter ? isoSeconds(p.current.notAfter) : '');
    const cells = [
      p.name,
      p.domains.join(', '),
      p.decision,
      p.daysLeft?.toString() ?? '',
      notAfter,
      p.reason,
    ];
    return `| ${cells.map(escapeCell).join(' | ')} |`;
  });
  const header =
    '| Certificate | Domains | Plan | Days left | Not after | Why |\n| --- | --- | --- | --- | --- | --- |';
  return `\n#### Certificates (${rows.length}), fewest days left first\n\n${header}\n${rows.join('\n')}\n`;
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown).write();
}
