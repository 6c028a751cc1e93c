// The fleet planner (src/fleet/): entries → due / in-flight / ok / invalid with reasons, the matrix, batches.
import { describe, expect, it } from 'vitest';
import { type HeldCertificate, MAX_MATRIX_JOBS, planFleet } from '../../src/fleet/decide.js';
import { parseFleetEntries } from '../../src/fleet/entries.js';
import { closestKey, ENTRY_KEYS } from '../../src/fleet/entry-keys.js';
import { heldFromCertificate } from '../../src/modes/plan.js';
import { heldFromInstance } from '../../src/sources/instance/instance-source.js';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * DAY);
const issued = (id: string, domains: string[], left: number, lifetime = 90): HeldCertificate => ({
  source: 'order',
  id,
  domains,
  state: left < 0 ? 'expired' : 'valid',
  notBefore: days(left - lifetime),
  notAfter: days(left),
});
const parse = (list: unknown) => parseFleetEntries(JSON.stringify(list), { renewBeforeDays: 30 });

describe('entry keys', () => {
  it('suggests the key a typo meant, within two edits, and nothing for a key far from every one', () => {
    expect(closestKey('renew-before-day')).toBe('renew-before-days');
    expect(closestKey('domain')).toBe('domains');
    expect(closestKey('Domains')).toBe('domains');
    expect(closestKey('cdn-domain')).toBe('cdn-domains');
    expect(closestKey('endpoint')).toBeUndefined();
    expect(closestKey('access-key-secret')).toBeUndefined();
  });

  it('refuses every key outside the list, before reading the others, and keeps none of them', () => {
    const parsed = parseFleetEntries(
      JSON.stringify([
        { name: 'a', domain: 'a.example.com' },
        { name: 'b', domains: 'b.example.com', endpoint: 'http://x', mode: 'revoke' },
        { name: 'c', domains: 'c.example.com', 'cdn-domains': 'c.example.com' },
      ]),
      { renewBeforeDays: 30 },
    );
    expect(parsed.invalid).toEqual([
      { name: 'a', reason: "has an unknown key 'domain' (did you mean 'domains'?)" },
      {
        name: 'b',
        reason: expect.stringMatching(
          /^has an unknown key 'endpoint' \(an entry may give: name, domains, .*\); has an unknown key 'mode'/,
        ),
      },
    ]);
    expect(parsed.entries.map((e) => Object.keys(e.fields).every((k) => ENTRY_KEYS.includes(k)))).toEqual([
      true,
    ]);
  });
});

describe('parseFleetEntries', () => {
  it('reads the example entries: domains normalised, per-certificate renew-before-days and product-code', () => {
    const { entries, invalid } = parse([
      { name: 'www', domains: 'Example.com, www.example.com', 'renew-before-days': 20, 'product-code': 'x' },
      { name: 'api', domains: ['api.example.com'] },
    ]);
    expect(invalid).toEqual([]);
    expect(entries.map((e) => [e.name, e.domains, e.renewBeforeDays, e.productCode])).toEqual([
      ['www', ['example.com', 'www.example.com'], 20, 'x'],
      ['api', ['api.example.com'], 30, undefined],
    ]);
    expect(entries[0]?.fields).toMatchObject({ domains: 'example.com,www.example.com', 'product-code': 'x' });
  });

  it('reports each bad entry with its reason and keeps the good ones', () => {
    const { entries, invalid } = parse([
      { name: 'ok', domains: 'ok.example.com' },
      { name: 'bad name!', domains: 'a.example.com' },
      { name: 'nodomains' },
      { name: 'mixed', domains: '*.example.com,example.com' },
      { name: 'days', domains: 'd.example.com', 'renew-before-days': 'soon' },
      { name: 'ok', domains: 'again.example.com' },
      'not an object',
    ]);
    expect(entries.map((e) => e.name)).toEqual(['ok']);
    expect(invalid.map((i) => i.name)).toEqual(['bad name!', 'nodomains', 'mixed', 'days', 'ok', '#7']);
    expect(invalid[0]?.reason).toMatch(/name must be/);
    expect(invalid[1]?.reason).toMatch(/domains must be/);
    expect(invalid[2]?.reason).toMatch(/plain and wildcard/);
    expect(invalid[3]?.reason).toMatch(/renew-before-days/);
    expect(invalid[4]?.reason).toMatch(/used by an earlier entry/);
  });

  it('refuses a list that is not a JSON array', () => {
    expect(() => parseFleetEntries('{"name": "x"}', { renewBeforeDays: 30 })).toThrow(/JSON array/);
    expect(() => parseFleetEntries('[', { renewBeforeDays: 30 })).toThrow(/not valid JSON/);
  });
});

describe('planFleet', () => {
  const list = parse([
    { name: 'fresh', domains: 'fresh.example.com' },
    { name: 'due', domains: 'due.example.com' },
    { name: 'new', domains: 'new.example.com' },
    { name: 'waiting', domains: 'waiting.example.com' },
    { name: 'expired', domains: 'expired.example.com' },
    { name: 'renewing', domains: 'renewing.example.com' },
    { name: 'broken', domains: '' },
  ]);
  const held: HeldCertificate[] = [
    issued('1', ['fresh.example.com'], 80),
    issued('2', ['due.example.com'], 12),
    issued('3', ['due.example.com'], 2), // an older one: the longest-lasting decides
    { source: 'order', id: '4', domains: ['waiting.example.com'], state: 'in-flight' },
    issued('5', ['expired.example.com'], -3),
    issued('6', ['renewing.example.com'], 5),
    { source: 'order', id: '7', domains: ['renewing.example.com'], state: 'in-flight' },
    // Same names plus another: not this certificate.
    issued('8', ['new.example.com', 'www.new.example.com'], 80),
  ];
  const plan = planFleet(list, held, now);
  const byName = Object.fromEntries(plan.entries.map((p) => [p.name, p]));

  it('decides each entry as `mode: issue` would, with the reason', () => {
    expect(byName.fresh).toMatchObject({ decision: 'ok', daysLeft: 80 });
    expect(byName.fresh?.reason).toBe('80 days left (renews within 30), order 1');
    expect(byName.due).toMatchObject({ decision: 'due', daysLeft: 12 });
    expect(byName.due?.reason).toBe('12 days left (renews within 30), order 2');
    expect(byName.new).toMatchObject({
      decision: 'due',
      reason: 'no certificate for exactly these domains yet',
    });
    expect(byName.waiting).toMatchObject({ decision: 'in-flight' });
    expect(byName.waiting?.reason).toMatch(/order 4 is in flight/);
    expect(byName.expired).toMatchObject({ decision: 'due', daysLeft: -3 });
    expect(byName.expired?.reason).toMatch(/^expired 3 days ago/);
    expect(byName.renewing).toMatchObject({ decision: 'in-flight', daysLeft: 5 });
    expect(byName.broken).toMatchObject({ decision: 'invalid' });
  });

  it('sorts by days left: invalid first, then no certificate, then fewest days', () => {
    expect(plan.entries.map((p) => p.name)).toEqual([
      'broken',
      'new',
      'waiting',
      'expired',
      'renewing',
      'due',
      'fresh',
    ]);
  });

  it('puts exactly the due and in-flight entries in the matrix, as given, with the in-flight order', () => {
    expect(plan.dueCount).toBe(5);
    expect(plan.batchSize).toBe(1);
    expect(plan.matrix.include.map((e) => e.name)).toEqual(['new', 'waiting', 'expired', 'renewing', 'due']);
    expect(plan.matrix.include[1]).toEqual({
      name: 'waiting',
      domains: 'waiting.example.com',
      plan: 'in-flight',
      'order-id': '4',
    });
  });

  it('caps the window at a third of the lifetime when renew-before-days exceeds it (as issue does)', () => {
    const short = parse([{ name: 's', domains: 's.example.com', 'renew-before-days': 30 }]);
    const p = planFleet(short, [issued('9', ['s.example.com'], 8, 20)], now);
    expect(p.entries[0]).toMatchObject({ decision: 'ok', reason: '8 days left (renews within 6), order 9' });
  });

  it('past 256 due, groups them into at most 256 batches, every entry in exactly one', () => {
    const many = parse(
      Array.from({ length: 1000 }, (_, i) => ({ name: `c${i}`, domains: `c${i}.example.com` })),
    );
    const p = planFleet(many, [], now);
    expect(p.dueCount).toBe(1000);
    expect(p.batchSize).toBe(4);
    expect(p.matrix.include.length).toBe(250);
    expect(p.matrix.include.length).toBeLessThanOrEqual(MAX_MATRIX_JOBS);
    expect(p.matrix.include[0]).toMatchObject({ name: 'batch-001', batch: 1 });
    const names = p.matrix.include.flatMap((b) =>
      (b.certificates as Array<{ name: string }>).map((c) => c.name),
    );
    expect(new Set(names).size).toBe(1000);
    const exactly = planFleet(many, [], now);
    expect(exactly.matrix.include.every((b) => (b.certificates as unknown[]).length <= 4)).toBe(true);
  });

  it('256 due still run one job each', () => {
    const list256 = parse(
      Array.from({ length: 256 }, (_, i) => ({ name: `c${i}`, domains: `c${i}.example.com` })),
    );
    const p = planFleet(list256, [], now);
    expect(p.matrix.include.length).toBe(256);
    expect(p.matrix.include[0]).not.toHaveProperty('batch');
  });
});

describe('the instances and uploaded certificates the plan reads beside the orders', () => {
  const list = parse([
    { name: 'on-instance', domains: 'inst.example.com' },
    { name: 'applying', domains: 'apply.example.com' },
    { name: 'uploaded', domains: 'up.example.com' },
  ]);
  const held = [
    heldFromInstance(
      {
        instanceId: 'cas-1',
        state: 'issued',
        serviceStatus: 'normal',
        domains: ['inst.example.com'],
        notAfter: days(70),
      },
      now,
    ),
    heldFromInstance(
      { instanceId: 'cas-2', state: 'pending', serviceStatus: 'pending', domains: ['apply.example.com'] },
      now,
    ),
    heldFromCertificate(
      { certId: '9', name: 'up', domains: ['up.example.com'], notAfter: days(-1), source: 'uploaded' },
      now,
    ),
  ];
  const plan = planFleet(list, held, now);
  const byName = Object.fromEntries(plan.entries.map((p) => [p.name, p]));

  it('an issued instance counts as the certificate; an instance being applied for is resumed by its id', () => {
    expect(byName['on-instance']?.decision).toBe('ok');
    expect(byName.applying?.decision).toBe('in-flight');
    expect(plan.matrix.include.find((e) => e.name === 'applying')).toMatchObject({ 'instance-id': 'cas-2' });
  });

  it('an expired uploaded certificate makes its entry due', () => {
    expect(byName.uploaded?.decision).toBe('due');
  });
});
