// The emulated Alidns zones answered over DNS (UDP, loopback): what a resolver such as an ACME server's
// validation sees is exactly the records written through the Alidns API (emulator/dns.ts). TXT from the records;
// A and AAAA from the records, else loopback (127.0.0.1, ::1) for every name in a zone, so an HTTP-01 check
// reaches a server on this machine; anything else (CAA included) is an empty answer; names outside every zone
// are refused, as an authoritative server does for zones it does not hold.
import { createSocket, type RemoteInfo } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';
import type { DnsService } from './dns.js';

export interface DnsServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** The loopback addresses of names without A/AAAA records; `false` leaves AAAA empty (an IPv4-only host). */
  loopbackV6?: boolean;
}

export interface DnsServer {
  /** `127.0.0.1:<port>`, as resolvers take it. */
  address: string;
  port: number;
  /** Every question asked, as `<TYPE> <name>`. */
  questions: string[];
  close(): Promise<void>;
}

const TTL = 1;

/** The answers to one question, or undefined when no zone holds the name (REFUSED). */
export function answerQuestion(
  dns: DnsService,
  question: packet.Question,
  loopbackV6 = true,
): packet.Answer[] | undefined {
  const name = question.name.replace(/\.$/, '');
  if (!dns.zoneFor(name)) return undefined;
  const base = { name: question.name, ttl: TTL, class: 'IN' as const };
  switch (question.type) {
    case 'TXT':
      return dns.lookup(name, 'TXT').map((r) => ({ ...base, type: 'TXT' as const, data: r.value }));
    case 'A': {
      const found = dns.lookup(name, 'A').map((r) => r.value);
      return (found.length > 0 ? found : ['127.0.0.1']).map((data) => ({
        ...base,
        type: 'A' as const,
        data,
      }));
    }
    case 'AAAA': {
      const found = dns.lookup(name, 'AAAA').map((r) => r.value);
      const addresses = found.length > 0 ? found : loopbackV6 ? ['::1'] : [];
      return addresses.map((data) => ({ ...base, type: 'AAAA' as const, data }));
    }
    default:
      return [];
  }
}

export async function startDnsServer(dns: DnsService, options: DnsServerOptions = {}): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const questions: string[] = [];
  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return; // not DNS: no answer, as a server drops garbage
    }
    const asked = query.questions ?? [];
    const answers: packet.Answer[] = [];
    let refused = asked.length === 0;
    for (const question of asked) {
      questions.push(`${question.type} ${question.name}`);
      const found = answerQuestion(dns, question, options.loopbackV6 ?? true);
      if (found) answers.push(...found);
      else refused = true;
    }
    const reply = packet.encode({
      id: query.id ?? 0,
      type: 'response',
      // Authoritative answer; rcode REFUSED (5) for a name outside every zone.
      flags: packet.AUTHORITATIVE_ANSWER | (refused ? 5 : 0),
      questions: asked,
      answers: refused ? [] : answers,
    });
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const port = (socket.address() as AddressInfo).port;
  return {
    address: `127.0.0.1:${port}`,
    port,
    questions,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
