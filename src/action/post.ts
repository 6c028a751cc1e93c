// The post step: remove validation leftovers when the main step could not (crash, cancellation).
// It never fails the job: what it cannot remove is reported as a warning.
import * as core from '@actions/core';
import { type Config, parseConfig } from '../config/config.js';
import { validationSettingsFrom } from '../config/validation-settings.js';
import { isUnderRunnerFolders, loadKeyFiles, loadTempPaths } from '../deliver/temp-paths.js';
import { describeItem, parseCleanupItems, removeLeftovers } from '../validation/leftovers.js';
import { createActionsLogger, credentialHooks, describeFailure, maskCredentialSources } from './runner.js';
import { loadCleanupItems, saveCleanupItems } from './state.js';
import { AFTER_WAIT_ALLOWANCE_MS, createServices, describeCall, type Services } from './wiring.js';

export async function runPost(): Promise<void> {
  await removeTempPaths();
  await removeKeyFiles();
  const items = await parseCleanupItems(loadCleanupItems());
  if (items.length === 0) return;
  maskCredentialSources();
  const log = createActionsLogger();
  log.info(`Removing ${items.length} validation leftover(s) of the main step.`);
  let services: Services | undefined;
  try {
    let config: Config | undefined;
    try {
      config = parseConfig((name) => core.getInput(name), process.env);
      // The post step waits for nothing: its calls get the allowance that follows a wait, no more.
      services = createServices(config, (c) => log.debug(describeCall(c)), credentialHooks, {
        deadline: Date.now() + AFTER_WAIT_ALLOWANCE_MS,
        onWarning: (message) => log.warning(message),
        onDebug: (message) => log.debug(message),
      });
    } catch (error) {
      log.warning(`The post step cannot read its inputs (${describeFailure(error)}).`);
    }
    const settings = config && validationSettingsFrom(config);
    saveCleanupItems(await removeLeftovers(items, { log, dns: services?.dns, settings }));
  } catch (error) {
    log.warning(
      `Could not remove the validation leftovers (${describeFailure(error)}); ` +
        `remove them by hand: ${(await Promise.all(items.map(describeItem))).join('; ')}.`,
    );
  } finally {
    await services?.client.close();
  }
}

/**
 * What the main step wrote under RUNNER_TEMP (the resume record, a staged artifact folder with the encrypted key):
 * removed here, so it does not outlive the job's steps. Only paths inside RUNNER_TEMP, never one the user chose.
 */
async function removeTempPaths(): Promise<void> {
  const log = createActionsLogger();
  const temp = process.env.RUNNER_TEMP;
  const paths = loadTempPaths();
  if (!temp || paths.length === 0) return;
  const { rm } = await import('node:fs/promises');
  const { resolve, sep } = await import('node:path');
  const root = resolve(temp) + sep;
  for (const path of paths) {
    const target = resolve(path);
    if (!target.startsWith(root)) continue;
    try {
      await rm(target, { recursive: true, force: true });
      log.info(`Removed ${target} (written by the main step under RUNNER_TEMP).`);
    } catch (error) {
      log.warning(
        `Could not remove ${target} (${describeFailure(error)}); it goes when the runner cleans up.`,
      );
    }
  }
}

/**
 * The key files output-dir put under RUNNER_TEMP or the workspace (without `keep-files: true`): a persistent
 * self-hosted runner keeps both folders, so the key would outlive the job. Files only, and only still there.
 */
async function removeKeyFiles(): Promise<void> {
  const paths = loadKeyFiles().filter((path) => isUnderRunnerFolders(path, process.env));
  if (paths.length === 0) return;
  const log = createActionsLogger();
  const { rm } = await import('node:fs/promises');
  for (const path of paths) {
    try {
      await rm(path, { force: true });
      log.info(`Removed ${path} (a key file under RUNNER_TEMP or the workspace; keep-files: true keeps it).`);
    } catch (error) {
      log.warning(`Could not remove the key file ${path} (${describeFailure(error)}); remove it by hand.`);
    }
  }
}
