import { describe, expect, it } from 'vitest';
import {
  bindingDomains,
  clientToken,
  readCertificates,
  readListener,
  readServing,
} from '../../src/deploy/ga.js';
import { deployTargetEntry } from '../../src/deploy/registry.js';

describe('GA deploy lines', () => {
  const rule = deployTargetEntry('ga')?.resources ?? (() => ({ resources: [], problems: ['no rule'] }));

  it('takes a listener id, optionally followed by sni', () => {
    expect(rule('lsr-abc123\nlsr-def456 sni\nlsr-x SNI')).toEqual({
      resources: ['lsr-abc123', 'lsr-def456 sni', 'lsr-x SNI'],
      problems: [],
    });
  });

  it('names the line and the shape of a GA listener id; GA is global, so a region is refused', () => {
    expect(rule('ga-123').problems).toEqual([
      "'ga-123' is not a Global Accelerator listener id (lsr-…) (as in ga: lsr-xxxx sni)",
    ]);
    expect(rule('lsr-1@cn-hangzhou').problems).toEqual([
      "'lsr-1@cn-hangzhou' names region 'cn-hangzhou', but Global Accelerator is global: remove '@cn-hangzhou'",
    ]);
    expect(rule('lsr-1 sni extra').problems[0]).toContain('followed at most by sni');
  });
});

describe('GA answers', () => {
  const listener = (state: string, protocol = 'HTTPS') =>
    readListener({
      AcceleratorId: 'ga-1',
      Protocol: protocol,
      State: state,
      Certificates: [{ Id: '77-cn-hangzhou', Type: 'Server' }],
    });

  it('an updating listener is settling; active with the certificate is in effect', () => {
    expect(listener('active')).toEqual({
      acceleratorId: 'ga-1',
      protocol: 'HTTPS',
      state: 'active',
      defaultCertificate: '77-cn-hangzhou',
    });
    expect(readServing(listener('updating'), 'cn-hangzhou')).toMatchObject({
      certId: '77',
      inEffect: false,
      settling: true,
      held: true,
      summary: 'certificate 77, updating',
    });
    expect(readServing(listener('active'), 'cn-hangzhou')).toMatchObject({ inEffect: true, settling: false });
  });

  it('a TCP listener is a failure no waiting fixes', () => {
    expect(readServing(listener('active', 'TCP'), 'cn-hangzhou')).toMatchObject({
      inEffect: false,
      settling: false,
      failure: 'a TCP listener, not HTTPS, so it serves no certificate',
    });
  });

  it('reads additional certificates with their domains: in effect once none is updating', () => {
    const additional = readCertificates({
      Certificates: [
        { CertificateId: '5-cn-hangzhou', Domain: 'Shop.example.com', IsDefault: false, State: 'active' },
        { CertificateId: '6-cn-hangzhou', Domain: 'api.example.com', IsDefault: false, State: 'updating' },
        { CertificateId: '5-cn-hangzhou', Domain: 'www.example.com', IsDefault: false, State: 'active' },
      ],
    });
    expect(additional[0]).toEqual({
      certificateId: '5-cn-hangzhou',
      domain: 'shop.example.com',
      isDefault: false,
      state: 'active',
    });
    const serving = readServing(listener('active'), 'cn-hangzhou', additional);
    expect(serving).toMatchObject({ extensions: ['5', '6'], inEffect: false, settling: true });
    expect(serving.summary).toBe(
      'certificate 77, active, additional 5 for shop.example.com, 6 for api.example.com, 5 for www.example.com (1 updating)',
    );
    const settled = readServing(listener('active'), 'cn-hangzhou', additional.slice(0, 1));
    expect(settled).toMatchObject({ extensions: ['5'], inEffect: true, settling: false });
  });

  it('a certificate bound on some of its names only is not served yet', () => {
    const additional = readCertificates({
      Certificates: [
        { CertificateId: '5-cn-hangzhou', Domain: 'a.example.com', IsDefault: false, State: 'active' },
        { CertificateId: '6-cn-hangzhou', Domain: 'b.example.com', IsDefault: false, State: 'active' },
      ],
    });
    const serving = readServing(listener('active'), 'cn-hangzhou', additional, new Set(['6']));
    expect(serving.extensions).toEqual(['5']);
    expect(serving.summary).toContain('(6 not on every name)');
  });

  it('a ClientToken is the same for the same write, another for any other, ASCII within 64 characters', () => {
    const token = clientToken(['UpdateListener', 'lsr-1', 'default', '5-cn-hangzhou', 'none']);
    expect(token).toMatch(/^[\x21-\x7e]{1,64}$/);
    expect(clientToken(['UpdateListener', 'lsr-1', 'default', '5-cn-hangzhou', 'none'])).toBe(token);
    expect(clientToken(['UpdateListener', 'lsr-1', 'default', '5-cn-hangzhou', '4-cn-hangzhou'])).not.toBe(
      token,
    );
    expect(clientToken(['UpdateListener', 'lsr-2', 'default', '5-cn-hangzhou', 'none'])).not.toBe(token);
  });

  it('binds each name of the certificate once, in lower case', () => {
    expect(bindingDomains(['Shop.example.com', 'shop.example.com', '*.example.com'])).toEqual([
      'shop.example.com',
      '*.example.com',
    ]);
  });
});
