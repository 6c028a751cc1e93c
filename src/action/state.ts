// GITHUB_STATE for the post step, and the Actions cache for resuming an in-flight order in a later run.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { BackoffRecord } from '../core/backoff.js';
import type { Logger } from '../core/log.js';
import { rememberTempPath } from '../deliver/temp-paths.js';
import type { ResumeStore } from '../flows/context.js';

const POST_FLAG = 'isPost';
const CLEANUP_KEY = 'validation-cleanup';

export const isPostStep = (): boolean => core.getState(POST_FLAG) === 'true';

export function markMainStarted(): void {
  core.saveState(POST_FLAG, 'true');
}

/**
 * What validation left in the world (DNS record ids, files) that the post step must remove if main crashed.
 * Holds ids and paths only, never a key or a secret.
 */
export function saveCleanupItems(items: unknown[]): void {
  core.saveState(CLEANUP_KEY, JSON.stringify(items));
}

export function loadCleanupItems(): unknown[] {
  const raw = core.getState(CLEANUP_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** The cache service is there only inside a GitHub-hosted job; elsewhere resuming relies on the order list. */
function cacheServiceAvailable(): boolean {
  return Boolean(process.env.ACTIONS_RESULTS_URL || process.env.ACTIONS_CACHE_URL);
}

interface SavedRecord {
  orderId?: string;
  backoff?: BackoffRecord;
}

export function createCacheResumeStore(log: Logger): ResumeStore {
  const keyPrefix = (domains: string[]) =>
    `alibaba-cloud-ssl-order-${createHash('sha256')
      .update([...domains].sort().join(','))
      .digest('hex')
      .slice(0, 20)}-`;
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'alibaba-cloud-ssl-order');
  const file = join(dir, 'order.json');
  // One restore per domain set and run: the order and the back-off travel in one record.
  const restored = new Map<string, Promise<SavedRecord>>();
  const restore = (domains: string[]): Promise<SavedRecord> => {
    const prefix = keyPrefix(domains);
    let record = restored.get(prefix);
    if (!record) {
      record = restoreRecord(prefix);
      restored.set(prefix, record);
    }
    return record;
  };
  const restoreRecord = async (prefix: string): Promise<SavedRecord> => {
    if (!cacheServiceAvailable()) {
      log.info(
        'No Actions cache service in this run: in-flight orders are looked up in the order list only.',
      );
      return {};
    }
    try {
      const cache = await import('@actions/cache');
      const hit = await cache.restoreCache([dir], `${prefix}none`, [prefix]);
      if (!hit) return {};
      rememberTempPath(dir);
      const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      return {
        ...(typeof saved.orderId === 'string' ? { orderId: saved.orderId } : {}),
        ...(isBackoff(saved.backoff) ? { backoff: saved.backoff } : {}),
      };
    } catch (error) {
      log.warning(`Could not read the saved order from the cache (${String(error)}); using the order list.`);
      return {};
    }
  };
  const write = async (domains: string[], change: SavedRecord, what: string): Promise<boolean> => {
    if (!cacheServiceAvailable()) return false;
    const prefix = keyPrefix(domains);
    const record = { ...(await restore(domains)), ...change };
    restored.set(prefix, Promise.resolve(record));
    try {
      const cache = await import('@actions/cache');
      await mkdir(dir, { recursive: true });
      rememberTempPath(dir);
      await writeFile(file, JSON.stringify(record));
      // Cache entries are immutable: a new key per save, restored newest-first by prefix.
      await cache.saveCache([dir], `${prefix}${Date.now()}`);
      return true;
    } catch (error) {
      log.warning(
        `Could not save ${what} to the cache (${String(error)}); a later run finds orders by listing.`,
      );
      return false;
    }
  };
  return {
    load: async (domains) => (await restore(domains)).orderId,
    save: async (domains, orderId) => {
      await write(domains, { orderId }, `order ${orderId}`);
    },
    loadBackoff: async (domains) => (await restore(domains)).backoff,
    saveBackoff: (domains, backoff) => write(domains, { backoff }, 'the back-off after a failed review'),
  };
}

function isBackoff(value: unknown): value is BackoffRecord {
  const v = value as Partial<BackoffRecord> | undefined;
  return typeof v?.failures === 'number' && typeof v.nextTryAt === 'string' && typeof v.inputs === 'string';
}
