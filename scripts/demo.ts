// The whole flow on the built-in emulator, no cloud account needed: order, validate in (emulated) Alibaba Cloud DNS,
// wait, fetch, check; prints the outputs and writes the files to ./demo-output.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createEmulator, EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '../emulator/server.js';
import { inputVariables, parseCommandFile } from '../src/batch/batch.js';

const root = resolve(import.meta.dirname, '..');
let masked = 0;
const outputDir = join(root, 'demo-output');
const runnerDir = join(outputDir, '.runner');

const emulator = await createEmulator({ zones: ['example.com'], issuanceDelayMs: 1500 });
console.log(`Emulator (CAS, Alibaba Cloud DNS, CDN) listening on ${emulator.url}\n`);
try {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(runnerDir, { recursive: true });
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' };
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const [name, file] of Object.entries(files)) {
    env[name] = join(runnerDir, file);
    await writeFile(env[name] ?? '', '');
  }
  const inputs: Record<string, string> = {
    domains: 'demo.example.com, www.demo.example.com',
    'access-key-id': EMULATOR_ACCESS_KEY_ID,
    'access-key-secret': EMULATOR_ACCESS_KEY_SECRET,
    endpoint: emulator.url,
    'dns-endpoint': emulator.url,
    'cdn-endpoint': emulator.url,
    'poll-interval': '0.5',
    'max-poll-interval': '2',
    'wait-timeout': '60',
    'output-dir': outputDir,
  };
  Object.assign(env, inputVariables(inputs));

  console.log('$ node dist/index.js   (inputs as INPUT_* variables, as GitHub runs it)\n');
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [join(root, 'dist/index.js')], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: child.stdout }).on('line', showAsTheRunnerWould);
    child.on('close', done);
  });
  console.log(`(${masked} secret values were registered with the runner's masker and never shown)`);

  const outputs = parseCommandFile(await readFile(env.GITHUB_OUTPUT ?? '', 'utf8'));
  console.log('\nOutputs:');
  for (const [name, value] of Object.entries(outputs)) {
    const shown = name === 'private-key' ? '*** (a secret: masked in GitHub logs)' : value.split('\n')[0];
    const more =
      name !== 'private-key' && value.includes('\n') ? ` … (${value.split('\n').length} lines)` : '';
    console.log(`  ${name}: ${shown}${more}`);
  }
  console.log(`\nFiles written to ${outputDir}; job summary in ${env.GITHUB_STEP_SUMMARY}`);
  console.log(`API calls made: ${emulator.calls.length} (${summariseCalls()})`);
  const left = emulator.dns.records().filter((r) => r.rr.startsWith('_dnsauth'));
  console.log(`Validation records left in the zone: ${left.length}`);
  process.exitCode = code ?? 1;
} finally {
  await emulator.close();
}

/**
 * A terminal is not the runner: `::add-mask::` lines carry the secret itself to the runner, which swallows them.
 * Do the same here, and show the other workflow commands the way the Actions log does.
 */
function showAsTheRunnerWould(line: string): void {
  const command = /^::(add-mask|debug|notice|warning|error)(?: [^:]*)?::(.*)$/.exec(line);
  if (!command) {
    console.log(line);
    return;
  }
  const [, kind, text] = command;
  if (kind === 'add-mask') masked++;
  else if (kind !== 'debug' || process.argv.includes('--verbose')) console.log(`${kind}: ${text}`);
}

function summariseCalls(): string {
  const counts = new Map<string, number>();
  for (const call of emulator.calls)
    counts.set(call.action ?? '?', (counts.get(call.action ?? '?') ?? 0) + 1);
  return [...counts].map(([action, n]) => `${action} ×${n}`).join(', ');
}
