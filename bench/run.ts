// Figures quoted in the README and notes, measured side by side in one run:
// bundle sizes, cold start of dist/index.js beside bare node, API calls per issuance, client throughput vs the SDK.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RpcClient } from '../src/aliyun/rpc.js';
import { createCasOrderService } from '../src/services/cas.js';
import { emulatorInputs } from '../test/e2e/fixtures.js';
import { runAction } from '../test/e2e/run-action.js';
import {
  createEmulator,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
} from '../test/emulator/server.js';
import { casSdkClient, sdkRequest } from '../test/emulator/test-helpers.js';

const root = resolve(import.meta.dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function bundleSizes(): void {
  const dist = join(root, 'dist');
  const entry = statSync(join(dist, 'index.js')).size;
  const chunks = readdirSync(dist)
    .filter((f) => f.endsWith('.js') && f !== 'index.js')
    .map((f) => `${f} ${kb(statSync(join(dist, f)).size)}`);
  console.log(`dist/index.js: ${kb(entry)} (lazy chunks, loaded only when used: ${chunks.join(', ')})`);
  const ncc = join(root, 'node_modules/.bin/ncc');
  const sizeOf = (entryFile: string) => {
    const out = mkdtempSync(join(tmpdir(), 'bench-ncc-'));
    execFileSync(ncc, ['build', join(root, entryFile), '-o', out, '-q'], { stdio: 'ignore' });
    return readdirSync(out)
      .filter((f) => /\.c?js$/.test(f))
      .reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  };
  const ours = sizeOf('bench/client-entry.ts');
  const sdk = sizeOf('bench/sdk-entry.cjs');
  console.log(
    `client bundle: ours ${kb(ours)}, official @alicloud/cas20200407 ${kb(sdk)} (ours/SDK ${ratio(ours, sdk)})`,
  );
}

function coldStart(runs = 15): void {
  const time = (args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, args, { env: { PATH: process.env.PATH ?? '' }, stdio: 'ignore' });
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(samples);
  };
  const toolkitDir = mkdtempSync(join(tmpdir(), 'bench-core-'));
  execFileSync(
    join(root, 'node_modules/.bin/ncc'),
    ['build', join(root, 'bench/core-entry.ts'), '-o', toolkitDir, '-q'],
    {
      stdio: 'ignore',
    },
  );
  // Interleaved, so that load on the machine falls on all three alike.
  const bare: number[] = [];
  const toolkit: number[] = [];
  const action: number[] = [];
  for (let round = 0; round < 3; round++) {
    bare.push(time(['-e', '0']));
    toolkit.push(time([join(toolkitDir, 'index.js')]));
    // No inputs: the action loads, parses its inputs, reports the missing ones and exits.
    action.push(time([join(root, 'dist/index.js')]));
  }
  const [b, t, a] = [median(bare), median(toolkit), median(action)];
  console.log(
    `cold start (medians, ${process.version}): node -e 0 ${b.toFixed(0)} ms; @actions/core alone ${t.toFixed(0)} ms ` +
      `(${ratio(t, b)} bare); node dist/index.js ${a.toFixed(0)} ms (${ratio(a, b)} bare, ${ratio(a, t)} @actions/core alone)`,
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
    const ours = createCasOrderService(client, emulator.url);
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

bundleSizes();
coldStart();
await callsPerIssuance();
await throughput();
