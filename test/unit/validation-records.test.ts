import { describe, expect, it } from 'vitest';
import type { DnsChallenge } from '../../src/authority/vocabulary.js';
import { dnsChallengeProblem, validationRecordNames, zoneForName } from '../../src/validation/records.js';

describe('validationRecordNames', () => {
  // Zones as the account's DNS would give them; names outside fall back to their last two labels here.
  const zones = ['example.com', 'example.org', 'dev.example.com', 'example.co.uk'];
  const zoneOf = (name: string) => zoneForName(name, zones)?.zone ?? name.split('.').slice(-2).join('.');
  const names = (recordDomain: string, domains: string[]) =>
    validationRecordNames(recordDomain, domains, zoneOf);

  it('reads a RecordDomain relative to the zone, never appended to the ordered name', () => {
    expect(names('_dnsauth', ['example.com'])).toEqual(['_dnsauth.example.com']);
    expect(names('_dnsauth.www', ['www.example.com'])).toEqual(['_dnsauth.www.example.com']);
    expect(names('_dnsauth.a.b', ['a.b.example.com'])).toEqual(['_dnsauth.a.b.example.com']);
    expect(names('_dnsauth.api', ['api.dev.example.com'])).toEqual(['_dnsauth.api.dev.example.com']);
    expect(names('_dnsauth.shop', ['shop.example.co.uk'])).toEqual(['_dnsauth.shop.example.co.uk']);
  });

  it('takes a full RecordDomain as given', () => {
    expect(names('_dnsauth.www.example.com', ['www.example.com'])).toEqual(['_dnsauth.www.example.com']);
    expect(names('_dnsauth.a.b.example.com.', ['a.b.example.com'])).toEqual(['_dnsauth.a.b.example.com']);
    expect(names('_dnsauth.example.com', ['example.com'])).toEqual(['_dnsauth.example.com']);
  });

  it('uses the base record for www. when the service validates it at the base domain (DigiCert)', () => {
    expect(names('_dnsauth', ['www.example.com'])).toEqual(['_dnsauth.example.com']);
    expect(names('_dnsauth.example.com', ['www.example.com'])).toEqual(['_dnsauth.example.com']);
  });

  it('validates a wildcard at its base', () => {
    expect(names('_dnsauth', ['*.example.com'])).toEqual(['_dnsauth.example.com']);
    expect(names('_dnsauth.wild', ['*.wild.example.com'])).toEqual(['_dnsauth.wild.example.com']);
    expect(names('_dnsauth', ['*.example.com', '*.example.org'])).toEqual([
      '_dnsauth.example.com',
      '_dnsauth.example.org',
    ]);
  });

  it('gives the other domains the same leading labels under their own names', () => {
    expect(names('_dnsauth.www', ['www.example.com', 'example.com', 'api.example.net'])).toEqual([
      '_dnsauth.www.example.com',
      '_dnsauth.example.com',
      '_dnsauth.api.example.net',
    ]);
    expect(names('_dnsauth.a.example.com', ['example.com', 'a.example.com'])).toEqual([
      '_dnsauth.a.example.com',
      '_dnsauth.example.com',
    ]);
  });

  it('is case-insensitive and drops repeats', () => {
    expect(names('_DNSAUTH', ['Example.COM', 'example.com'])).toEqual(['_dnsauth.example.com']);
  });

  it('gives nothing without domains', () => {
    expect(names('_dnsauth', [])).toEqual([]);
  });
});

describe('zoneForName', () => {
  const zones = ['example.com', 'dev.example.com', 'example.org'];

  it('picks the longest zone suffix and the RR inside it', () => {
    expect(zoneForName('_dnsauth.example.com', zones)).toEqual({ zone: 'example.com', rr: '_dnsauth' });
    expect(zoneForName('_dnsauth.api.dev.example.com', zones)).toEqual({
      zone: 'dev.example.com',
      rr: '_dnsauth.api',
    });
    expect(zoneForName('_dnsauth.www.example.org.', zones)).toEqual({
      zone: 'example.org',
      rr: '_dnsauth.www',
    });
  });

  it('gives @ for the apex', () => {
    expect(zoneForName('Example.org', zones)).toEqual({ zone: 'example.org', rr: '@' });
  });

  it('matches on label boundaries only', () => {
    expect(zoneForName('_dnsauth.notexample.com', zones)).toBeUndefined();
    expect(zoneForName('_dnsauth.example.net', zones)).toBeUndefined();
    expect(zoneForName('_dnsauth.example.com', [])).toBeUndefined();
  });
});

describe('dnsChallengeProblem', () => {
  const zoneOf = (name: string) => name.split('.').slice(-2).join('.');
  const check = (challenge: Partial<DnsChallenge>, domains: string[]) => {
    const full: DnsChallenge = {
      method: 'DNS',
      recordDomain: '_dnsauth',
      recordType: 'TXT',
      recordValue: '20200420000000223erigacv46uhaubchcm0o7spxi7i2isvjq59mlx9lucnkqcy',
      ...challenge,
    };
    return dnsChallengeProblem(full, validationRecordNames(full.recordDomain, domains, zoneOf), domains);
  };

  it('accepts both readings of RecordDomain, every ordered name, www at its base, a wildcard at its base', () => {
    for (const recordDomain of [
      '_dnsauth.www',
      '_dnsauth.www.example.com',
      '_dnsauth',
      '_dnsauth.example.com',
    ])
      expect(check({ recordDomain }, ['www.example.com']), recordDomain).toBeUndefined();
    expect(check({ recordDomain: '_dnsauth.a.b' }, ['a.b.example.com', 'c.example.net'])).toBeUndefined();
    expect(check({ recordDomain: '_dnsauth' }, ['*.example.com'])).toBeUndefined();
  });

  it('refuses another label, the apex, a name not ordered, another type, a value no token is', () => {
    expect(check({ recordDomain: '_acme-challenge' }, ['example.com'])).toMatch(
      /_acme-challenge\.example\.com/,
    );
    expect(check({ recordDomain: '@' }, ['example.com'])).toMatch(/'example\.com', which is not _dnsauth/);
    expect(check({ recordDomain: 'www' }, ['example.com'])).toMatch(/'www\.example\.com'/);
    expect(check({ recordDomain: '_dnsauth.shop.example.com' }, ['www.example.com'])).toMatch(/shop/);
    expect(check({ recordDomain: '_dnsauth._dnsauth' }, ['example.com'])).toMatch(/not _dnsauth under/);
    expect(check({ recordType: 'CNAME', recordValue: 'x.example.net' }, ['example.com'])).toMatch(
      /only TXT$/,
    );
    expect(check({ recordType: 'A', cnameAllowed: true }, ['example.com'])).toMatch(/only TXT or CNAME$/);
    for (const recordValue of ['v=spf1 -all', 'a"b', 'a'.repeat(256), ''])
      expect(check({ recordValue }, ['example.com']), recordValue).toMatch(/not a validation token/);
  });

  it('takes a CNAME from the instance API when its value is a host name', () => {
    const cname = { recordType: 'CNAME', cnameAllowed: true };
    expect(
      check({ ...cname, recordValue: 'abc123.dnsauth.example-ca.test' }, ['example.com']),
    ).toBeUndefined();
    expect(
      check({ ...cname, recordValue: 'abc123.dnsauth.example-ca.test.' }, ['example.com']),
    ).toBeUndefined();
    expect(check({ ...cname, recordValue: 'not a host' }, ['example.com'])).toMatch(/not a host name/);
    expect(check({ ...cname, recordValue: 'localhost' }, ['example.com'])).toMatch(/not a host name/);
  });
});
