// Files and folders this action made under RUNNER_TEMP, saved in GITHUB_STATE for the post step to remove. Here,
// below the action's entry points, because the resume cache (src/action/state.ts) and the staged artifact
// (src/deliver/artifact.ts) both make them.
import * as core from '@actions/core';

const TEMP_PATHS_KEY = 'temp-paths';

/**
 * Files and folders this action made under RUNNER_TEMP (never under a path the user chose): the post step
 * removes them, so that nothing of the run (the resume record, a staged key) outlives the job's steps.
 */
export function rememberTempPath(path: string): void {
  if (tempPaths.includes(path)) return;
  tempPaths.push(path);
  core.saveState(TEMP_PATHS_KEY, JSON.stringify(tempPaths));
}

const tempPaths: string[] = [];

/** The post step's view: what the main step remembered. */
export function loadTempPaths(): string[] {
  const raw = core.getState(TEMP_PATHS_KEY);
  try {
    const parsed: unknown = JSON.parse(raw || '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
