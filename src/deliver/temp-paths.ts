// Files and folders this action made under RUNNER_TEMP, saved in GITHUB_STATE for the post step to remove. Here,
// below the action's entry points, because the resume cache (src/action/state.ts) and the staged artifact
// (src/deliver/artifact.ts) both make them.
import { resolve, sep } from 'node:path';
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

const KEY_FILES_KEY = 'key-files';
const keyFiles: string[] = [];

/**
 * Whether `path` is under RUNNER_TEMP or the workspace (GITHUB_WORKSPACE): the folders a persistent self-hosted
 * runner keeps from job to job, where the post step removes the key files the main step wrote.
 */
export function isUnderRunnerFolders(path: string, env: NodeJS.ProcessEnv): boolean {
  const target = resolve(path);
  return [env.RUNNER_TEMP, env.GITHUB_WORKSPACE].some(
    (root) => root !== undefined && root !== '' && target.startsWith(resolve(root) + sep),
  );
}

/** A key file written under RUNNER_TEMP or the workspace (not `keep-files`): the post step removes it. */
export function rememberKeyFile(path: string): void {
  if (keyFiles.includes(path)) return;
  keyFiles.push(path);
  core.saveState(KEY_FILES_KEY, JSON.stringify(keyFiles));
}

/** The post step's view of the key files to remove. */
export function loadKeyFiles(): string[] {
  return parseList(core.getState(KEY_FILES_KEY));
}

/** The post step's view: what the main step remembered. */
export function loadTempPaths(): string[] {
  return parseList(core.getState(TEMP_PATHS_KEY));
}

function parseList(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw || '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
