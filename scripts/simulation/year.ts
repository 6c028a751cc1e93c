// A year of daily runs, as the fleet workflow makes them (README "A year of daily runs"): each simulated day the
// emulator's clock and the action's (scripts/simulation/shift-clock.mjs) move a day on, `mode: plan` reads the
// account, and each entry of its matrix runs as its renewal job does (`mode: issue` with the entry's inputs, then
// the post step), with chaos on at a seed. What a person lives with is then checked over the whole year.
import { pathToFileURL } from 'node:url';
import { DEFAULT_PRODUCT_CODE } from '../../emulator/cas.js';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { type FakeGitHubApi, startFakeGitHubApi } from '../../test/support/fake-github-api.js';
import { emulatorInputs } from '../../test/support/fixtures.js';
import { type ActionRun, runAction } from '../../test/support/run-action.js';

const DAY = 86_400_000;
const ZONE = 'fleet.example.com';
const SHIFT_CLOCK = pathToFileURL(new URL('./shift-clock.mjs', import.meta.url).pathname).href;
/** What the action's alerts are for: fewer days left than this is a failure of the whole product. */
const NEVER_WITHIN_DAYS = 7;

export interface SimulationOptions {
  days: number;
  certificates: number;
  seed: number;
  /**
   * A stretch of days on which the CA fails one certificate's validation (its DNS moved away, say): its jobs fail,
   * its alert must open, and the first renewal after must close it. Default: the first certificate, days 3 to 6.
   */
  failValidation?: { certificate: number; fromDay: number; toDay: number } | false;
  /** Renewal jobs at once (a matrix's max-parallel); the machine has 2 cores. */
  parallel?: number;
  progress?: (line: string) => void;
}

export interface CertificateYear {
  name: string;
  domains: string;
  /** How the entry starts: an order of the account, or a certificate the user uploaded to CAS. */
  origin: 'order' | 'uploaded';
  /** Days left at the end of each day (the longest-lasting issued certificate for its names); null: none. */
  daysLeft: Array<number | null>;
  /** Days on which a renewal job issued it. */
  renewedOn: number[];
  /** Days on which its renewal job failed (chaos), to be retried the next day. */
  failedOn: number[];
}

export interface SimulationReport {
  options: Required<Omit<SimulationOptions, 'progress' | 'failValidation'>>;
  /** Alert issues opened over the year, and how many of them were closed by a renewal. */
  alerts: { opened: number; closed: number };
  certificates: CertificateYear[];
  /** Orders the runs created at the service (a create whose answer chaos dropped still made one). */
  orders: number;
  renewals: number;
  quotaSpent: number;
  runs: number;
  /** Of the elapsed time, the daily plans' (the rest: renewal jobs and the checks). */
  planMs: number;
  apiCalls: number;
  chaosFaults: number;
  /** Every broken promise, one line each; empty means the year went as it should. */
  violations: string[];
  elapsedMs: number;
}

interface Entry {
  name: string;
  domains: string;
  'renew-before-days': number;
}

export async function simulateYear(options: SimulationOptions): Promise<SimulationReport> {
  const started = Date.now();
  const parallel = options.parallel ?? 2;
  const emulator = await createEmulator({
    zones: [ZONE],
    // Pages as the reference documents them (50): the many-pages case is the fault tests', not a year's.
    chaosMode: { seed: options.seed, listLagMs: 100, maxExtraProcessMs: 200, maxPageSize: 50 },
  });
  const github = await startFakeGitHubApi('octo/fleet');
  try {
    emulator.cas.setPackage(DEFAULT_PRODUCT_CODE, 100_000);
    emulator.cas.knobs.recycleLeafKeys = true;
    const entries = await seedFleet(emulator, options.certificates);
    const years: CertificateYear[] = entries.map((entry, i) => ({
      name: entry.name,
      domains: entry.domains,
      origin: i % 3 === 2 ? 'uploaded' : 'order',
      daysLeft: [],
      renewedOn: [],
      failedOn: [],
    }));
    const quotaBefore = emulator.cas.packages().reduce((sum, q) => sum + q.used, 0);
    const violations: string[] = [];
    let runs = 0;
    let planMs = 0;
    const failing = options.failValidation ?? { certificate: 0, fromDay: 3, toDay: 6 };
    for (let day = 0; day < options.days; day++) {
      const offset = day * DAY;
      const failingEntry =
        failing && day >= failing.fromDay && day <= failing.toDay && entries[failing.certificate];
      emulator.cas.knobs.verifyFailDomains = failingEntry ? [failingEntry.domains] : [];
      emulator.clock.setOffset(offset);
      emulator.clock.setGatewayOffset(offset);
      const env = runEnvironment(github, offset);
      const common = { alert: 'issue', 'github-token': github.token };
      const planStarted = Date.now();
      const plan = await runStep(
        emulatorInputs(emulator, { ...common, mode: 'plan', certificates: JSON.stringify(entries) }),
        env,
      );
      runs += plan.runs;
      planMs += Date.now() - planStarted;
      const due = plan.main.exitCode === 0 ? matrixOf(plan.main) : [];
      if (plan.main.exitCode !== 0) violations.push(`day ${day}: the plan failed: ${lastError(plan.main)}`);
      const queue = [...due];
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          for (let job = queue.shift(); job; job = queue.shift()) {
            const { name, plan: _plan, ...inputs } = job;
            const run = await runStep(
              emulatorInputs(emulator, {
                ...common,
                ...stringInputs(inputs),
                mode: 'issue',
                'wait-timeout': '30',
              }),
              env,
            );
            runs += run.runs;
            const year = years.find((y) => y.name === name);
            if (!year) continue;
            if (run.main.outputs.status === 'issued') year.renewedOn.push(day);
            else if (run.main.exitCode !== 0) year.failedOn.push(day);
          }
        }),
      );
      for (const year of years) {
        const left = daysLeftOf(emulator, year.domains, emulator.clock.now());
        year.daysLeft.push(left);
        if (left === null || left < NEVER_WITHIN_DAYS)
          violations.push(`day ${day}: ${year.name} has ${left ?? 'no'} days left`);
      }
      options.progress?.(
        `day ${String(day).padStart(3)}: ${due.length} due, ${years.filter((y) => y.renewedOn.at(-1) === day).length} renewed`,
      );
    }
    violations.push(...leftBehind(emulator), ...alertProblems(github, years, options.days));
    const orders = emulator.cas.orders().filter((o) => o.createdByCall).length;
    const renewals = years.reduce((sum, y) => sum + y.renewedOn.length, 0);
    const quotaSpent = emulator.cas.packages().reduce((sum, q) => sum + q.used, 0) - quotaBefore;
    violations.push(...orderProblems(emulator, years), ...quotaProblems(quotaSpent, renewals, orders));
    return {
      alerts: {
        opened: github.issues.length,
        closed: github.issues.filter((i) => i.state === 'closed').length,
      },
      options: { days: options.days, certificates: options.certificates, seed: options.seed, parallel },
      certificates: years,
      orders,
      renewals,
      quotaSpent,
      runs,
      planMs,
      apiCalls: emulator.calls.length,
      chaosFaults: emulator.calls.filter((c) => c.chaos).length + emulator.chaosCalls.length,
      violations,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await github.close();
    await emulator.close();
  }
}

/** The fleet on day 0: every entry holds a certificate, their expiries spread over the first 80 days. */
async function seedFleet(emulator: Emulator, size: number): Promise<Entry[]> {
  const now = emulator.clock.now();
  const entries: Entry[] = [];
  for (let i = 0; i < size; i++) {
    const entry = {
      name: `cert-${String(i).padStart(2, '0')}`,
      domains: `c${i}.${ZONE}`,
      'renew-before-days': 30,
    };
    entries.push(entry);
    const notAfter = now + (35 + Math.round((i * 45) / Math.max(1, size - 1))) * DAY;
    if (i % 3 === 2) {
      const leaf = await emulator.ca.issueLeaf({
        names: [entry.domains],
        notBefore: new Date(notAfter - 90 * DAY),
        notAfter: new Date(notAfter),
        recycleKey: true,
      });
      emulator.cas.certificates.add({
        name: `uploaded-${entry.name}`,
        pem: `${leaf.certificatePem}${leaf.chainPem}`,
        privateKeyPem: leaf.privateKeyPem ?? '',
        source: 'upload',
      });
    } else {
      await emulator.cas.seedOrder({
        domains: [entry.domains],
        notBefore: notAfter - 90 * DAY,
        notAfter,
        consumeQuota: false,
      });
    }
  }
  return entries;
}

function runEnvironment(github: FakeGitHubApi, offsetMs: number): Record<string, string> {
  return {
    NODE_OPTIONS: `--import=${SHIFT_CLOCK}`,
    SIMULATION_CLOCK_OFFSET_MS: String(offsetMs),
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: String(4242 + Math.round(offsetMs / DAY)),
  };
}

/** One action step as GitHub runs it: main, then the post step with what main saved. */
async function runStep(
  inputs: Record<string, string>,
  env: Record<string, string>,
): Promise<{ main: ActionRun; runs: number }> {
  const main = await runAction(inputs, { env });
  const saved = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  // A post step with nothing saved but its own flag has nothing to do (src/action/post.ts): not started, to keep
  // a year within minutes.
  if (Object.keys(main.state).every((key) => key === 'isPost')) return { main, runs: 1 };
  await runAction(inputs, { env: { ...env, ...saved, STATE_isPost: 'true' } });
  return { main, runs: 2 };
}

function matrixOf(run: ActionRun): Array<Record<string, unknown> & { name: string }> {
  const matrix = JSON.parse(run.outputs.matrix ?? '{"include":[]}') as {
    include: Array<Record<string, unknown> & { name: string }>;
  };
  return matrix.include;
}

const stringInputs = (inputs: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)]));

const lastError = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .at(-1) ?? `exit ${run.exitCode}`;

/** Days left of the longest-lasting issued certificate for exactly these names, ordered or uploaded. */
function daysLeftOf(emulator: Emulator, domains: string, now: number): number | null {
  const ends = emulator.cas.certificates
    .all()
    .filter((c) => c.sans.length <= 1 && c.commonName === domains && c.notBefore <= now && !c.revokedAt)
    .map((c) => c.notAfter);
  if (ends.length === 0) return null;
  return Math.floor((Math.max(...ends) - now) / DAY);
}

/** No validation record left in the zone at the end of the year. */
function leftBehind(emulator: Emulator): string[] {
  return emulator.dns
    .records(ZONE)
    .filter((r) => r.type === 'TXT' || r.type === 'CNAME')
    .map((r) => `left behind: the ${r.type} record ${r.rr}.${ZONE}`);
}

/** At most one order per renewal window: two orders for one certificate within 30 days is one too many. */
function orderProblems(emulator: Emulator, years: CertificateYear[]): string[] {
  const problems: string[] = [];
  for (const year of years) {
    const created = emulator.cas
      .orders()
      .filter((o) => o.domains.length === 1 && o.domains[0] === year.domains && o.createdByCall)
      .map((o) => o.buyDate)
      .sort((a, b) => a - b);
    for (let i = 1; i < created.length; i++) {
      const gap = ((created[i] ?? 0) - (created[i - 1] ?? 0)) / DAY;
      if (gap < 30) problems.push(`${year.name}: two orders ${gap.toFixed(1)} days apart`);
    }
  }
  return problems;
}

/** Every order became a renewal and took one certificate of quota: nothing ordered twice, nothing lost. */
function quotaProblems(quotaSpent: number, renewals: number, orders: number): string[] {
  const problems: string[] = [];
  if (quotaSpent !== renewals) problems.push(`quota spent ${quotaSpent} for ${renewals} renewals`);
  if (orders !== renewals) problems.push(`${orders} orders for ${renewals} renewals`);
  return problems;
}

/** An alert is open at the end for a certificate exactly when its last job failed; every failure opened one. */
function alertProblems(github: FakeGitHubApi, years: CertificateYear[], days: number): string[] {
  const problems: string[] = [];
  for (const year of years) {
    const title = `Certificate alert: ${year.domains}`;
    const issue = github.issues.find((i) => i.title === title);
    const lastFailed = year.failedOn.at(-1) ?? -1;
    const lastRenewed = year.renewedOn.at(-1) ?? -1;
    const failingNow = lastFailed > lastRenewed;
    if (year.failedOn.length > 0 && !issue)
      problems.push(`${year.name}: failed on day ${lastFailed}, no alert`);
    if (issue?.state === 'open' && !failingNow)
      problems.push(`${year.name}: an alert left open, yet it is fine`);
    if (failingNow && issue?.state !== 'open' && lastFailed === days - 1)
      problems.push(`${year.name}: failing at the end, its alert is not open`);
  }
  return problems;
}
