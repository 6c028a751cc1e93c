// dns-wait-propagation against real name servers on loopback (minimal authoritative UDP servers), queried
// by node:dns exactly as the action queries a zone's NS.
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/log.js';
import { serverHasRecord, waitForPropagation } from '../../src/validation/propagation.js';

/** A tiny authoritative server: answers TXT queries from `records` (name → values), NXDOMAIN otherwise. */
async function startNameServer(records: Map<string, string[]>): Promise<{ address: string; socket: Socket }> {
  const socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    let offset = 12;
    const labels: string[] = [];
    for (let length = query[offset] ?? 0; length > 0; length = query[offset] ?? 0) {
      labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'));
      offset += 1 + length;
    }
    offset += 1;
    const qtype = query.readUInt16BE(offset);
    const question = query.subarray(12, offset + 4);
    const values = qtype === 16 ? (records.get(labels.join('.').toLowerCase()) ?? []) : [];
    const answers = values.map((value) => {
      const text = Buffer.from(value, 'utf8');
      const rdata = Buffer.concat([Buffer.from([text.length]), text]);
      const head = Buffer.alloc(12);
      head.writeUInt16BE(0xc00c, 0);
      head.writeUInt16BE(16, 2);
      head.writeUInt16BE(1, 4);
      head.writeUInt32BE(60, 6);
      head.writeUInt16BE(rdata.length, 10);
      return Buffer.concat([head, rdata]);
    });
    const header = Buffer.alloc(12);
    header.writeUInt16BE(query.readUInt16BE(0), 0);
    header.writeUInt16BE(answers.length > 0 ? 0x8400 : 0x8403, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, question, ...answers]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { address: `127.0.0.1:${(socket.address() as AddressInfo).port}`, socket };
}

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

function log(lines: string[]): Logger {
  const push = (m: string) => lines.push(m);
  return { debug: push, info: push, notice: push, warning: (m) => lines.push(`warning: ${m}`) };
}

const record = { name: '_dnsauth.example.com', zone: 'example.com', type: 'TXT', value: 'token-abc' };

describe('waitForPropagation', () => {
  it('waits until every authoritative server serves the record', async () => {
    const first = new Map<string, string[]>([['_dnsauth.example.com', ['other', 'token-abc']]]);
    const lagging = new Map<string, string[]>();
    const a = await startNameServer(first);
    const b = await startNameServer(lagging);
    sockets.push(a.socket, b.socket);
    expect(await serverHasRecord(a.address, record)).toBe(true);
    expect(await serverHasRecord(b.address, record)).toBe(false);
    setTimeout(() => lagging.set('_dnsauth.example.com', ['token-abc']), 300);
    const lines: string[] = [];
    const started = Date.now();
    const visible = await waitForPropagation(record, {
      log: log(lines),
      timeoutMs: 5_000,
      intervalMs: 50,
      queryTimeoutMs: 500,
      nameServers: async (zone) => {
        expect(zone).toBe('example.com');
        return [a.address, b.address];
      },
    });
    expect(visible).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(lines.at(-1)).toBe('The TXT record _dnsauth.example.com is visible at all 2 name server(s).');
  });

  it('gives up at its bound with a warning and carries on', async () => {
    const empty = await startNameServer(new Map());
    sockets.push(empty.socket);
    const lines: string[] = [];
    const visible = await waitForPropagation(record, {
      log: log(lines),
      timeoutMs: 300,
      intervalMs: 50,
      queryTimeoutMs: 500,
      nameServers: async () => [empty.address],
    });
    expect(visible).toBe(false);
    expect(lines.at(-1)).toMatch(
      /^warning: The TXT record _dnsauth\.example\.com is not yet visible at 127\.0\.0\.1:\d+/,
    );
  });

  it('does not wait when the zone has no name servers it can find', async () => {
    const lines: string[] = [];
    const visible = await waitForPropagation(record, {
      log: log(lines),
      timeoutMs: 300,
      nameServers: async () => {
        throw new Error('queryNs ENOTFOUND example.com');
      },
    });
    expect(visible).toBe(false);
    expect(lines.at(-1)).toContain('Could not find the name servers of zone example.com');
  });
});
