import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileChallenge } from '../../src/authority/vocabulary.js';
import type { Logger } from '../../src/core/log.js';
import { type CleanupItem, createCleanupLedger } from '../../src/validation/cleanup.js';
import {
  createFileValidation,
  isInside,
  validationFilePath,
  validationFileProblem,
} from '../../src/validation/file.js';

const root = resolve('/srv/www');

describe('validationFilePath', () => {
  it('puts the service path under the root', () => {
    expect(validationFilePath(root, '/.well-known/pki-validation/fileauth.txt')).toBe(
      join(root, '.well-known/pki-validation/fileauth.txt'),
    );
    expect(validationFilePath(root, 'a/b.txt')).toBe(join(root, 'a/b.txt'));
  });

  it('reduces a full URL to its path and drops query and fragment', () => {
    expect(validationFilePath(root, 'http://example.com/.well-known/x.txt?a=1#f')).toBe(
      join(root, '.well-known/x.txt'),
    );
  });

  it('refuses paths that leave the root', () => {
    for (const uri of [
      '/../etc/passwd',
      '../../x',
      '/.well-known/../../x',
      '/a/%2e%2e/%2e%2e/x',
      '/a/..%2f..%2fx',
      '/a\\..\\..\\x',
      '/a%00b',
      '/%zz',
      '/',
      '',
      '/..',
    ]) {
      expect(validationFilePath(root, uri), uri).toBeUndefined();
    }
  });

  it('refuses a harmless-looking .. as well: the service never needs one', () => {
    expect(validationFilePath(root, '/a/../b.txt')).toBeUndefined();
  });
});

describe('isInside', () => {
  it('is true strictly below the base only', () => {
    expect(isInside(root, join(root, 'a'))).toBe(true);
    expect(isInside(root, join(root, '..a'))).toBe(true);
    expect(isInside(root, root)).toBe(false);
    expect(isInside(root, resolve('/srv/www2/a'))).toBe(false);
    expect(isInside(root, resolve('/srv'))).toBe(false);
  });
});

function quietLog(lines: string[]): Logger {
  const push = (m: string) => lines.push(m);
  return { debug: push, info: push, notice: push, warning: push };
}

const challenge = (uri: string): FileChallenge => ({
  method: 'FILE',
  domain: 'example.com',
  uri,
  content: 'token-123',
});

describe('file validation on disk', () => {
  it('writes the file in new folders, says where, and removes file and folders after', async () => {
    const web = await mkdtemp(join(tmpdir(), 'file-validation-'));
    await mkdir(join(web, '.well-known'));
    await writeFile(join(web, '.well-known', 'keep.txt'), 'keep');
    const saved: CleanupItem[][] = [];
    const lines: string[] = [];
    const strategy = createFileValidation({
      root: web,
      log: quietLog(lines),
      ledger: createCleanupLedger((items) => saved.push(items)),
      orderId: '42',
    });
    await strategy.present(challenge('/.well-known/pki-validation/fileauth.txt'), ['example.com']);
    const target = join(web, '.well-known/pki-validation/fileauth.txt');
    expect(await readFile(target, 'utf8')).toBe('token-123');
    expect(lines.join('\n')).toContain(
      `${target}: a deploy must publish it at http://example.com/.well-known/`,
    );
    expect(saved.at(-1)).toEqual([
      {
        kind: 'file',
        path: target,
        dirs: [join(web, '.well-known/pki-validation')],
        sha256: createHash('sha256').update('token-123').digest('hex'),
      },
    ]);
    await strategy.cleanup();
    await expect(stat(join(web, '.well-known/pki-validation'))).rejects.toThrow();
    expect(await readFile(join(web, '.well-known', 'keep.txt'), 'utf8')).toBe('keep');
    expect(saved.at(-1)).toEqual([]);
  });

  it('refuses an escaping Uri and writes nothing', async () => {
    const base = await mkdtemp(join(tmpdir(), 'file-validation-'));
    const web = join(base, 'www');
    const strategy = createFileValidation({
      root: web,
      log: quietLog([]),
      ledger: createCleanupLedger(() => {}),
      orderId: '42',
    });
    await expect(strategy.present(challenge('/../escaped.txt'), [])).rejects.toThrow(
      /order 42 .*'\/\.\.\/escaped\.txt'.*not a path inside file-validation-root/i,
    );
    await expect(stat(join(base, 'escaped.txt'))).rejects.toThrow();
  });

  it('refuses a folder that is a symbolic link out of the root', async () => {
    const base = await mkdtemp(join(tmpdir(), 'file-validation-'));
    const web = join(base, 'www');
    await mkdir(join(base, 'outside'));
    await mkdir(web);
    await symlink(join(base, 'outside'), join(web, '.well-known'));
    const strategy = createFileValidation({
      root: web,
      log: quietLog([]),
      ledger: createCleanupLedger(() => {}),
      orderId: '42',
    });
    await expect(strategy.present(challenge('/.well-known/pki-validation/f.txt'), [])).rejects.toThrow(
      /symbolic link/,
    );
    await expect(stat(join(base, 'outside', 'pki-validation'))).rejects.toThrow();
  });
});

describe('validationFileProblem', () => {
  const file = (uri: string, content = 'token-123'): FileChallenge => ({ ...challenge(uri), content });

  it('accepts a file directly in /.well-known/pki-validation/, as a path or a URL', () => {
    expect(validationFileProblem(file('/.well-known/pki-validation/fileauth.txt'))).toBeUndefined();
    expect(
      validationFileProblem(file('http://example.com/.well-known/pki-validation/f.txt?x#y')),
    ).toBeUndefined();
    expect(
      validationFileProblem(file('/.well-known/pki-validation/f.txt', 'a'.repeat(4096))),
    ).toBeUndefined();
  });

  it('refuses any other place, a hidden file, big or markup content', () => {
    for (const uri of [
      '/index.html',
      '/.well-known/x.txt',
      '/.well-known/pki-validation/a/b.txt',
      '/.well-known/pki-validation/.htaccess',
      '/.well-known/pki-validation/',
      'a/b.txt',
    ]) {
      expect(validationFileProblem(file(uri)), uri).toMatch(/only \/\.well-known\/pki-validation\/<file>/);
    }
    expect(validationFileProblem(file('/.well-known/pki-validation/f.txt', 'a'.repeat(4097)))).toMatch(
      /4097 bytes/,
    );
    for (const content of ['<script>', 'a>b', '', 'caf\u00e9', 'a\u0000b']) {
      expect(validationFileProblem(file('/.well-known/pki-validation/f.txt', content)), content).toMatch(
        /characters/,
      );
    }
  });
});

describe('removing a validation file', () => {
  it('leaves it in place when it changed since the action wrote it', async () => {
    const web = await mkdtemp(join(tmpdir(), 'file-validation-'));
    const lines: string[] = [];
    const strategy = createFileValidation({
      root: web,
      log: quietLog(lines),
      ledger: createCleanupLedger(() => {}),
      orderId: '42',
    });
    await strategy.present(challenge('/.well-known/pki-validation/fileauth.txt'), ['example.com']);
    const target = join(web, '.well-known/pki-validation/fileauth.txt');
    await writeFile(target, 'the user put something else here');
    await strategy.cleanup();
    expect(await readFile(target, 'utf8')).toBe('the user put something else here');
    expect(lines.join('\n')).toContain('changed since this action wrote it: leaving it in place');
  });

  it('never overwrites a file that is there with other content', async () => {
    const web = await mkdtemp(join(tmpdir(), 'file-validation-'));
    await mkdir(join(web, '.well-known/pki-validation'), { recursive: true });
    const target = join(web, '.well-known/pki-validation/fileauth.txt');
    await writeFile(target, 'theirs');
    const strategy = createFileValidation({
      root: web,
      log: quietLog([]),
      ledger: createCleanupLedger(() => {}),
      orderId: '42',
    });
    await expect(strategy.present(challenge('/.well-known/pki-validation/fileauth.txt'), [])).rejects.toThrow(
      /already exists with other content/,
    );
    await strategy.cleanup();
    expect(await readFile(target, 'utf8')).toBe('theirs');
  });
});
