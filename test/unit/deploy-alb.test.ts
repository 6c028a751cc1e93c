import { describe, expect, it } from 'vitest';
import { casIdOf, readExtensions, readListener, readServing } from '../../src/deploy/alb.js';
import { deployTargetEntry } from '../../src/deploy/registry.js';

describe('ALB deploy lines', () => {
  const rule = deployTargetEntry('alb')?.resources ?? (() => ({ resources: [], problems: ['no rule'] }));

  it('takes a listener id with an optional region and sni', () => {
    expect(rule('lsn-abc123@cn-hangzhou\nlsn-def456 sni\nlsn-x@ap-southeast-1 SNI')).toEqual({
      resources: ['lsn-abc123@cn-hangzhou', 'lsn-def456 sni', 'lsn-x@ap-southeast-1 SNI'],
      problems: [],
    });
  });

  it('names the line and the shape of an ALB listener id', () => {
    expect(rule('lb-123@cn-hangzhou').problems).toEqual([
      "'lb-123@cn-hangzhou' is not an ALB listener id (lsn-…) (as in alb: lsn-xxxx@cn-hangzhou)",
    ]);
    expect(rule('lsn-1@hangzhou').problems).toEqual([
      "'lsn-1@hangzhou' names region 'hangzhou', which is not a region id (as in alb: lsn-xxxx@cn-hangzhou)",
    ]);
    expect(rule('lsn-1 sni extra').problems[0]).toContain('followed at most by sni');
  });
});

describe('ALB answers', () => {
  it('reads a CAS identifier of the run’s site as its CAS id, and leaves another site’s whole', () => {
    expect(casIdOf('123-cn-hangzhou', 'cn-hangzhou')).toBe('123');
    expect(casIdOf('123-ap-southeast-1', 'cn-hangzhou')).toBe('123-ap-southeast-1');
    expect(casIdOf('123-ap-southeast-1', 'ap-southeast-1')).toBe('123');
    expect(casIdOf('abc-cn-hangzhou', 'cn-hangzhou')).toBe('abc-cn-hangzhou');
  });

  it('a Configuring listener is settling; Running with the certificate is in effect', () => {
    const answer = (status: string) =>
      readListener({
        ListenerProtocol: 'HTTPS',
        ListenerStatus: status,
        Certificates: [{ CertificateId: '77-cn-hangzhou' }],
      });
    expect(readServing(answer('Configuring'), 'cn-hangzhou')).toMatchObject({
      certId: '77',
      inEffect: false,
      settling: true,
      held: true,
      summary: 'certificate 77, Configuring',
    });
    expect(readServing(answer('Running'), 'cn-hangzhou')).toMatchObject({ inEffect: true, settling: false });
  });

  it('an HTTP listener or a stopped one is a failure no waiting fixes', () => {
    const http = readListener({ ListenerProtocol: 'HTTP', ListenerStatus: 'Running', Certificates: [] });
    expect(readServing(http, 'cn-hangzhou')).toMatchObject({
      inEffect: false,
      settling: false,
      failure: 'an HTTP listener, not HTTPS or QUIC, so it serves no certificate',
    });
    const stopped = readListener({ ListenerProtocol: 'HTTPS', ListenerStatus: 'Stopped' });
    expect(readServing(stopped, 'cn-hangzhou').failure).toBe('Stopped: start the listener');
  });

  it('extensions: only Associated ones are served; one still Associating keeps it settling', () => {
    const extensions = readExtensions({
      Certificates: [
        { CertificateId: '1-cn-hangzhou', IsDefault: true, Status: 'Associated' },
        { CertificateId: '2-cn-hangzhou', IsDefault: false, Status: 'Associated' },
        { CertificateId: '3-cn-hangzhou', IsDefault: false, Status: 'Associating' },
      ],
    });
    expect(extensions.map((e) => e.certificateId)).toEqual(['2-cn-hangzhou', '3-cn-hangzhou']);
    const listener = readListener({
      ListenerProtocol: 'HTTPS',
      ListenerStatus: 'Running',
      Certificates: [{ CertificateId: '1-cn-hangzhou' }],
    });
    expect(readServing(listener, 'cn-hangzhou', extensions)).toMatchObject({
      certId: '1',
      extensions: ['2'],
      inEffect: false,
      settling: true,
      summary: 'certificate 1, Running, extensions 2, 3 Associating',
    });
  });

  it('extensions: one Dissociating is still served; a Configuring default does not hold an extension back', () => {
    const listener = readListener({
      ListenerProtocol: 'HTTPS',
      ListenerStatus: 'Configuring',
      Certificates: [{ CertificateId: '1-cn-hangzhou' }],
    });
    const extensions = readExtensions({
      Certificates: [
        { CertificateId: '2-cn-hangzhou', IsDefault: false, Status: 'Associated' },
        { CertificateId: '4-cn-hangzhou', IsDefault: false, Status: 'Dissociating' },
      ],
    });
    expect(readServing(listener, 'cn-hangzhou', extensions)).toMatchObject({
      extensions: ['2', '4'],
      inEffect: true,
      settling: true,
    });
    expect(readServing(listener, 'cn-hangzhou', extensions.slice(0, 1))).toMatchObject({
      extensions: ['2'],
      inEffect: true,
      settling: false,
    });
  });
});
