// dns-wait-propagation: ask the zone's authoritative name servers directly until each serves the new record,
// within a bound, so that a slow propagation costs seconds instead of a failed validation.
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Logger } from '../core/log.js';

/** A record just written, to wait for at the zone's authoritative servers. */
export interface RecordToWaitFor {
  name: string;
  zone: string;
  type: string;
  value: string;
}

export interface PropagationOptions {
  log: Logger;
  /** Give up (with a warning, carrying on) after this long. */
  timeoutMs: number;
  intervalMs?: number;
  /** Per-query timeout. */
  queryTimeoutMs?: number;
  /** Addresses (`ip` or `ip:port`) of the zone's authoritative servers; default: its NS records, resolved. */
  nameServers?: (zone: string) => Promise<string[]>;
  sleep?: (ms: number) => Promise<void>;
  /** The caller fails when the record is not seen (its error says so): no "carrying on" warning. */
  failsAfter?: boolean;
}

/** The `nameServers` option for `dns-resolvers`: those servers for every zone; none given, the zone's own. */
export function nameServersOf(settings: {
  nameServers?: readonly string[];
}): Pick<PropagationOptions, 'nameServers'> {
  const servers = settings.nameServers;
  return servers && servers.length > 0 ? { nameServers: async () => [...servers] } : {};
}

/** Resolves the zone's NS host names to addresses with the system resolver. */
export async function authoritativeServers(zone: string): Promise<string[]> {
  const system = new Resolver({ timeout: 5_000, tries: 2 });
  const hosts = await system.resolveNs(zone);
  const addresses: string[] = [];
  for (const host of hosts) {
    if (isIP(host)) {
      addresses.push(host);
      continue;
    }
    const found = await system.resolve4(host).catch(() => [] as string[]);
    addresses.push(...found);
  }
  return [...new Set(addresses)];
}

/** Whether `server` answers `name` with `value` (TXT: any string of the set; CNAME: the target). */
export async function serverHasRecord(
  server: string,
  record: Pick<RecordToWaitFor, 'name' | 'type' | 'value'>,
  queryTimeoutMs = 3_000,
): Promise<boolean> {
  const resolver = new Resolver({ timeout: queryTimeoutMs, tries: 1 });
  resolver.setServers([server]);
  try {
    if (record.type === 'CNAME') {
      const targets = await resolver.resolveCname(record.name);
      const want = record.value.toLowerCase().replace(/\.$/, '');
      return targets.some((t) => t.toLowerCase().replace(/\.$/, '') === want);
    }
    const texts = await resolver.resolveTxt(record.name);
    return texts.some((chunks) => chunks.join('') === record.value);
  } catch {
    return false;
  } finally {
    resolver.cancel();
  }
}

/** True when every authoritative server serves the record before the bound; false (and a warning) otherwise. */
export async function waitForPropagation(
  record: RecordToWaitFor,
  options: PropagationOptions,
): Promise<boolean> {
  const { log } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = options.intervalMs ?? 2_000;
  const deadline = Date.now() + options.timeoutMs;
  let servers: string[];
  try {
    servers = await (options.nameServers ?? authoritativeServers)(record.zone);
  } catch (error) {
    log.warning(
      `Could not find the name servers of zone ${record.zone} (${String(error)}); not waiting for ${record.name}.`,
    );
    return false;
  }
  if (servers.length === 0) {
    log.warning(`Zone ${record.zone} has no name server address; not waiting for ${record.name}.`);
    return false;
  }
  let waiting = servers;
  for (;;) {
    const answers = await Promise.all(waiting.map((s) => serverHasRecord(s, record, options.queryTimeoutMs)));
    waiting = waiting.filter((_, i) => !answers[i]);
    if (waiting.length === 0) {
      log.info(
        `The ${record.type} record ${record.name} is visible at all ${servers.length} name server(s).`,
      );
      return true;
    }
    if (Date.now() + interval > deadline) {
      if (options.failsAfter) return false;
      log.warning(
        `The ${record.type} record ${record.name} is not yet visible at ${waiting.join(', ')} after ` +
          `${Math.round(options.timeoutMs / 1000)}s; carrying on.`,
      );
      return false;
    }
    log.debug(`Waiting for ${record.name} at ${waiting.join(', ')}.`);
    await sleep(interval);
  }
}
