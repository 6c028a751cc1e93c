// What validation left in the world, kept in one ledger that is persisted (GITHUB_STATE) on every change,
// so that the post step can remove it when the main step died before its own cleanup.
// Items hold record ids, zones, record names and file paths only: never a key or a secret.

/** A record the action created in Alibaba Cloud DNS. */
export interface AlidnsRecordItem {
  kind: 'alidns-record';
  recordId: string;
  zone: string;
  rr: string;
  type: string;
}

/** A validation file the action wrote, the folders it created for it (deepest first), and its content's hash. */
export interface FileItem {
  kind: 'file';
  path: string;
  dirs: string[];
  /** SHA-256 (hex) of what was written: a file changed since is not the action's to remove. */
  sha256: string;
}

/** A record `dns-hook` presented; cleanup runs the hook again. The value is the public validation token. */
export interface HookItem {
  kind: 'hook';
  domain: string;
  type: string;
  value: string;
}

export type CleanupItem = AlidnsRecordItem | FileItem | HookItem;

export interface CleanupLedger {
  add(item: CleanupItem): void;
  remove(item: CleanupItem): void;
  items(): CleanupItem[];
}

/** A ledger that calls `persist` with every item still to remove, after each change. */
export function createCleanupLedger(persist: (items: CleanupItem[]) => void): CleanupLedger {
  const items: CleanupItem[] = [];
  return {
    add(item) {
      items.push(item);
      persist([...items]);
    },
    remove(item) {
      const at = items.indexOf(item);
      if (at < 0) return;
      items.splice(at, 1);
      persist([...items]);
    },
    items: () => [...items],
  };
}

/** A non-empty string field of a saved item. */
export const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** What one strategy made in this run: in the ledger from the moment it exists until it is really gone. */
export interface OwnedItems<T extends CleanupItem> {
  add(item: T): void;
  /** Removes every item; one that could not be removed stays owned (and in the ledger, for the post step). */
  removeAll(): Promise<void>;
}

export function ownedItems<T extends CleanupItem>(
  ledger: CleanupLedger,
  remove: (item: T) => Promise<boolean>,
): OwnedItems<T> {
  const owned: T[] = [];
  return {
    add(item) {
      owned.push(item);
      ledger.add(item);
    },
    async removeAll() {
      for (const item of [...owned]) {
        if (await remove(item)) {
          ledger.remove(item);
          owned.splice(owned.indexOf(item), 1);
        }
      }
    },
  };
}
