// The ESA target's pure parts: how a site is written on a `deploy` line, and what ListCertificates' answer means.
import { describe, expect, it } from 'vitest';
import { namesOnSite, readSiteCertificates, readSiteServing } from '../../src/deploy/esa.js';
import { esaSites } from '../../src/deploy/resources.js';

describe('esa: lines', () => {
  it('takes a site name or a numeric id, with ESA’s own regions only', () => {
    expect(esaSites('example.com')).toEqual({ resources: ['example.com'], problems: [] });
    expect(esaSites('1234567890123@ap-southeast-1').problems).toEqual([]);
    expect(esaSites('example.com@cn-shanghai').problems).toEqual([
      "'example.com@cn-shanghai' names region 'cn-shanghai', where ESA has no endpoint (cn-hangzhou or ap-southeast-1)",
    ]);
    expect(esaSites('not a site').problems[0]).toContain('is not an ESA site, by its name or its numeric id');
    expect(esaSites('example.com sni').problems).toEqual([
      "'example.com sni': ESA picks every certificate of a site by hostname already; remove ' sni'",
    ]);
  });

  it('a certificate fits a site when one of its names is the site or under it', () => {
    expect(namesOnSite(['*.example.com'], 'example.com')).toBe(true);
    expect(namesOnSite(['www.Example.com'], 'example.com')).toBe(true);
    expect(namesOnSite(['www.example.org', 'badexample.com'], 'example.com')).toBe(false);
  });
});

describe('what a site serves', () => {
  const answer = {
    Result: [
      {
        Id: 'a1',
        CasId: '101',
        Type: 'cas',
        Status: 'OK',
        SAN: 'www.example.com',
        UpdateTime: '2026-01-02 03:04:05',
      },
      { Id: 'f1', Type: 'free', Status: 'OK', CommonName: 'example.com' },
      { Id: 'a2', CasId: 102, Type: 'cas', Status: 'Applying', SAN: '*.example.com,example.com' },
      { Id: 'a3', CasId: '103', Type: 'cas', Status: 'Expired', SAN: 'old.example.com' },
    ],
  };
  const site = { siteId: '1234567890123', siteName: 'example.com', status: 'active' };

  it('reads the listed certificates, CAS ids as text, times as UTC', () => {
    const listed = readSiteCertificates(answer);
    expect(listed.map((c) => [c.id, c.casId, c.status])).toEqual([
      ['a1', '101', 'OK'],
      ['f1', undefined, 'OK'],
      ['a2', '102', 'Applying'],
      ['a3', '103', 'Expired'],
    ]);
    expect(listed[2]?.names).toEqual(['*.example.com', 'example.com']);
    expect(listed[0]?.updated?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('its CAS certificates in effect are its extensions; one applying settles; a site not active fails', () => {
    const serving = readSiteServing(site, readSiteCertificates(answer));
    expect(serving).toMatchObject({
      extensions: ['101'],
      inEffect: true,
      settling: true,
      held: true,
    });
    // An ESA site has no default certificate: ESA picks one of them by hostname.
    expect(serving.certId).toBeUndefined();
    expect(serving.failure).toBeUndefined();
    expect(serving.summary).toBe('certificates 101, 102 Applying');
    const pending = readSiteServing({ ...site, status: 'pending' }, []);
    expect(pending.failure).toBe(
      'site status pending: it is still being added: its DNS setup is not verified',
    );
  });
});
