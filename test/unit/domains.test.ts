import { describe, expect, it } from 'vitest';
import {
  certificateCovers,
  checkDomain,
  checkDomainSet,
  domainListProblems,
  isWildcard,
  normaliseDomain,
  parseDomainList,
  sameDomainSet,
  validationBaseName,
} from '../../src/core/domains.js';

describe('parseDomainList', () => {
  it('splits on commas and newlines, trims, lower-cases, drops empties and repeats in order', () => {
    expect(parseDomainList(' Example.com, www.example.com\r\n\n*.Example.org ,,example.COM\n')).toEqual([
      'example.com',
      'www.example.com',
      '*.example.org',
    ]);
  });

  it('gives an empty list for blank input', () => {
    expect(parseDomainList(' \n , ')).toEqual([]);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['Example.COM.', 'example.com'],
    [' example.com ', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['Bücher.Example.', 'xn--bcher-kva.example'],
    ['*.bücher.example', '*.xn--bcher-kva.example'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['例え。テスト。', 'xn--r8jz45g.xn--zckzah'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['1.2.3', '1.2.3'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });
});

describe('checkDomain', () => {
  it.each([
    'example.com',
    'a.b.c.example.com',
    '*.example.com',
    'EXAMPLE.com.',
    'my-site.example',
    'xn--bcher-kva.example',
    'bücher.example',
    '*.bücher.example',
    '123.example.com',
    'example.xn--zckzah',
    `${'a'.repeat(63)}.example.com`,
    `${'a.'.repeat(125)}com`,
  ])('accepts %s', (name) => {
    expect(checkDomain(name)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, /at most 253/],
    [`${'a'.repeat(64)}.example.com`, /at most 63/],
    ['a..example.com', /empty label/],
    ['.example.com', /empty label/],
    ['-a.example.com', /inner hyphens/],
    ['a-.example.com', /inner hyphens/],
    ['a_b.example.com', /inner hyphens/],
    ['a b.example.com', /holds a space: separate names with commas or new lines/],
    ['example.com/path', /is a URL, not a domain name/],
    ['https://example.com/', /is a URL, not a domain name/],
    ['localhost', /at least two labels/],
    ['*.com', /whole top-level domain/],
    ['example.123', /all-numeric top-level/],
    ['a.*.example.com', /not the whole leftmost label/],
    ['*a.example.com', /not the whole leftmost label/],
    ['a*.example.com', /not the whole leftmost label/],
    ['**.example.com', /more than one wildcard/],
    ['*.*.example.com', /more than one wildcard/],
    ['*', /not the whole leftmost label/],
    ['192.0.2.1', /IP address/],
    ['2001:db8::1', /IP address/],
    ['[2001:db8::1]', /IP address/],
  ])('refuses %j', (name, problem) => {
    expect(checkDomain(name)).toMatch(problem);
  });

  it('names the domain in the problem', () => {
    expect(checkDomain('a_b.example.com')).toContain('"a_b.example.com"');
  });
});

describe('checkDomainSet', () => {
  it('accepts one to five plain names, or one to five wildcards', () => {
    expect(checkDomainSet(['example.com'])).toBeUndefined();
    expect(checkDomainSet(['a.example', 'b.example', 'c.example', 'd.example', 'e.example'])).toBeUndefined();
    expect(checkDomainSet(['*.example.com', '*.example.org'])).toBeUndefined();
  });

  it('refuses an empty set', () => {
    expect(checkDomainSet([])).toMatch(/no domain names/);
  });

  it('refuses more than five names', () => {
    expect(checkDomainSet(['a.ex', 'b.ex', 'c.ex', 'd.ex', 'e.ex', 'f.ex'])).toMatch(
      /6 domain names.*at most 5/,
    );
  });

  it('refuses plain and wildcard names mixed', () => {
    expect(checkDomainSet(['example.com', '*.example.com'])).toMatch(/cannot be mixed/);
  });

  it('refuses a name listed twice, also in another spelling', () => {
    expect(checkDomainSet(['example.com', 'Example.com.'])).toMatch(/"example.com" is listed more than once/);
    expect(checkDomainSet(['bücher.example', 'xn--bcher-kva.example'])).toMatch(/more than once/);
  });

  it('reports the first bad name', () => {
    expect(checkDomainSet(['example.com', 'bad_name.example.com'])).toMatch(/"bad_name.example.com"/);
  });
});

describe('wildcard helpers', () => {
  it('tells wildcards apart and gives the name validated', () => {
    expect(isWildcard('*.example.com')).toBe(true);
    expect(isWildcard('example.com')).toBe(false);
    expect(validationBaseName('*.example.com')).toBe('example.com');
    expect(validationBaseName('www.example.com')).toBe('www.example.com');
  });
});

describe('certificateCovers', () => {
  it('matches exact names, ignoring case and a trailing dot', () => {
    expect(certificateCovers(['example.com'], 'EXAMPLE.com.')).toBe(true);
    expect(certificateCovers(['Example.COM'], 'example.com')).toBe(true);
    expect(certificateCovers(['example.com'], 'www.example.com')).toBe(false);
  });

  it('lets a wildcard cover exactly one more leftmost label', () => {
    const names = ['*.example.com'];
    expect(certificateCovers(names, 'a.example.com')).toBe(true);
    expect(certificateCovers(names, 'example.com')).toBe(false);
    expect(certificateCovers(names, 'a.b.example.com')).toBe(false);
    expect(certificateCovers(names, 'a.example.org')).toBe(false);
    expect(certificateCovers(names, 'aexample.com')).toBe(false);
  });

  it('covers a wanted wildcard only with the same wildcard', () => {
    expect(certificateCovers(['*.example.com'], '*.example.com')).toBe(true);
    expect(certificateCovers(['*.example.com'], '*.a.example.com')).toBe(false);
    expect(certificateCovers(['example.com', 'a.example.com'], '*.example.com')).toBe(false);
  });

  it('compares IDN names in A-label form', () => {
    expect(certificateCovers(['xn--bcher-kva.example'], 'bücher.example')).toBe(true);
    expect(certificateCovers(['*.xn--bcher-kva.example'], 'www.bücher.example')).toBe(true);
  });

  it('covers nothing with no names', () => {
    expect(certificateCovers([], 'example.com')).toBe(false);
  });
});

describe('domainListProblems', () => {
  it('refuses invalid Punycode and reserved hyphens, and reports every bad name and set rule at once', () => {
    expect(checkDomain('xn--zz.com')).toBe(
      '"xn--zz.com" has the label "xn--zz", which is not valid Punycode',
    );
    expect(checkDomain('ab--c.com')).toMatch(/hyphens in the third and fourth places are reserved/);
    expect(checkDomain('xn--bcher-kva.example')).toBeUndefined();
    const problems = domainListProblems([
      'xn--zz.com',
      'ab--c.com',
      '-x.com',
      '*.a.com',
      'b.com',
      'c.com',
      'd.com',
    ]);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(
      /xn--zz[\s\S]*ab--c[\s\S]*-x\.com[\s\S]*at most 5[\s\S]*cannot be mixed/,
    );
  });
});

describe('sameDomainSet', () => {
  it('ignores order, case, trailing dots, IDN form and repeats', () => {
    expect(sameDomainSet(['a.example', 'B.example'], ['b.example.', 'a.example'])).toBe(true);
    expect(sameDomainSet(['bücher.example'], ['xn--bcher-kva.example'])).toBe(true);
    expect(sameDomainSet(['a.example', 'a.example'], ['a.example'])).toBe(true);
  });

  it('tells different sets apart', () => {
    expect(sameDomainSet(['a.example'], ['a.example', 'b.example'])).toBe(false);
    expect(sameDomainSet(['a.example', 'b.example'], ['a.example', 'c.example'])).toBe(false);
    expect(sameDomainSet(['*.example.com'], ['example.com'])).toBe(false);
  });
});
