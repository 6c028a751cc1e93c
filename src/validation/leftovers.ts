// The post step's half of cleanup: remove what the main step recorded and could not remove itself.

import type { Logger } from '../log.js';
import type { DnsService } from '../services/dns.js';
import { removeAlidnsRecord } from './alidns.js';
import { type CleanupItem, describeItem } from './cleanup.js';
import { removeValidationFile } from './file.js';
import { type HookRunner, runHookCleanup } from './hook.js';

export interface LeftoverDeps {
  log: Logger;
  /** Absent when no client could be built: DNS records are then reported, not removed. */
  dns?: DnsService;
  hook?: HookRunner;
}

/** Removes every item it can; returns those still in place. Never throws. */
export async function removeLeftovers(items: CleanupItem[], deps: LeftoverDeps): Promise<CleanupItem[]> {
  const { log } = deps;
  const left: CleanupItem[] = [];
  for (const item of items) {
    let removed = false;
    if (item.kind === 'alidns-record') {
      removed = deps.dns ? await removeAlidnsRecord(deps.dns, item, log) : false;
    } else if (item.kind === 'file') {
      removed = await removeValidationFile(item, log);
    } else {
      removed = deps.hook ? await runHookCleanup(deps.hook, item, log) : false;
    }
    if (!removed) left.push(item);
  }
  if (left.length > 0) {
    log.warning(`Validation leftovers to remove by hand: ${left.map(describeItem).join('; ')}.`);
  }
  return left;
}
