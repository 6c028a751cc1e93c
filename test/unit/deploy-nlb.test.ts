// The NLB target's pure parts: how a line names a listener (its id may end in @<port>), and what the answers mean.
import { describe, expect, it } from 'vitest';
import { casIdOf, readAdditional, readListenerAttribute } from '../../src/deploy/nlb.js';
import { deployTargetEntry } from '../../src/deploy/registry.js';
import { parseRegionalResource } from '../../src/deploy/resources.js';

const rule = (text: string) => {
  const entry = deployTargetEntry('nlb');
  if (!entry) throw new Error('no nlb entry');
  return entry.resources(text);
};

describe('nlb lines', () => {
  it('takes a listener id with or without its port, with or without a region, and sni', () => {
    const lines = ['lsn-abc123@443@cn-hangzhou', 'lsn-abc123@443', 'lsn-def@cn-shanghai sni', 'lsn-ghi'];
    expect(rule(lines.join('\n'))).toEqual({ resources: lines, problems: [] });
    expect(parseRegionalResource('lsn-abc123@443@cn-hangzhou', true)).toEqual({
      id: 'lsn-abc123@443',
      region: 'cn-hangzhou',
      sni: false,
    });
    expect(parseRegionalResource('lsn-abc123@443 sni', true)).toEqual({ id: 'lsn-abc123@443', sni: true });
    expect(parseRegionalResource('lsn-def@cn-shanghai', true)).toEqual({
      id: 'lsn-def',
      region: 'cn-shanghai',
      sni: false,
    });
    // Without the port rule the digits would be a region.
    expect(parseRegionalResource('lsn-abc123@443').region).toBe('443');
  });

  it('reports each bad line naming what an NLB listener id looks like', () => {
    expect(rule('lb-abc@cn-hangzhou\nlsn-abc@443@Hangzhou\nlsn-abc@443 sni extra').problems).toEqual([
      "'lb-abc@cn-hangzhou' is not an NLB listener id (lsn-…, as the console writes it, with its @<port>) (as in nlb: lsn-xxxx@443@cn-hangzhou)",
      "'lsn-abc@443@Hangzhou' names region 'Hangzhou', which is not a region id (as in nlb: lsn-xxxx@443@cn-hangzhou)",
      "'lsn-abc@443 sni extra' is not an NLB listener id (lsn-…, as the console writes it, with its @<port>) followed at most by sni (as in nlb: lsn-xxxx@443@cn-hangzhou)",
    ]);
  });
});

describe('nlb answers', () => {
  it('reads the default certificate: CAS ids, Configuring settles, Running serves, a TCP listener fails', () => {
    expect(casIdOf('123-cn-hangzhou')).toBe('123');
    expect(casIdOf('123-ap-southeast-1')).toBe('123');
    expect(casIdOf('12315790343_166f8204689_1714763408_70998')).toBeUndefined();
    expect(
      readListenerAttribute({
        ListenerProtocol: 'TCPSSL',
        ListenerStatus: 'Configuring',
        CertificateIds: ['7-cn-hangzhou'],
      }),
    ).toEqual({
      certId: '7',
      inEffect: false,
      settling: true,
      held: true,
      summary: 'certificate 7, Configuring',
    });
    expect(
      readListenerAttribute({ ListenerProtocol: 'TCPSSL', ListenerStatus: 'Running', CertificateIds: [] }),
    ).toMatchObject({ inEffect: true, settling: false, summary: 'no certificate, Running' });
    expect(readListenerAttribute({ ListenerProtocol: 'TCP', ListenerStatus: 'Running' })).toMatchObject({
      inEffect: false,
      failure: 'the listener is TCP, not TCPSSL, and serves no certificate',
    });
    expect(
      readListenerAttribute({
        ListenerProtocol: 'TCPSSL',
        ListenerStatus: 'Stopped',
        CertificateIds: ['x_y'],
      }),
    ).toMatchObject({
      certId: 'x_y',
      held: false,
      failure: 'the listener is Stopped: start it in the NLB console',
    });
  });

  it('reads the additional certificates: only Associated ones are served; moving ones settle', () => {
    const running = readListenerAttribute({ ListenerProtocol: 'TCPSSL', ListenerStatus: 'Running' });
    const serving = readAdditional(
      [
        { identifier: '1-cn-hangzhou', isDefault: true, status: 'Associated' },
        { identifier: '2-cn-hangzhou', isDefault: false, status: 'Associated' },
        { identifier: '3-cn-hangzhou', isDefault: false, status: 'Associating' },
        { identifier: '4-cn-hangzhou', isDefault: false, status: 'Diassociating' },
      ],
      running,
    );
    expect(serving).toEqual({
      extensions: ['2'],
      inEffect: true,
      settling: true,
      held: true,
      summary: 'additional certificates 2 (3 Associating, 4 Diassociating)',
    });
  });
});
