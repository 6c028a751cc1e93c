// A local run as the README shows it to users with a real account: GitHub's @github/local-action runs the
// TypeScript sources (src/local-action.ts) with inputs from an .env file; here the .env points at the emulator.
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '../../emulator/server.js';
import { readZip } from '../support/fake-artifact-service.js';
import { createEmulator, createValidationRecordsByHand, type Emulator } from '../support/fixtures.js';
import { clearKeyIn } from '../support/key-bytes.js';
import { eventually, NODE_BINARY } from '../support/run-action.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCAL_ACTION = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');

let emulator: Emulator;
let work: string;

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
  work = await mkdtemp(join(tmpdir(), 'local-action-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(work, { recursive: true, force: true });
});

/** An .env file as a user writes it: inputs as INPUT_<NAME>, and local-action's own folders. */
function dotenv(values: Record<string, string>): string {
  return `${Object.entries(values)
    .map(([name, value]) => `${name}="${value}"`)
    .join('\n')}\n`;
}

interface LocalRun {
  exitCode: number | null;
  output: string;
}

/** `local-action . src/local-action.ts <env>` from the project folder, as a user types it. */
async function runLocalAction(envFile: string, whileRunning: () => Promise<void>): Promise<LocalRun> {
  const child = spawn(NODE_BINARY, [LOCAL_ACTION, '.', 'src/local-action.ts', envFile], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: work,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      // local-action starts tsx through `npm exec`: keep npm from asking the registry about its own updates.
      NPM_CONFIG_UPDATE_NOTIFIER: 'false',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  await whileRunning();
  return { exitCode: await exited, output };
}

describe('@github/local-action', () => {
  it('issues a certificate from an .env file, writes the files and stores the artifact locally', async () => {
    const domain = 'local.example.com';
    const outputDir = join(work, 'certs');
    const artifacts = join(work, 'artifacts');
    // local-action reads these folders at start: they must exist.
    await mkdir(artifacts, { recursive: true });
    await mkdir(join(work, 'cache'), { recursive: true });
    const envFile = join(work, '.env');
    await writeFile(
      envFile,
      dotenv({
        LOCAL_ACTION_WORKSPACE: work,
        LOCAL_ACTION_ARTIFACT_PATH: artifacts,
        LOCAL_ACTION_CACHE_PATH: join(work, 'cache'),
        RUNNER_TEMP: join(work, 'runner-temp'),
        'INPUT_ACCESS-KEY-ID': EMULATOR_ACCESS_KEY_ID,
        'INPUT_ACCESS-KEY-SECRET': EMULATOR_ACCESS_KEY_SECRET,
        INPUT_ENDPOINT: emulator.url,
        'INPUT_DNS-ENDPOINT': emulator.url,
        'INPUT_CDN-ENDPOINT': emulator.url,
        INPUT_DOMAINS: domain,
        'INPUT_DNS-PROVIDER': 'manual',
        'INPUT_POLL-INTERVAL': '0.1',
        'INPUT_MAX-POLL-INTERVAL': '0.2',
        'INPUT_WAIT-TIMEOUT': '60',
        'INPUT_OUTPUT-DIR': outputDir,
        'INPUT_PRIVATE-KEY-PASSPHRASE': 'local passphrase',
        'INPUT_ARTIFACT-NAME': 'certificate',
      }),
    );

    // local-action takes a while to start (tsx, npm ls): wait for the order before playing the user.
    const run = await runLocalAction(envFile, async () => {
      await eventually(
        () => emulator.cas.orders().some((o) => o.domains[0] === domain && o.state === 'domain_verify'),
        90_000,
      );
      await createValidationRecordsByHand(emulator, [domain]);
    });
    expect(run.output).not.toMatch(/::error::|\[error\]|does not export a run\(\) function/i);
    expect(run.exitCode).toBe(0);

    // local-action prints the outputs in a table; the files and the artifact show what was delivered.
    const order = emulator.cas.orders().find((o) => o.domains[0] === domain);
    expect(order?.state).toBe('certificate');
    expect(run.output).toMatch(/'status'\s*│\s*'issued'/);
    expect(run.output).toContain(String(order?.orderId));
    const cert = await readFile(join(outputDir, 'cert.pem'), 'utf8');
    expect(new X509Certificate(cert).fingerprint256).toBe(
      new X509Certificate(order?.certificate?.certificatePem ?? '').fingerprint256,
    );
    const key = await readFile(join(outputDir, 'privkey.pem'), 'utf8');
    expect(
      new X509Certificate(cert).checkPrivateKey((await import('node:crypto')).createPrivateKey(key)),
    ).toBe(true);

    // @github/local-action stands in for the artifact service: the zip lands in LOCAL_ACTION_ARTIFACT_PATH.
    expect(await readdir(artifacts)).toEqual(['certificate.zip']);
    const entries = readZip(await readFile(join(artifacts, 'certificate.zip')));
    expect([...entries.keys()].sort()).toEqual([
      'cert.pem',
      'chain.pem',
      'fullchain.pem',
      'privkey.encrypted.pem',
    ]);
    for (const [name, bytes] of entries) expect(clearKeyIn(bytes, key), name).toBeUndefined();
    // The key is no output of a local run's table: the stub skips outputs that hold a secret.
    expect(run.output).not.toContain(key.split('\n')[1]);
  }, 120_000);
});
