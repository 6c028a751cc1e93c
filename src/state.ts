// GITHUB_STATE for the post step, and the Actions cache for resuming an in-flight order in a later run.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { ResumeStore } from './flows/context.js';
import type { Logger } from './log.js';

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

export function createCacheResumeStore(log: Logger): ResumeStore {
  const keyPrefix = (domains: string[]) =>
    `alibaba-cloud-ssl-order-${createHash('sha256')
      .update([...domains].sort().join(','))
      .digest('hex')
      .slice(0, 20)}-`;
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'alibaba-cloud-ssl-order');
  const file = join(dir, 'order.json');
  return {
    async load(domains) {
      if (!cacheServiceAvailable()) {
        log.info(
          'No Actions cache service in this run: in-flight orders are looked up in the order list only.',
        );
        return undefined;
      }
      try {
        const cache = await import('@actions/cache');
        const prefix = keyPrefix(domains);
        const hit = await cache.restoreCache([dir], `${prefix}none`, [prefix]);
        if (!hit) return undefined;
        const saved = JSON.parse(await readFile(file, 'utf8')) as { orderId?: unknown };
        return typeof saved.orderId === 'string' ? saved.orderId : undefined;
      } catch (error) {
        log.warning(
          `Could not read the saved order from the cache (${String(error)}); using the order list.`,
        );
        return undefined;
      }
    },
    async save(domains, orderId) {
      if (!cacheServiceAvailable()) return;
      try {
        const cache = await import('@actions/cache');
        await mkdir(dir, { recursive: true });
        await writeFile(file, JSON.stringify({ orderId }));
        // Cache entries are immutable: a new key per save, restored newest-first by prefix.
        await cache.saveCache([dir], `${keyPrefix(domains)}${Date.now()}`);
      } catch (error) {
        log.warning(
          `Could not save order ${orderId} to the cache (${String(error)}); a later run finds it by listing.`,
        );
      }
    },
  };
}
