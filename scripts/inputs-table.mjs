#!/usr/bin/env node
// The README's inputs and outputs tables, generated from action.yml so they never drift from it.
//
//   node scripts/inputs-table.mjs           rewrite the tables in README.md (npm run docs)
//   node scripts/inputs-table.mjs --check   exit 1 when README.md differs from what action.yml gives
//
// Inputs are grouped by action.yml's section comments (`# --- Ordering (issue) ---`), which name the modes
// that read them. The tables sit between `<!-- inputs:start -->` / `<!-- inputs:end -->` (and `outputs:`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {unknown} text */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

/**
 * The section each input is declared under, from the `# --- Title ---` comments of the `inputs:` block.
 * @param {string} actionYml
 * @returns {Map<string, string>} input name → section title
 */
function sections(actionYml) {
  /** @type {Map<string, string>} */
  const sectionOf = new Map();
  let inInputs = false;
  let current = 'Inputs';
  for (const line of actionYml.split(/\r?\n/)) {
    if (/^\S/.test(line)) inInputs = line.startsWith('inputs:');
    if (!inInputs) continue;
    const heading = /^ {2}# -+ (.+?) -*$/.exec(line);
    if (heading?.[1]) current = heading[1];
    const key = /^ {2}([A-Za-z0-9_-]+):/.exec(line);
    if (key?.[1]) sectionOf.set(key[1], current);
  }
  return sectionOf;
}

/**
 * @param {string} actionYml the text of action.yml
 * @returns {{ inputs: string, outputs: string }} the two Markdown tables
 */
export function tablesFrom(actionYml) {
  const action = parse(actionYml);
  const sectionOf = sections(actionYml);
  const inputRows = ['| input | default | meaning |', '| --- | --- | --- |'];
  let section = '';
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const here = sectionOf.get(name) ?? 'Inputs';
    if (here !== section) {
      section = here;
      inputRows.push(`| **${cell(section)}** | | |`);
    }
    const fallback = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
    inputRows.push(`| \`${name}\` | ${fallback} | ${cell(spec.description)} |`);
  }
  const outputRows = ['| output | meaning |', '| --- | --- |'];
  for (const [name, spec] of Object.entries(action.outputs ?? {})) {
    outputRows.push(`| \`${name}\` | ${cell(spec.description)} |`);
  }
  return { inputs: inputRows.join('\n'), outputs: outputRows.join('\n') };
}

/**
 * README text with both generated tables replaced.
 * @param {string} readme
 * @param {string} actionYml
 */
export function renderReadme(readme, actionYml) {
  const tables = tablesFrom(actionYml);
  let text = readme;
  for (const kind of /** @type {const} */ (['inputs', 'outputs'])) {
    const block = new RegExp(`(<!-- ${kind}:start[^>]*-->\\n)[\\s\\S]*?(\\n<!-- ${kind}:end -->)`);
    if (!block.test(text))
      throw new Error(`README.md has no <!-- ${kind}:start --> … <!-- ${kind}:end --> block`);
    text = text.replace(block, (_, start, end) => `${start}${tables[kind]}${end}`);
  }
  return text;
}

function main(argv) {
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const expected = renderReadme(readme, readFileSync(path.join(root, 'action.yml'), 'utf8'));
  if (argv.includes('--check')) {
    if (expected !== readme) {
      console.error(
        "README.md's inputs/outputs tables differ from action.yml: run `npm run docs` and commit.",
      );
      return 1;
    }
    console.log('README.md tables match action.yml.');
    return 0;
  }
  if (expected !== readme) writeFileSync(readmePath, expected);
  console.log(expected === readme ? 'README.md tables already current.' : 'README.md tables regenerated.');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`inputs-table: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  }
}
