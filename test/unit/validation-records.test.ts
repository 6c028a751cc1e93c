import { describe, expect, it } from 'vitest';
import { validationRecordNames, zoneForName } from '../../src/validation/records.js';

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
