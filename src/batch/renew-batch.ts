// dist/renew-batch.js: the batch job of the fleet workflow (.github/workflows/renew.yml, docs/fleet.md). Past 256
// certificates due, `mode: plan` groups them into batches; this renews one batch's certificates one after the
// other by running dist/index.js beside it, as GitHub runs the action's main and post steps (src/batch/batch.ts).
// Node only, no package: it runs from a checkout of the action.
//
//   CERTIFICATES='[{"name":"www","domains":"example.com"}]' node dist/renew-batch.js
//
// Every entry key becomes an input (`renew-before-days` → INPUT_RENEW-BEFORE-DAYS); BATCH_INPUTS (a JSON object)
// gives inputs for all of them (`{"fail-on-pending": "false", "alert": "issue"}`). Credentials come from the
// environment the action reads anyway (ALIBABA_CLOUD_ACCESS_KEY_ID, …). An artifact cannot be uploaded from here
// (the runtime token reaches only action steps), so `artifact-name` is dropped. Exit status 1 when any failed.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BatchResult,
  inputVariables,
  parseCertificates,
  parseCommandFile,
  parseCommonInputs,
  type RunStep,
  renewEntry,
  summaryOf,
} from './batch.js';

/** The action's entry, beside this file in dist/. */
const ACTION_ENTRY = fileURLToPath(new URL('./index.js', import.meta.url));

/** One run of `node dist/index.js` in dir, with fresh GITHUB_OUTPUT and GITHUB_STATE files there. */
function stepRunnerIn(dir: string): RunStep {
  return (inputs, extraEnv) => {
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = { ...process.env, ...files, ...extraEnv, ...inputVariables(inputs) };
    const run = spawnSync(process.execPath, [ACTION_ENTRY], { env, stdio: 'inherit' });
    return {
      ok: run.status === 0,
      outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    };
  };
}

const certificates = parseCertificates(process.env.CERTIFICATES);
const common = parseCommonInputs(process.env.BATCH_INPUTS);
const results: BatchResult[] = [];
for (const certificate of certificates) {
  const dir = mkdtempSync(join(tmpdir(), 'renew-batch-'));
  console.log(`::group::${certificate.name}`);
  const result = renewEntry(certificate, common, stepRunnerIn(dir));
  console.log('::endgroup::');
  rmSync(dir, { recursive: true, force: true });
  console.log(`${result.name}: ${result.status}`);
  results.push(result);
}
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summaryOf(results));
const failed = results.filter((r) => r.status === 'failed');
if (failed.length > 0) {
  console.log(
    `::error::${failed.length} of ${results.length} failed: ${failed.map((r) => r.name).join(', ')}`,
  );
  process.exitCode = 1;
}
