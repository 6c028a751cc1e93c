#!/usr/bin/env node
// Security audit of the GitHub workflows, the checks of zizmor (a Python tool, not on npm) that matter here:
//
//   unpinned-uses        every remote `uses:` is pinned to a full 40-hex commit SHA with its version in a comment
//   excessive-permissions the workflow sets `permissions:`, read-only at the top; write scopes only per job
//   template-injection   no `${{ }}` inside `run:` (pass values through `env:`, where the shell cannot run them)
//   artipacked           every actions/checkout sets `persist-credentials: false`
//   dangerous-triggers   no `pull_request_target` / `workflow_run` (they run with secrets on untrusted code)
//   foreign-schedule     no `schedule` in .github/workflows/ but this repository's own (GitHub runs every file
//                        there): a scheduled example to copy lives in examples/
//
//   node scripts/audit-workflows.mjs            every *.yml / *.yaml in .github/workflows/ and examples/
//   node scripts/audit-workflows.mjs FILE...    those files
//
// A finding that is deliberate is silenced on its own line with `# audit-workflows: ignore[RULE] reason`.
// Exit status: 0 when clean, 1 on findings, 2 when it cannot run.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {{ line: number, rule: string, message: string }} Finding */

const SHA = /^[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(\.\d+){0,2}\b/;
const WRITE_LEVELS = new Set(['write']);

/**
 * @param {string} text the workflow's YAML
 * @param {{ underWorkflows?: boolean }} [options] underWorkflows: the file is in a `.github/workflows/` folder
 * @returns {Finding[]}
 */
export function auditWorkflow(text, { underWorkflows = false } = {}) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lines = text.split(/\r?\n/);
  /** @type {Finding[]} */
  const findings = [];
  /** @param {unknown} node @param {string} rule @param {string} message */
  const report = (node, rule, message) => {
    const offset = /** @type {{ range?: number[] }} */ (node)?.range?.[0] ?? 0;
    const line = lineCounter.linePos(offset).line;
    const ignore = new RegExp(`#\\s*audit-workflows:\\s*ignore\\[[^\\]]*\\b${rule}\\b`);
    if (!ignore.test(lines[line - 1] ?? '')) findings.push({ line, rule, message });
  };
  const top = doc.contents;
  if (!isMap(top)) return [{ line: 1, rule: 'syntax', message: 'not a workflow (no mapping at the top)' }];

  auditTriggers(top.get('on', true), report);
  if (underWorkflows) auditSchedule(top.get('on', true), report);
  auditTopPermissions(top, report);
  const jobs = top.get('jobs', true);
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = pair.value;
      if (!isMap(job)) continue;
      auditUses(job.get('uses', true), lines, lineCounter, report);
      const steps = job.get('steps', true);
      if (!isSeq(steps)) continue;
      for (const step of steps.items) {
        if (!isMap(step)) continue;
        auditUses(step.get('uses', true), lines, lineCounter, report);
        auditCheckout(step, report);
        const run = step.get('run', true);
        if (isScalar(run) && /\$\{\{/.test(String(run.value))) {
          report(
            run,
            'template-injection',
            'an expression inside `run:` is pasted into the script: pass the value through `env:` instead',
          );
        }
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

/** @param {unknown} on @param {(node: unknown, rule: string, message: string) => void} report */
function auditTriggers(on, report) {
  const names = isMap(on) ? on.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)) : [];
  if (isScalar(on)) names.push(String(on.value));
  if (isSeq(on)) names.push(...on.items.map((i) => String(isScalar(i) ? i.value : i)));
  for (const name of names) {
    if (name === 'pull_request_target' || name === 'workflow_run') {
      report(on, 'dangerous-triggers', `trigger \`${name}\` runs with secrets on code from outside`);
    }
  }
}

/** @param {unknown} on @param {(node: unknown, rule: string, message: string) => void} report */
function auditSchedule(on, report) {
  const pair = isMap(on)
    ? on.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === 'schedule')
    : undefined;
  const named = isScalar(on)
    ? on.value === 'schedule'
    : isSeq(on) && on.items.some((i) => isScalar(i) && i.value === 'schedule');
  if (!pair && !named) return;
  report(
    pair?.key ?? on,
    'foreign-schedule',
    "a `schedule` in .github/workflows/ runs in this repository: move an example to examples/, or mark this repository's own with an ignore comment",
  );
}

/** @param {import('yaml').YAMLMap} top @param {(node: unknown, rule: string, message: string) => void} report */
function auditTopPermissions(top, report) {
  const permissions = top.get('permissions', true);
  // A reusable workflow (only `on: workflow_call`) runs with the caller's token, bounded by the caller's
  // `permissions:`; declaring `id-token: write` here would refuse every caller that uses keys instead of a role.
  const on = top.get('on', true);
  const onlyCalled = isMap(on)
    ? on.items.every((p) => String(p.key?.value ?? p.key) === 'workflow_call')
    : String(on?.value ?? on) === 'workflow_call';
  if (permissions === undefined && onlyCalled) return;
  if (permissions === undefined) {
    report(
      top,
      'excessive-permissions',
      'no top-level `permissions:`: the token gets the repository default',
    );
    return;
  }
  if (isScalar(permissions)) {
    if (permissions.value !== 'read-all' && permissions.value !== null && permissions.value !== '') {
      report(permissions, 'excessive-permissions', `top-level \`permissions: ${permissions.value}\``);
    }
    return;
  }
  if (!isMap(permissions)) return;
  for (const pair of permissions.items) {
    if (isScalar(pair.value) && WRITE_LEVELS.has(String(pair.value.value))) {
      report(
        pair.value,
        'excessive-permissions',
        `top-level \`${pair.key}: write\`: grant it to the job that needs it`,
      );
    }
  }
}

/**
 * @param {unknown} uses
 * @param {string[]} lines
 * @param {LineCounter} lineCounter
 * @param {(node: unknown, rule: string, message: string) => void} report
 */
function auditUses(uses, lines, lineCounter, report) {
  if (!isScalar(uses)) return;
  const value = String(uses.value);
  // Local actions and workflows run the commit being tested; `$/` is this repository at the running commit.
  if (value.startsWith('./') || value.startsWith('$/')) return;
  if (value.startsWith('docker://')) {
    if (!/@sha256:[0-9a-f]{64}$/.test(value))
      report(uses, 'unpinned-uses', `\`${value}\` is not pinned by digest`);
    return;
  }
  const ref = value.split('@')[1] ?? '';
  if (!SHA.test(ref)) {
    report(uses, 'unpinned-uses', `\`${value}\` is not pinned to a full commit SHA`);
    return;
  }
  const line = lines[lineCounter.linePos(uses.range?.[0] ?? 0).line - 1] ?? '';
  if (!VERSION_COMMENT.test(line)) {
    report(uses, 'unpinned-uses', `\`${value}\` has no \`# vX.Y.Z\` comment naming the pinned version`);
  }
}

/** @param {import('yaml').YAMLMap} step @param {(node: unknown, rule: string, message: string) => void} report */
function auditCheckout(step, report) {
  const uses = step.get('uses', true);
  if (!isScalar(uses) || !/^actions\/checkout@/.test(String(uses.value))) return;
  const withMap = step.get('with', true);
  const persist = isMap(withMap) ? withMap.get('persist-credentials', true) : undefined;
  if (!isScalar(persist) || String(persist.value) !== 'false') {
    report(
      uses,
      'artipacked',
      'actions/checkout without `persist-credentials: false` leaves the token in .git/config',
    );
  }
}

function workflowFiles() {
  return [path.join(root, '.github', 'workflows'), path.join(root, 'examples')].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f)),
  );
}

/** @param {string} file an absolute path */
const isUnderWorkflows = (file) => /(^|[\\/])\.github[\\/]workflows[\\/]/.test(file);

function main(argv) {
  const files = argv.length > 0 ? argv.map((f) => path.resolve(f)) : workflowFiles();
  let found = 0;
  for (const file of files) {
    const rel = path.relative(process.cwd(), file) || file;
    for (const f of auditWorkflow(readFileSync(file, 'utf8'), { underWorkflows: isUnderWorkflows(file) })) {
      found += 1;
      console.log(`${rel}:${f.line}: ${f.message} [${f.rule}]`);
    }
  }
  const summary = `${files.length} workflow file(s), ${found} finding(s)`;
  if (found > 0) {
    console.error(`audit-workflows: ${summary}.`);
    return 1;
  }
  console.log(`audit-workflows: ${summary}.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`audit-workflows: could not run: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  }
}
