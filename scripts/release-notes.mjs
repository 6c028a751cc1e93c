#!/usr/bin/env node
// Release gate and notes: checks that a `vX.Y.Z` tag matches package.json and package-lock.json and that
// CHANGELOG.md has its `## [X.Y.Z] - YYYY-MM-DD` section, then prints that section (the release notes).
//
//   node scripts/release-notes.mjs v1.2.3 > notes.md
//
// Exit status: 0 with the notes on stdout; 1 with one sentence on stderr saying what to fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} tag e.g. v1.2.3
 * @param {{ changelog: string, packageJson: string, packageLock: string }} files their texts
 * @returns {string} the changelog section's body, trimmed
 */
export function releaseNotes(tag, files) {
  const match = /^v(\d+\.\d+\.\d+)$/.exec(tag);
  if (!match) throw new Error(`Tag ${tag} is not vX.Y.Z.`);
  const version = match[1] ?? '';
  for (const [file, text] of [
    ['package.json', files.packageJson],
    ['package-lock.json', files.packageLock],
  ]) {
    const found = JSON.parse(text).version;
    if (found !== version) {
      throw new Error(
        `${file} says version ${found}, the tag ${tag}: run \`npm version ${version} --no-git-tag-version\`.`,
      );
    }
  }
  const lines = files.changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) throw new Error(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section for ${tag}.`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^## /.test(line) || /^\[[^\]]+\]: /.test(line));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  if (body === '') throw new Error(`CHANGELOG.md's section for ${version} is empty.`);
  return body;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const read = (file) => readFileSync(path.join(root, file), 'utf8');
  try {
    const notes = releaseNotes(process.argv[2] ?? '', {
      changelog: read('CHANGELOG.md'),
      packageJson: read('package.json'),
      packageLock: read('package-lock.json'),
    });
    process.stdout.write(`${notes}\n`);
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
