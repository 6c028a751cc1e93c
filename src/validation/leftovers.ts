// The post step's half of cleanup: read the saved ledger back and remove what the main step could not, each item
// by the provider that wrote it (registry.ts).
import { isRecord } from '../core/records.js';
import type { CleanupItem } from './cleanup.js';
import type { RemovalDeps } from './provider.js';
import { providerOfItem } from './registry.js';

/** Reads saved items back, dropping anything malformed or of no known provider. */
export async function parseCleanupItems(raw: unknown[]): Promise<CleanupItem[]> {
  const items: CleanupItem[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || typeof entry.kind !== 'string') continue;
    const item = (await providerOfItem(entry.kind as CleanupItem['kind']))?.parseItem?.(entry);
    if (item) items.push(item);
  }
  return items;
}

/** One line naming what an item is, for logs. */
export async function describeItem(item: CleanupItem): Promise<string> {
  return (await providerOfItem(item.kind))?.describeItem?.(item) ?? item.kind;
}

/** Removes every item it can; returns those still in place. Never throws. */
export async function removeLeftovers(items: CleanupItem[], deps: RemovalDeps): Promise<CleanupItem[]> {
  const left: CleanupItem[] = [];
  for (const item of items) {
    const provider = await providerOfItem(item.kind);
    const removed = (await provider?.removeItem?.(item, deps)) ?? false;
    if (!removed) left.push(item);
  }
  if (left.length > 0) {
    const names = await Promise.all(left.map(describeItem));
    deps.log.warning(`Validation leftovers to remove by hand: ${names.join('; ')}.`);
  }
  return left;
}
