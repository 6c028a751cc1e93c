import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { validationSettingsFrom } from '../../src/config/validation-settings.js';
import { type CleanupItem, createCleanupLedger } from '../../src/validation/cleanup.js';
import { parseCleanupItems, removeLeftovers } from '../../src/validation/leftovers.js';

describe('cleanup ledger', () => {
  it('persists the whole list after every change', () => {
    const saved: CleanupItem[][] = [];
    const ledger = createCleanupLedger((items) => saved.push(items));
    const a: CleanupItem = { kind: 'file', path: '/tmp/a', dirs: [], sha256: 'ab' };
    const b: CleanupItem = {
      kind: 'alidns-record',
      recordId: '1',
      zone: 'example.com',
      rr: '_dnsauth',
      type: 'TXT',
    };
    ledger.add(a);
    ledger.add(b);
    ledger.remove(a);
    ledger.remove(a);
    expect(saved).toEqual([[a], [a, b], [b]]);
    expect(ledger.items()).toEqual([b]);
  });
});

describe('parseCleanupItems', () => {
  it('keeps well-formed items and drops the rest', async () => {
    const raw = [
      {
        kind: 'alidns-record',
        recordId: '18000000000000000001',
        zone: 'example.com',
        rr: '_dnsauth',
        type: 'TXT',
      },
      { kind: 'alidns-record', recordId: 'x; rm -rf', zone: 'example.com', rr: '_dnsauth', type: 'TXT' },
      { kind: 'file', path: '/srv/www/.well-known/f.txt', dirs: ['/srv/www/.well-known', 3], sha256: 'ab' },
      { kind: 'file', path: '/srv/www/.well-known/g.txt', dirs: [] },
      { kind: 'hook', domain: '_dnsauth.example.com', type: 'TXT', value: 'token' },
      { kind: 'hook', domain: '_dnsauth.example.com' },
      { kind: 'other' },
      'text',
      null,
    ];
    expect(await parseCleanupItems(raw)).toEqual([
      {
        kind: 'alidns-record',
        recordId: '18000000000000000001',
        zone: 'example.com',
        rr: '_dnsauth',
        type: 'TXT',
      },
      { kind: 'file', path: '/srv/www/.well-known/f.txt', dirs: ['/srv/www/.well-known'], sha256: 'ab' },
      { kind: 'hook', domain: '_dnsauth.example.com', type: 'TXT', value: 'token' },
    ]);
  });
});

describe('removeLeftovers', () => {
  it('removes files and runs the hook cleanup for real; reports what it cannot remove, never throws', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leftovers-'));
    const nested = join(dir, 'www', '.well-known');
    await mkdir(nested, { recursive: true });
    const file = join(nested, 'fileauth.txt');
    await writeFile(file, 'token');
    const hookLog = join(dir, 'hook.log');
    const lines: string[] = [];
    const push = (m: string) => lines.push(m);
    const record: CleanupItem = {
      kind: 'alidns-record',
      recordId: '7',
      zone: 'example.com',
      rr: '_dnsauth',
      type: 'TXT',
    };
    const left = await removeLeftovers(
      [
        {
          kind: 'file',
          path: file,
          dirs: [nested],
          sha256: createHash('sha256').update('token').digest('hex'),
        },
        { kind: 'hook', domain: '_dnsauth.example.com', type: 'TXT', value: 'token' },
        record,
      ],
      {
        log: { debug: push, info: push, notice: push, warning: (m) => lines.push(`warning: ${m}`) },
        settings: validationSettingsFrom(
          parseConfig(
            (name) =>
              ({
                'access-key-id': 'id',
                'access-key-secret': 'secret',
                mode: 'status',
                'order-id': '1',
                'dns-hook': `echo "$CAS_VALIDATION_ACTION $CAS_VALIDATION_RECORD_DOMAIN $CAS_VALIDATION_RECORD_VALUE" > ${hookLog}`,
              })[name] ?? '',
            {},
          ),
        ),
      },
    );
    expect(left).toEqual([record]);
    await expect(stat(nested)).rejects.toThrow();
    expect(await readFile(hookLog, 'utf8')).toBe('cleanup _dnsauth.example.com token\n');
    expect(lines.at(-1)).toBe(
      'warning: Validation leftovers to remove by hand: TXT record _dnsauth.example.com (record id 7).',
    );
  });
});
