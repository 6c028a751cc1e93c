// The release gate (scripts/release-notes.mjs): tag, package.json, package-lock.json and CHANGELOG.md agree.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations (JSDoc-typed)
import { releaseNotes } from '../../scripts/release-notes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CHANGELOG = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- next',
  '',
  '## [1.2.0] - 2026-12-01',
  '',
  '### Added',
  '',
  '- `cdn-domains`.',
  '',
  '## [1.1.0] - 2026-11-01',
  '',
  '- older',
  '',
  '[1.2.0]: https://example.invalid/v1.2.0',
  '',
].join('\n');
const files = (version: string, changelog = CHANGELOG) => ({
  changelog,
  packageJson: JSON.stringify({ version }),
  packageLock: JSON.stringify({ version }),
});

describe('release notes', () => {
  it("are the tag's changelog section, without the next section or the link list", () => {
    expect(releaseNotes('v1.2.0', files('1.2.0'))).toBe('### Added\n\n- `cdn-domains`.');
    expect(releaseNotes('v1.1.0', files('1.1.0'))).toBe('- older');
  });

  it('refuse a tag that is not vX.Y.Z, a version out of step, or a missing section', () => {
    expect(() => releaseNotes('v1.2', files('1.2.0'))).toThrow('is not vX.Y.Z');
    expect(() => releaseNotes('v1.2.0', files('1.1.0'))).toThrow(
      'package.json says version 1.1.0, the tag v1.2.0: run `npm version 1.2.0 --no-git-tag-version`',
    );
    expect(() =>
      releaseNotes('v1.2.0', { ...files('1.2.0'), packageLock: JSON.stringify({ version: '1.1.0' }) }),
    ).toThrow('package-lock.json says version 1.1.0');
    expect(() => releaseNotes('v1.3.0', files('1.3.0'))).toThrow('no "## [1.3.0] - YYYY-MM-DD" section');
    expect(() =>
      releaseNotes('v1.2.0', files('1.2.0', '## [1.2.0] - 2026-12-01\n\n## [1.1.0] - x\n')),
    ).toThrow('is empty');
  });

  it("match this repository's own package.json and CHANGELOG.md", () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const run = spawnSync(process.execPath, ['scripts/release-notes.mjs', `v${version}`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('### Added');
  });
});
