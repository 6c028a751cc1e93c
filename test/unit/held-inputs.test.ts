// The pure parts of held certificates: their inputs (checked before any call), the default certificate-name, the
// list's domains filter and the service's day dates.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import type { InputError } from '../../src/core/errors.js';
import { namesOf, parseServiceDay } from '../../src/held/port.js';
import { matchesAnyDomain } from '../../src/modes/list.js';
import { defaultCertificateName } from '../../src/modes/upload.js';

const keys = { 'access-key-id': 'id', 'access-key-secret': 'secret' };
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nsecret-key-body\n-----END PRIVATE KEY-----\n';
const parse = (inputs: Record<string, string>) =>
  parseConfig((name) => ({ ...keys, ...inputs })[name] ?? '', {});
const problemsOf = (inputs: Record<string, string>) => {
  try {
    parse(inputs);
    return [];
  } catch (error) {
    return (error as InputError).problems.map((p) => `${p.input}: ${p.problem}`);
  }
};

describe('held-certificate inputs', () => {
  it('default to the 2020 API, and take 2018-07-13 or 2018-08-13, whose endpoint is cas.aliyuncs.com everywhere', () => {
    expect(parse({ mode: 'list' }).held.apiVersion).toBe('2020-04-07');
    const intl = parse({ mode: 'list', 'api-version': '2018-08-13', region: 'ap-southeast-1' });
    expect(intl.held.apiVersion).toBe('2018-08-13');
    expect(intl.endpoints).toMatchObject({
      cas: 'https://cas.ap-southeast-1.aliyuncs.com',
      cas2018: 'https://cas.aliyuncs.com',
    });
    expect(parse({ mode: 'list', endpoint: 'http://127.0.0.1:9' }).endpoints.cas2018).toBe(
      'http://127.0.0.1:9',
    );
    expect(problemsOf({ mode: 'list', 'api-version': '2019-01-01' })).toEqual([
      "api-version: must be one of 2020-04-07, 2018-07-13, 2018-08-13 (got '2019-01-01')",
    ]);
  });

  it('upload needs one certificate source and one key source, both PEM, all reported at once', () => {
    expect(problemsOf({ mode: 'upload' }).map((p) => p.split(':')[0])).toEqual([
      'certificate',
      'private-key',
    ]);
    const both = problemsOf({
      mode: 'upload',
      certificate: PEM,
      'certificate-file': 'a.pem',
      'private-key': KEY,
      'private-key-file': 'k.pem',
      'certificate-name': 'has space',
    });
    expect(both.map((p) => p.split(':')[0])).toEqual([
      'certificate-file',
      'private-key-file',
      'certificate-name',
    ]);
    const notPem = problemsOf({ mode: 'upload', certificate: 'MIIB', 'private-key': 'secret-key-body' });
    expect(notPem.map((p) => p.split(':')[0])).toEqual(['certificate', 'private-key']);
    // The key is never echoed in a problem.
    expect(notPem.join()).not.toContain('secret-key-body');
    expect(parse({ mode: 'upload', certificate: PEM, 'private-key': KEY }).held).toMatchObject({
      certificate: PEM.trim(),
    });
  });

  it('download and delete need a decimal cert-id; cdn-domains take *.example.com and .example.com', () => {
    expect(problemsOf({ mode: 'download' })).toEqual([
      'cert-id: is required for mode download (list the certificates with mode: list)',
    ]);
    expect(problemsOf({ mode: 'delete', 'cert-id': '12a' })[0]).toMatch(/^cert-id: must be a decimal/);
    const c = parse({
      mode: 'delete',
      'cert-id': '14000001',
      'cdn-domains': 'CDN.example.com\n*.wild.example.com, .w.example.com',
    });
    expect(c.deploy.resources).toEqual(
      ['cdn.example.com', '*.wild.example.com', '.w.example.com'].map((resource) => ({
        target: 'cdn',
        resource,
        input: 'cdn-domains',
      })),
    );
    expect(problemsOf({ mode: 'delete', 'cert-id': '1', 'cdn-domains': 'bad..example.com' })[0]).toMatch(
      /^cdn-domains/,
    );
  });

  it('list takes any number of names, mixed plain and wildcard, as a filter', () => {
    const names = 'a.example.com,*.b.example.com,c.example.com,d.example.com,e.example.com,f.example.com';
    expect(parse({ mode: 'list', domains: names }).domains).toHaveLength(6);
    expect(problemsOf({ mode: 'issue', domains: names })).not.toEqual([]);
  });
});

describe('defaultCertificateName', () => {
  const notAfter = new Date('2026-10-14T12:00:00Z');
  it('is the first name and the not-after day, in letters, digits and _ only, at most 63 characters', () => {
    expect(defaultCertificateName({ names: ['www.example.com', 'example.com'], notAfter })).toBe(
      'www_example_com_20261014',
    );
    expect(defaultCertificateName({ names: ['*.example.com'], notAfter })).toBe(
      'wildcard_example_com_20261014',
    );
    const long = defaultCertificateName({ names: [`${'a'.repeat(60)}.example.com`], notAfter });
    expect(long).toHaveLength(63);
    expect(long.endsWith('_20261014')).toBe(true);
  });
});

describe('the list filter and the service fields', () => {
  it('matches a certificate whose names cover any given name, wildcards included', () => {
    const wildcard = { domains: ['*.example.com'] };
    expect(matchesAnyDomain(wildcard, ['www.example.com'])).toBe(true);
    expect(matchesAnyDomain(wildcard, ['a.b.example.com'])).toBe(false);
    expect(matchesAnyDomain(wildcard, ['other.net', 'api.example.com'])).toBe(true);
    expect(matchesAnyDomain({ domains: ['example.com'] }, ['www.example.com'])).toBe(false);
    expect(matchesAnyDomain({ domains: [] }, [])).toBe(true);
  });

  it('reads a day as its start in China Standard Time, and a full timestamp as it is', () => {
    expect(parseServiceDay('2026-10-14')?.toISOString()).toBe('2026-10-13T16:00:00.000Z');
    expect(parseServiceDay('2026-10-14T22:03:39Z')?.toISOString()).toBe('2026-10-14T22:03:39.000Z');
    expect(parseServiceDay('')).toBeUndefined();
    expect(parseServiceDay('soon')).toBeUndefined();
    expect(namesOf('a.example.com,B.example.com', 'a.example.com')).toEqual([
      'a.example.com',
      'b.example.com',
    ]);
  });
});
