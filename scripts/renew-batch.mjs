#!/usr/bin/env node
// One job of a batched renewal matrix (docs/fleet.md): past 256 certificates due, `mode: plan` groups them into
// batches, and this renews one batch's certificates one after the other, running the action exactly as GitHub
// runs a step: `node dist/index.js` with each input in INPUT_<NAME>, then again as the post step with the saved
// state in STATE_<name>. Plain Node, no dependencies: it runs from a checkout of the action.
//
//   CERTIFICATES='[{"name":"www","domains":"example.com"}]' node scripts/renew-batch.mjs
//
// Every entry key becomes an input (`renew-before-days` → INPUT_RENEW-BEFORE-DAYS); BATCH_INPUTS (a JSON object)
// gives inputs for all of them (`{"fail-on-pending": "false", "alert": "issue"}`). Credentials come from the
// environment the action reads anyway (ALIBABA_CLOUD_ACCESS_KEY_ID, …). An artifact cannot be uploaded from here
// (the runtime token reaches only action steps), so `artifact-name` is dropped. Exit status 1 when any failed.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/index.js');
/** Keys of a matrix entry that are the plan's, not inputs. */
const NOT_INPUTS = new Set(['name', 'plan', 'artifact-name', 'artifact-retention-days']);

/** GITHUB_OUTPUT / GITHUB_STATE: `name<<DELIMITER` blocks, or `name=value` lines. */
function parseCommandFile(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      values[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      values[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return values;
}

function runStep(inputs, extraEnv, dir) {
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env = { ...process.env, ...files, ...extraEnv };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase()}`] = typeof value === 'string' ? value : JSON.stringify(value);
  const run = spawnSync(process.execPath, [entry], { env, stdio: 'inherit' });
  return {
    ok: run.status === 0,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
  };
}

const certificates = JSON.parse(process.env.CERTIFICATES || '[]');
const common = JSON.parse(process.env.BATCH_INPUTS || '{}');
const results = [];
for (const certificate of certificates) {
  const inputs = { mode: 'issue', ...common };
  for (const [key, value] of Object.entries(certificate))
    if (!NOT_INPUTS.has(key) && value !== null && value !== '') inputs[key] = value;
  const dir = mkdtempSync(join(tmpdir(), 'renew-batch-'));
  console.log(`::group::${certificate.name}`);
  const main = runStep(inputs, {}, dir);
  // The post step removes what the main step could not (it knows from the saved state); it never fails.
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  runStep(inputs, stateEnv, dir);
  console.log('::endgroup::');
  rmSync(dir, { recursive: true, force: true });
  const status = main.ok ? (main.outputs.status ?? 'done') : 'failed';
  console.log(`${certificate.name}: ${status}`);
  results.push({ name: certificate.name, status, changed: main.outputs.changed === 'true' });
}
if (process.env.GITHUB_STEP_SUMMARY) {
  const rows = results.map((r) => `| ${r.name} | ${r.status} | ${r.changed} |`).join('\n');
  appendFileSync(
    process.env.GITHUB_STEP_SUMMARY,
    `\n#### Batch (${results.length})\n\n| Certificate | Status | Changed |\n| --- | --- | --- |\n${rows}\n`,
  );
}
const failed = results.filter((r) => r.status === 'failed');
if (failed.length > 0) {
  console.log(
    `::error::${failed.length} of ${results.length} failed: ${failed.map((r) => r.name).join(', ')}`,
  );
  process.exitCode = 1;
}
