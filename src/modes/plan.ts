// mode: plan — one pass over what the account holds (every source's inventory, every page, and the uploaded
// certificates), a decision per entry of `certificates`, and the matrix of the entries due or in flight for the
// renewal jobs (docs/fleet.md). It reads only: it never orders, so it is safe to run as often as it likes.
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { daysRemaining } from '../core/certificate.js';
import { InputError } from '../core/errors.js';
import { emptyResult, type FlowResult } from '../core/result.js';
import { type HeldCertificate, planFleet } from '../fleet/decide.js';
import { parseFleetEntries } from '../fleet/entries.js';
import type { FlowContext } from '../flows/context.js';
import type { HeldCertificateSummary } from '../held/port.js';
import type { Inventory } from '../sources/port.js';
import { openSource, SOURCE_APIS } from '../sources/registry.js';

export async function planRenewals(ctx: FlowContext): Promise<FlowResult> {
  const { config, log } = ctx;
  const text = await readCertificateList(config.certificates ?? '');
  let parsed: ReturnType<typeof parseFleetEntries>;
  try {
    parsed = parseFleetEntries(text, { renewBeforeDays: config.renewBeforeDays });
  } catch (error) {
    throw new InputError([{ input: 'certificates', problem: (error as Error).message }]);
  }
  const now = ctx.now();
  const inventories: Inventory[] = [];
  for (const api of SOURCE_APIS) {
    const inventory = await (await openSource(ctx, api)).inventory?.();
    if (inventory) inventories.push(inventory);
  }
  const uploaded = await (await ctx.held()).list({ uploadedOnly: true });
  const held = [...inventories.flatMap((i) => i.held), ...uploaded.map((c) => heldFromCertificate(c, now))];
  const plan = planFleet(parsed, held, now);
  for (const p of plan.entries) log.info(`${p.name}: ${p.decision} (${p.reason}).`);
  const counts = countBy(plan.entries.map((p) => p.decision));
  log.info(
    `${plan.entries.length} certificate(s): ${counts.due ?? 0} due, ${counts['in-flight'] ?? 0} in flight, ` +
      `${counts.ok ?? 0} ok, ${counts.invalid ?? 0} invalid; read ` +
      [
        ...inventories.map((i) => `${i.held.length} ${i.noun}`),
        `${uploaded.length} uploaded certificate(s)`,
      ].join(', ') +
      '.',
  );
  const invalid = plan.entries.filter((p) => p.decision === 'invalid');
  for (const bad of invalid)
    log.warning(`certificates: entry ${bad.name} ${bad.reason}; it is left out of the plan.`);
  if (plan.batchSize > 1) {
    log.info(
      `${plan.dueCount} certificates to renew is more than one matrix runs (256): ` +
        `${plan.matrix.include.length} batches of up to ${plan.batchSize}.`,
    );
  }
  const result = emptyResult('planned');
  result.report = { kind: 'plan', plan };
  result.details.push(['Due or in flight', String(plan.dueCount)]);
  for (const i of inventories) result.details.push([i.heading, String(i.held.length)]);
  result.details.push(['Uploaded certificates read', String(uploaded.length)]);
  // The others are in the matrix and renew (renew.yml runs them after a failed plan); the step fails so that
  // a typo does not go unseen behind a green run (docs/fleet.md).
  if (invalid.length > 0) {
    result.details.push(['Invalid entries', invalid.map((p) => p.name).join(', ')]);
    result.failsStep =
      `${invalid.length} of ${plan.entries.length} certificate entries are invalid ` +
      `(${invalid.map((p) => p.name).join(', ')}): fix or remove them (the warnings above say why); ` +
      `the others are planned (${plan.dueCount} due or in flight, in the matrix).`;
  }
  return result;
}

/** Inline JSON (starts with `[`), or a file: relative to the workspace, as GitHub's own inputs take paths. */
async function readCertificateList(value: string): Promise<string> {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) return trimmed;
  const base = process.env.GITHUB_WORKSPACE || process.cwd();
  const path = isAbsolute(trimmed) ? trimmed : resolve(base, trimmed);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError([
      {
        input: 'certificates',
        problem: `is neither a JSON array nor a readable file (${path}: ${code}); check out the repository first`,
      },
    ]);
  }
}

/**
 * A certificate uploaded to CAS: an ACME run's upload (how a certificate-api acme entry is found) or one from
 * elsewhere; judged by its dates, renew-before-days capped at a third of its lifetime, as issue judges it.
 */
export function heldFromCertificate(c: HeldCertificateSummary, now: Date): HeldCertificate {
  const expired = c.notAfter ? daysRemaining(c.notAfter, now) < 0 : false;
  return {
    source: 'certificate',
    id: c.certId,
    domains: c.domains,
    state: expired ? 'expired' : 'valid',
    ...(c.notAfter ? { notAfter: c.notAfter } : {}),
    ...(c.notAfterDay ? { notAfterDay: c.notAfterDay } : {}),
    ...(c.notBefore ? { notBefore: c.notBefore } : {}),
  };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
