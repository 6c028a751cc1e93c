import { describe, expect, it } from 'vitest';
import { validationRecordNames, zoneForName } from '../../src/validation/records.js';

describe('validationRecordNames', () => {
  it('puts a relative RecordDomain under every domain', () => {
    expect(validationRecordNames('_dnsauth', ['example.com', 'www.example.org'])).toEqual([
      '_dnsauth.example.com',
      '_dnsauth.www.example.org',
    ]);
  });

  it('validates a wildcard at its base', () => {
    expect(validationRecordNames('_dnsauth', ['*.example.com'])).toEqual(['_dnsauth.example.com']);
    expect(validationRecordNames('_dnsauth', ['*.example.com', '*.example.org'])).toEqual([
      '_dnsauth.example.com',
      '_dnsauth.example.org',
    ]);
  });

  it('takes a full RecordDomain as given and applies its prefix to the other domains', () => {
    expect(validationRecordNames('_dnsauth.example.com', ['example.com'])).toEqual(['_dnsauth.example.com']);
    expect(
      validationRecordNames('_dnsauth.www.example.com.', ['www.example.com', 'api.example.net']),
    ).toEqual(['_dnsauth.www.example.com', '_dnsauth.api.example.net']);
  });

  it('prefers the longest domain a full RecordDomain ends in', () => {
    expect(validationRecordNames('_dnsauth.a.example.com', ['example.com', 'a.example.com'])).toEqual([
      '_dnsauth.a.example.com',
      '_dnsauth.example.com',
    ]);
  });

  it('is case-insensitive and drops repeats', () => {
    expect(validationRecordNames('_DNSAUTH', ['Example.COM', 'example.com'])).toEqual([
      '_dnsauth.example.com',
    ]);
  });

  it('gives nothing when a relative name has no domains to sit under', () => {
    expect(validationRecordNames('_dnsauth', [])).toEqual([]);
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
