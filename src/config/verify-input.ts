// Pure: the HTTPS URLs whose served certificate proves a deployment (`verify-url`), and where to connect for each
// (`verify-connect-to`, curl's `--connect-to HOST1:PORT1:HOST2:PORT2`: an origin or a load balancer behind DNS, or
// a loopback front in tests), every problem reported at once before any call (docs/deploy.md).
import { isIP } from 'node:net';
import type { ServedCheck } from '../deploy/target.js';
import type { ReportProblem } from './readers.js';

const listOf = (text: string) =>
  text
    .split(/[\r\n,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));

/** `static.example.com:443:127.0.0.1:8443` → the first pair mapped to the second; `[…]` for IPv6. */
function connectToRules(text: string, fail: ReportProblem): Map<string, { host: string; port: number }> {
  const rules = new Map<string, { host: string; port: number }>();
  for (const line of listOf(text)) {
    const match = /^([^:[\]]+|\[[^\]]+\]):(\d{1,5}):([^:[\]]+|\[[^\]]+\]):(\d{1,5})$/.exec(line);
    const [, fromHost = '', fromPort = '', toHost = '', toPort = ''] = match ?? [];
    if (!match || Number(fromPort) > 65535 || Number(toPort) > 65535 || Number(toPort) === 0) {
      fail(
        'verify-connect-to',
        `has '${line}', which is not HOST:PORT:CONNECT-HOST:CONNECT-PORT (as curl's --connect-to, e.g. static.example.com:443:203.0.113.7:443)`,
      );
      continue;
    }
    rules.set(`${fromHost.toLowerCase()}:${fromPort}`, {
      host: toHost.replace(/^\[|\]$/g, ''),
      port: Number(toPort),
    });
  }
  return rules;
}

export function readServedChecks(read: (name: string) => string, fail: ReportProblem): ServedCheck[] {
  const rules = connectToRules(read('verify-connect-to'), fail);
  const checks: ServedCheck[] = [];
  const used = new Set<string>();
  for (const text of listOf(read('verify-url'))) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      fail('verify-url', `has '${text}', which is not a URL (as in https://static.example.com)`);
      continue;
    }
    if (url.protocol !== 'https:') {
      fail('verify-url', `has '${text}': only https:// URLs serve a certificate`);
      continue;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = Number(url.port || 443);
    const key = `${host}:${port}`;
    const rule = rules.get(key);
    if (rule) used.add(key);
    checks.push({
      url: url.origin,
      // SNI carries a name, never an address (RFC 6066): a URL with an IP sends none.
      ...(isIP(host) ? {} : { servername: host }),
      host: rule?.host ?? host,
      port: rule?.port ?? port,
    });
  }
  for (const key of rules.keys()) {
    if (!used.has(key)) fail('verify-connect-to', `maps ${key}, which no verify-url names`);
  }
  return checks.filter((check, index) => checks.findIndex((c) => c.url === check.url) === index);
}
