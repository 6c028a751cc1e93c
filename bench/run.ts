// Figures quoted in the README and notes, measured side by side in one run: bundle size, cold start of a no-op
// scheduled check (issue mode, certificate issued and not due) beside the same check on the official SDK and bare
// node, under Node 20 and 24; API calls per no-op and per issuance; client throughput vs the SDK; 100 runs of the
// action against the account's 10-QPS flow control. `npm run bench` (NODE24=/path/to/node to choose the Node 24).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createEmulator,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  type Emulator,
} from '../emulator/server.js';
import { casSdkClient, sdkRequest } from '../emulator/test-helpers.js';
import { RpcClient } from '../src/aliyun/rpc.js';
import { createOrderApi } from '../src/authority/order-api.js';
import { emulatorInputs } from '../test/support/fixtures.js';
import { seedFleet } from '../test/support/fleet-fixture.js';
import { runAction } from '../test/support/run-action.js';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const NOOP_DOMAIN = 'noop.example.com';

/** dist/index.js and the chunks it imports statically: what a run loads before it does anything. */
function loadedAtStart(file = 'index.js', seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dist, file), 'utf8');
  for (const [, chunk] of text.matchAll(/^import\s[^;]*?['"]\.\/([^'"]+)['"]/gm))
    if (chunk) loadedAtStart(chunk, seen);
  return seen;
}

function bundleSizes(): void {
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const size = (f: string) => statSync(join(dist, f)).size;
  const atStart = [...loadedAtStart()];
  const startBytes = atStart.reduce((sum, f) => sum + size(f), 0);
  const allBytes = files.reduce((sum, f) => sum + size(f), 0);
  console.log(
    `bundle: loaded at start ${kb(startBytes)} (${atStart.join(', ')}); all of dist/ ${kb(allBytes)} in ` +
      `${files.length} files (the rest is imported only by the modes and deliveries that need it)`,
  );
}

/** An issued certificate far from due: the scheduled check that finds nothing to do. */
async function noopEmulator(): Promise<Emulator> {
  const emulator = await createEmulator({ zones: ['example.com'] });
  const first = await runAction(emulatorInputs(emulator, { domains: NOOP_DOMAIN, 'dns-provider': 'alidns' }));
  if (first.outputs.status !== 'issued') throw new Error(`setup issuance failed: ${first.stdout}`);
  return emulator;
}

function timeChild(node: string, args: string[], env: Record<string, string>): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(node, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`${args.join(' ')} exited ${code}`));
      else done(Number(process.hrtime.bigint() - start) / 1e6);
    });
  });
}

async function coldStart(node: string, label: string, emulator: Emulator, runs = 21): Promise<void> {
  const workDir = join(root, '.tmp', 'bench-runner');
  mkdirSync(workDir, { recursive: true });
  const probe = await runAction(emulatorInputs(emulator, { domains: NOOP_DOMAIN }), { workDir });
  if (probe.outputs.status !== 'unchanged') throw new Error(`the no-op run did not find the certificate`);
  const actionEnv: Record<string, string> = {
    HOME: workDir,
    RUNNER_TEMP: workDir,
    GITHUB_OUTPUT: join(workDir, 'github_output'),
    GITHUB_STATE: join(workDir, 'github_state'),
    GITHUB_STEP_SUMMARY: join(workDir, 'step_summary'),
  };
  for (const [name, value] of Object.entries(emulatorInputs(emulator, { domains: NOOP_DOMAIN })))
    actionEnv[`INPUT_${name.toUpperCase()}`] = value;
  const sdkEnv = {
    BENCH_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID,
    BENCH_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
    BENCH_ENDPOINT: `127.0.0.1:${emulator.port}`,
    BENCH_DOMAIN: NOOP_DOMAIN,
  };
  const bare: number[] = [];
  const sdk: number[] = [];
  const action: number[] = [];
  await timeChild(node, [join(root, 'bench/noop-sdk.cjs')], sdkEnv); // warm the file cache
  // Interleaved, so that load on the machine falls on all three alike.
  for (let i = 0; i < runs; i++) {
    bare.push(await timeChild(node, ['-e', '0'], {}));
    sdk.push(await timeChild(node, [join(root, 'bench/noop-sdk.cjs')], sdkEnv));
    action.push(await timeChild(node, [join(dist, 'index.js')], actionEnv));
  }
  const [b, s, a] = [median(bare), median(sdk), median(action)];
  // The fastest of each too: load from other jobs only ever adds time, so on a busy machine the ratio of the
  // fastest runs is the steadier figure of the two.
  const [fb, fs, fa] = [bare, sdk, action].map((xs) => Math.min(...xs)) as [number, number, number];
  console.log(
    `no-op scheduled check, cold start (median of ${runs}, ${label}): node dist/index.js ${a.toFixed(0)} ms, ` +
      `official SDK script ${s.toFixed(0)} ms, node -e 0 ${b.toFixed(0)} ms → ours/SDK ${ratio(a, s)}, ` +
      `ours/bare ${ratio(a, b)}, SDK/bare ${ratio(s, b)}; fastest runs ${fa.toFixed(0)} / ${fs.toFixed(0)} / ` +
      `${fb.toFixed(0)} ms → ours/SDK ${ratio(fa, fs)}`,
  );
}

async function callsPerNoop(emulator: Emulator): Promise<void> {
  emulator.calls.length = 0;
  const run = await runAction(emulatorInputs(emulator, { domains: NOOP_DOMAIN }));
  if (run.outputs.status !== 'unchanged') throw new Error(`the no-op run did not find the certificate`);
  console.log(
    `API calls per no-op run: ${emulator.calls.length} (${emulator.calls.map((c) => c.action).join(', ')})`,
  );
}

/** `total` no-op runs of the action, `concurrency` at once: wall time, statuses, calls. */
async function runMany(emulator: Emulator, total: number, concurrency: number) {
  emulator.calls.length = 0;
  const statuses: string[] = [];
  let next = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const run = await runAction(
          emulatorInputs(emulator, { domains: NOOP_DOMAIN, 'wait-timeout': '600' }),
        );
        statuses.push(run.exitCode === 0 ? (run.outputs.status ?? '?') : 'failed');
      }
    }),
  );
  return { wallMs: Date.now() - start, ok: statuses.filter((s) => s === 'unchanged').length };
}

/**
 * 100 no-op runs, 20 at once, the list call limited to 10 a second, against two floors: the rate limit's
 * (calls / QPS) and the machine's (the same runs with no limit: on a small machine the processes themselves take
 * longer than the rate limit allows).
 */
async function parallelRuns(emulator: Emulator, total = 100, concurrency = 20, qps = 10): Promise<void> {
  const unlimited = await runMany(emulator, total, concurrency);
  // ListUserCertificateOrder is the account's 10-QPS call (its documented quota); a no-op run makes one.
  emulator.faults.chaos = { qps, qpsActions: ['ListUserCertificateOrder'] };
  const limited = await runMany(emulator, total, concurrency);
  emulator.faults.clear();
  const accepted = emulator.calls.filter((c) => c.action === 'ListUserCertificateOrder' && c.status === 200);
  const throttled = emulator.calls.filter((c) => c.code === 'Throttling.User').length;
  const floorMs = (accepted.length / qps) * 1000;
  const machineMs = unlimited.wallMs;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `${total} no-op runs, ${concurrency} at once, ListUserCertificateOrder at ${qps} QPS: ` +
      `${limited.ok}/${total} succeeded (${throttled} calls refused with Throttling.User), wall ${s(limited.wallMs)}; ` +
      `rate-limit floor ${s(floorMs)} → ${ratio(limited.wallMs, floorMs)}; the same runs unlimited ` +
      `${s(machineMs)} (${unlimited.ok}/${total}) → ${ratio(limited.wallMs, Math.max(floorMs, machineMs))} the higher floor`,
  );
}

async function callsPerIssuance(): Promise<void> {
  const emulator = await createEmulator({ zones: ['example.com', 'example.org'] });
  try {
    const count = async (domains: string[]) => {
      emulator.calls.length = 0;
      const run = await runAction(emulatorInputs(emulator, { domains: domains.join(',') }));
      if (run.exitCode !== 0) throw new Error(`issuance failed: ${run.stdout}`);
      const byAction = new Map<string, number>();
      for (const c of emulator.calls) byAction.set(c.action ?? '?', (byAction.get(c.action ?? '?') ?? 0) + 1);
      return { total: emulator.calls.length, byAction };
    };
    const one = await count(['bench.example.com']);
    const three = await count(['a.bench.example.com', 'b.bench.example.com', 'c.bench.example.org']);
    const detail = [...one.byAction].map(([a, n]) => `${a} ${n}`).join(', ');
    console.log(`API calls per issuance (alidns, 1 domain): ${one.total} (${detail})`);
    console.log(
      `API calls per issuance (alidns, 3 domains in 2 zones): ${three.total}; ` +
        `per extra validated domain: ${((three.total - one.total) / 2).toFixed(1)}`,
    );
  } finally {
    await emulator.close();
  }
}

/** The same count for the instance APIs: the V2.0 instance API and the 2018 DV API (docs/certificate-apis.md). */
async function callsPerInstanceIssuance(): Promise<void> {
  const emulator = await createEmulator({ zones: ['example.com', 'example.org'], recycleLeafKeys: true });
  try {
    const count = async (label: string, inputs: Record<string, string>) => {
      emulator.calls.length = 0;
      const run = await runAction(emulatorInputs(emulator, inputs));
      if (run.exitCode !== 0) throw new Error(`${label} issuance failed: ${run.stdout}`);
      const byAction = new Map<string, number>();
      for (const c of emulator.calls) byAction.set(c.action ?? '?', (byAction.get(c.action ?? '?') ?? 0) + 1);
      const detail = [...byAction].map(([a, n]) => `${a} ${n}`).join(', ');
      console.log(`API calls per issuance (${label}): ${emulator.calls.length} (${detail})`);
    };
    emulator.instances.addInstance();
    await count('instance, alidns, 1 domain', {
      'certificate-api': 'instance',
      domains: 'bench.example.com',
    });
    emulator.instances.addInstance();
    await count('instance, alidns, 3 domains in 2 zones', {
      'certificate-api': 'instance',
      domains: 'a.bench.example.com,b.bench.example.com,c.bench.example.org',
    });
    emulator.cas.setPackage('digicert-free-1-free', 0);
    emulator.instances.addInstance();
    await count('auto → instance, alidns, 1 domain', {
      domains: 'auto.bench.example.com',
      'product-code': 'digicert-free-1-free',
    });
    emulator.legacyDv.addInstance();
    await count('legacy-dv, alidns, 1 domain', {
      'certificate-api': 'legacy-dv',
      domains: 'dv.bench.example.com',
      'contact-name': 'Bench',
      'contact-phone': '13800000000',
      'contact-email': 'bench@example.com',
    });
  } finally {
    await emulator.close();
  }
}

async function throughput(total = 500, concurrency = 8): Promise<void> {
  const emulator = await createEmulator();
  const measure = async (call: () => Promise<unknown>) => {
    let next = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < total) await call();
      }),
    );
    return total / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  try {
    const client = new RpcClient({
      credentials: { accessKeyId: EMULATOR_ACCESS_KEY_ID, accessKeySecret: EMULATOR_ACCESS_KEY_SECRET },
    });
    const ours = createOrderApi(client, emulator.url, () => {});
    const sdk = casSdkClient(emulator, { style: 'v2' });
    const sdkCall = () => sdk.describePackageState(sdkRequest('DescribePackageStateRequest', {}));
    // The emulator warms up (JIT) as it serves: warm it, then alternate rounds (flipping who goes first) and
    // compare medians, so neither client is measured against a warmer server.
    for (let i = 0; i < 2; i++)
      await Promise.all([measure(() => ours.describePackageState()), measure(sdkCall)]);
    const oursRounds: number[] = [];
    const sdkRounds: number[] = [];
    for (let round = 0; round < 6; round++) {
      if (round % 2 === 0) {
        oursRounds.push(await measure(() => ours.describePackageState()));
        sdkRounds.push(await measure(sdkCall));
      } else {
        sdkRounds.push(await measure(sdkCall));
        oursRounds.push(await measure(() => ours.describePackageState()));
      }
    }
    const oursRps = median(oursRounds);
    const sdkRps = median(sdkRounds);
    await client.close();
    console.log(
      `DescribePackageState, median of 6 rounds of ${total} calls, ${concurrency} at once, HMAC-SHA1: ours ${oursRps.toFixed(0)} req/s, ` +
        `official SDK ${sdkRps.toFixed(0)} req/s (ours/SDK ${ratio(oursRps, sdkRps)})`,
    );
  } finally {
    await emulator.close();
  }
}

/**
 * `mode: plan` over a fleet (5 due, 1 in flight, the rest not due) with the order list at the account's 10 QPS,
 * side by side with one no-op run of one certificate: what a daily schedule costs, per fleet and per certificate.
 */
async function planFigures(sizes = [100, 1000], qps = 10): Promise<void> {
  const timed = async (emulator: Emulator, inputs: Record<string, string>) => {
    emulator.calls.length = 0;
    emulator.faults.chaos = { qps, qpsActions: ['ListUserCertificateOrder'] };
    const start = Date.now();
    const run = await runAction(emulatorInputs(emulator, inputs));
    const wallMs = Date.now() - start;
    emulator.faults.clear();
    const accepted = emulator.calls.filter((c) => c.status === 200).length;
    const throttled = emulator.calls.filter((c) => c.code === 'Throttling.User').length;
    return { run, wallMs, accepted, throttled };
  };
  for (const size of sizes) {
    const emulator = await createEmulator({ zones: ['example.com'] });
    try {
      const fleet = await seedFleet(emulator, size);
      const noop = await timed(emulator, { domains: fleet.entries[size - 1]?.domains ?? '' });
      if (noop.run.outputs.status !== 'unchanged') throw new Error(`the no-op run: ${noop.run.stdout}`);
      const plan = await timed(emulator, { mode: 'plan', certificates: JSON.stringify(fleet.entries) });
      if (plan.run.outputs['due-count'] !== '6') throw new Error(`the plan: ${plan.run.stdout}`);
      console.log(
        `plan of ${size} certificates (5 due, 1 in flight), ListUserCertificateOrder at ${qps} QPS: ` +
          `${plan.accepted} calls (${plan.throttled} throttled), wall ${plan.wallMs} ms, matrix of ` +
          `${plan.run.outputs['due-count']} | one no-op run of one certificate: ${noop.accepted} calls, ` +
          `wall ${noop.wallMs} ms | the old fan-out (one no-op job each): ${noop.accepted * size} calls`,
      );
    } finally {
      await emulator.close();
    }
  }
}

function node24(): string | undefined {
  const candidate = process.env.NODE24 || join(root, '.tmp/node24/node_modules/.bin/node');
  return existsSync(candidate) ? candidate : undefined;
}

// `npm run bench -- start`, `-- parallel`, `-- calls` or `-- plan`: only that part.
const only = process.argv[2];
if (only === 'plan') {
  await planFigures();
  process.exit(0);
}
bundleSizes();
const emulator = await noopEmulator();
try {
  if (only !== 'parallel' && only !== 'calls') {
    await coldStart(process.execPath, process.version, emulator);
    const other = node24();
    if (other) await coldStart(other, 'Node 24', emulator);
    else console.log('Node 24: not installed (npm install --prefix .tmp/node24 node@24, as .ci/run does)');
  }
  if (only === undefined || only === 'calls') await callsPerNoop(emulator);
  if (only !== 'start' && only !== 'calls') await parallelRuns(emulator);
} finally {
  await emulator.close();
}
if (only === undefined) await planFigures();
if (only === undefined || only === 'calls') {
  await callsPerIssuance();
  await callsPerInstanceIssuance();
}
if (only === undefined) {
  await throughput();
}
