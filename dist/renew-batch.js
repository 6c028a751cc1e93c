import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, appendFileSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The one list of what a fleet entry may say (docs/fleet.md). The plan refuses any other key; the renewal job of
// the fleet workflow (examples/renew.yml → .github/workflows/certificate.yml) forwards exactly these; the batch job
// (src/batch/) turns exactly these into inputs. So an entry can never reach an endpoint, a hook, a mode or a
// credential: those come from the workflow alone (test/e2e/fleet-contract.test.ts holds the three to this list).
// Pure data, no import: dist/renew-batch.js bundles it without loading a chunk of the action.
/** Per-certificate inputs an entry may give, besides its `name`. */
const ENTRY_INPUTS = [
    'domains',
    'product-code',
    'renew-before-days',
    'certificate-api',
    'validation-method',
    'dns-provider',
    'cdn-domains',
    'dcdn-domains',
    'delete-superseded',
    'artifact-name',
    'artifact-retention-days',
];
/** Inputs the plan adds to a matrix entry: the order or instance in flight that its job resumes. */
const PLAN_INPUTS = ['order-id', 'instance-id'];
/** Every input a matrix entry carries to its renewal. */
const MATRIX_INPUTS = [...ENTRY_INPUTS, ...PLAN_INPUTS];

// One job of a batched renewal matrix (docs/fleet.md): the certificates of one batch renewed one after the other,
// each by running the action exactly as GitHub runs a step (inputs in INPUT_<NAME>, outputs and saved state in
// the files GITHUB_OUTPUT and GITHUB_STATE), then again as the post step with the saved state in STATE_<name>.
// Of src/ it imports only the list of entry keys (src/fleet/entry-keys.ts, pure data): dist/renew-batch.js is its
// own bundle and loads no chunk of the action.
/** Keys of a matrix entry that are the plan's, not inputs; an artifact cannot be uploaded from a batch job. */
const NOT_INPUTS = new Set(['name', 'plan', 'artifact-name', 'artifact-retention-days']);
/**
 * Why an entry is refused, before any run: a key that is neither the plan's nor an entry input. A fleet file
 * never chooses the mode, an endpoint, a hook or a credential; those come from BATCH_INPUTS, the workflow's own.
 */
function refusedKey(entry) {
    const key = Object.keys(entry).find((k) => !NOT_INPUTS.has(k) && !MATRIX_INPUTS.includes(k));
    return key === undefined
        ? undefined
        : `key '${key}' is not an entry input (an entry may give ${MATRIX_INPUTS.join(', ')})`;
}
/** The inputs of one entry's run: `mode: issue`, the batch's common inputs, then the entry's own inputs. */
function inputsOf(entry, common) {
    const inputs = { mode: 'issue', ...common };
    for (const [key, value] of Object.entries(entry))
        if (MATRIX_INPUTS.includes(key) && !NOT_INPUTS.has(key) && value !== null && value !== '')
            inputs[key] = value;
    return Object.fromEntries(Object.entries(inputs).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : JSON.stringify(value),
    ]));
}
/** The environment variables of inputs, as the runner names them: `renew-before-days` → INPUT_RENEW-BEFORE-DAYS. */
function inputVariables(inputs) {
    return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
}
/** GITHUB_OUTPUT / GITHUB_STATE: `name<<DELIMITER` blocks, or `name=value` lines. */
function parseCommandFile(text) {
    const values = {};
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
        if (heredoc) {
            const [, name = '', delimiter] = heredoc;
            const value = [];
            for (i++; i < lines.length && lines[i] !== delimiter; i++)
                value.push(lines[i] ?? '');
            values[name] = value.join('\n');
        }
        else if (line.includes('=')) {
            const at = line.indexOf('=');
            values[line.slice(0, at)] = line.slice(at + 1);
        }
    }
    return values;
}
/**
 * Renews one entry: the main step, then the post step, which removes what main could not and never fails (also
 * after a cancelled main step, as GitHub runs post steps). An entry with a key that is not an input never runs.
 */
async function renewEntry(entry, common, runStep, log = console.log) {
    const refused = refusedKey(entry);
    if (refused) {
        log(`::error::${entry.name}: refused: ${refused}.`);
        return { name: entry.name, status: 'failed', changed: false };
    }
    const inputs = inputsOf(entry, common);
    const main = await runStep(inputs, {});
    const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
    await runStep(inputs, stateEnv);
    const status = main.ok ? (main.outputs.status ?? 'done') : 'failed';
    return { name: entry.name, status, changed: main.outputs.changed === 'true' };
}
/** The job summary's table of the batch. */
function summaryOf(results) {
    const rows = results.map((r) => `| ${r.name} | ${r.status} | ${r.changed} |`).join('\n');
    return `\n#### Batch (${results.length})\n\n| Certificate | Status | Changed |\n| --- | --- | --- |\n${rows}\n`;
}
/** CERTIFICATES (a JSON array of matrix entries), each needing a name. */
function parseCertificates(text) {
    const value = JSON.parse(text || '[]');
    if (!Array.isArray(value))
        throw new Error('CERTIFICATES must be a JSON array of matrix entries');
    return value.map((entry, at) => {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
            throw new Error(`CERTIFICATES[${at}] is not an object`);
        const record = entry;
        if (typeof record.name !== 'string')
            throw new Error(`CERTIFICATES[${at}] has no name`);
        return record;
    });
}
/** BATCH_INPUTS: a JSON object of inputs for every entry. */
function parseCommonInputs(text) {
    const value = JSON.parse(text || '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error('BATCH_INPUTS must be a JSON object of inputs');
    return value;
}

// dist/renew-batch.js: the batch job of the fleet workflow (examples/renew.yml, docs/fleet.md). Past 256
// certificates due, `mode: plan` groups them into batches; this renews one batch's certificates one after the
// other by running dist/index.js beside it, as GitHub runs the action's main and post steps (src/batch/batch.ts).
// Node only, no package: it runs from a checkout of the action.
//
//   CERTIFICATES='[{"name":"www","domains":"example.com"}]' node dist/renew-batch.js
//
// The entry keys of src/fleet/entry-keys.ts become inputs (`renew-before-days` → INPUT_RENEW-BEFORE-DAYS); an entry
// with any other key (an endpoint, a hook, a mode) is refused unrun. BATCH_INPUTS (a JSON object, the workflow's
// own) gives inputs for all of them (`{"fail-on-pending": "false", "alert": "issue"}`). Credentials come from the
// environment the action reads anyway (ALIBABA_CLOUD_ACCESS_KEY_ID, …). An artifact cannot be uploaded from here
// (the runtime token reaches only action steps), so `artifact-name` is dropped. Exit status 1 when any failed.
//
// Each run's GITHUB_OUTPUT (which holds the private key) is under RUNNER_TEMP, which the runner empties after the
// job, and is removed after the entry; on SIGINT / SIGTERM (a cancelled job) the running step is stopped, its post
// step still removes what it left at the service, the folder is removed, and no further entry starts.
/** The action's entry, beside this file in dist/. */
const ACTION_ENTRY = fileURLToPath(new URL('./index.js', import.meta.url));
/** The signal that cancelled the batch, once one came. */
let cancelledBy;
/** The main step running now, which a cancellation stops. */
let runningMain;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        cancelledBy = signal;
        runningMain?.kill(signal);
    });
}
/** One run of `node dist/index.js` in dir, with fresh GITHUB_OUTPUT and GITHUB_STATE files there. */
function stepRunnerIn(dir) {
    return (inputs, extraEnv) => {
        const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state') };
        for (const file of Object.values(files))
            writeFileSync(file, '', { mode: 0o600 });
        const env = { ...process.env, ...files, ...extraEnv, ...inputVariables(inputs) };
        const isPost = Object.keys(extraEnv).length > 0;
        const child = spawn(process.execPath, [ACTION_ENTRY], { env, stdio: 'inherit' });
        if (!isPost)
            runningMain = child;
        if (!isPost && cancelledBy)
            child.kill(cancelledBy);
        return new Promise((resolve) => {
            child.on('close', (code) => {
                if (runningMain === child)
                    runningMain = undefined;
                resolve({
                    ok: code === 0,
                    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
                    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
                });
            });
        });
    };
}
const certificates = parseCertificates(process.env.CERTIFICATES);
const common = parseCommonInputs(process.env.BATCH_INPUTS);
const results = [];
for (const certificate of certificates) {
    if (cancelledBy)
        break;
    const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'renew-batch-'));
    try {
        console.log(`::group::${certificate.name}`);
        const result = await renewEntry(certificate, common, stepRunnerIn(dir));
        console.log('::endgroup::');
        console.log(`${result.name}: ${result.status}`);
        results.push(result);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
if (process.env.GITHUB_STEP_SUMMARY)
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, summaryOf(results));
const failed = results.filter((r) => r.status === 'failed');
if (failed.length > 0) {
    console.log(`::error::${failed.length} of ${results.length} failed: ${failed.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
}
if (cancelledBy) {
    const left = certificates.length - results.length;
    console.log(`::error::The batch was cancelled (${cancelledBy}); ${left} certificate(s) not started.`);
    process.exitCode = cancelledBy === 'SIGINT' ? 130 : 143;
}
