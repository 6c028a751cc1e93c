// The post step: remove validation leftovers when the main step could not (crash, cancellation).
// It never fails the job: what it cannot remove is reported as a warning.
import * as core from '@actions/core';
import { type Config, parseConfig } from './config.js';
import { createActionsLogger, credentialHooks, describeFailure, maskCredentialSources } from './runner.js';
import { loadCleanupItems, saveCleanupItems } from './state.js';
import { describeItem, parseCleanupItems, removeLeftovers } from './validation/leftovers.js';
import { createServices, describeCall, type Services } from './wiring.js';

export async function runPost(): Promise<void> {
  const items = await parseCleanupItems(loadCleanupItems());
  if (items.length === 0) return;
  maskCredentialSources();
  const log = createActionsLogger();
  core.info(`Removing ${items.length} validation leftover(s) of the main step.`);
  let services: Services | undefined;
  try {
    let config: Config | undefined;
    try {
      config = parseConfig((name) => core.getInput(name), process.env);
      services = createServices(config, (c) => core.debug(describeCall(c)), credentialHooks);
    } catch (error) {
      log.warning(`The post step cannot read its inputs (${describeFailure(error)}).`);
    }
    saveCleanupItems(await removeLeftovers(items, { log, dns: services?.dns, config }));
  } catch (error) {
    core.warning(
      `Could not remove the validation leftovers (${describeFailure(error)}); ` +
        `remove them by hand: ${(await Promise.all(items.map(describeItem))).join('; ')}.`,
    );
  } finally {
    await services?.client.close();
  }
}
