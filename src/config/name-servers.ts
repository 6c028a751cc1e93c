// `dns-resolvers`: the name servers record-visibility waits ask (README "Validation"), as Node's resolver takes them.
import { isIP } from 'node:net';
import type { ReportProblem } from './readers.js';

/** Pure: `1.1.1.1`, `127.0.0.1:5353`, `2001:db8::1` or `[2001:db8::1]:53`; anything else fails naming the input. */
export function parseNameServers(raw: string, fail: ReportProblem): string[] {
  const entries = raw
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  const malformed = entries.filter((entry) => !isNameServer(entry));
  if (malformed.length > 0) {
    fail(
      'dns-resolvers',
      `must list name server addresses (ip or ip:port, [ipv6]:port), got ${malformed.join(', ')}`,
    );
  }
  return entries.filter((entry) => !malformed.includes(entry));
}

function isNameServer(entry: string): boolean {
  if (isIP(entry)) return true;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d{1,5})$/.exec(entry);
  if (!match) return false;
  const port = Number(match[3]);
  return isIP(match[1] ?? match[2] ?? '') !== 0 && port > 0 && port < 65536;
}
