// docs/security.md names the test behind each promise: every file it names exists, and every test title it quotes
// (up to an ellipsis) is in that file, so a renamed or deleted test cannot leave a promise unheld.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const page = readFileSync(join(root, 'docs/security.md'), 'utf8');

function testFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.test.ts'))
      found.set(entry.name, join(entry.parentPath ?? entry.path, entry.name));
  }
  return found;
}
const files = new Map([...testFiles('test'), ...testFiles('emulator')]);

/** Per promise row: the test files it names, each with the titles quoted after it. */
function citations(): { file: string; titles: string[] }[] {
  const cited: { file: string; titles: string[] }[] = [];
  for (const row of page.split('\n').filter((line) => line.startsWith('| ') && line.includes('.test.ts'))) {
    const testCell = row.split(' | ').at(-1) ?? '';
    for (const part of testCell.split(/(?=`[\w-]+\.test\.ts`)/)) {
      const file = /`([\w-]+\.test\.ts)`/.exec(part)?.[1];
      if (!file) continue;
      const titles = [...part.matchAll(/"((?:[^"\\]|\\.)+)"/g)].map((m) =>
        (m[1] ?? '').replace(/\\"/g, '"').replace(/…$/, ''),
      );
      cited.push({ file, titles });
    }
  }
  return cited;
}

describe('docs/security.md', () => {
  const cited = citations();

  it('names a test for every promise', () => {
    expect(cited.length).toBeGreaterThan(20);
  });

  it.each(cited.map((c) => [c.file, c.titles] as const))(
    '%s exists and holds the titles quoted',
    (file, titles) => {
      const path = files.get(file);
      expect(path, `${file} is not a test file of the repository`).toBeDefined();
      const source = readFileSync(path as string, 'utf8');
      for (const title of titles) expect(source, `${file} has no test titled "${title}…"`).toContain(title);
    },
  );
});
