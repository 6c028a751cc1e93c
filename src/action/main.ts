// The main step: inputs → config → flow → outputs, files, summary. The one place that calls setFailed.
import * as core from '@actions/core';
import type { AfterRun } from '../alert/send-alerts.js';
import { describeCredentialSource } from '../aliyun/credentials.js';
import type { RpcClient } from '../aliyun/rpc.js';
import { describeProxies } from '../aliyun/transport.js';
import { type Config, parseConfig } from '../config/config.js';
import { validationSettingsFrom } from '../config/validation-settings.js';
import { domainListProblems, sameDomainSet } from '../core/domains.js';
import { FlowError, InputError, type InputProblem } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { FlowResult } from '../core/result.js';
import { deliverResult, reportFailure } from '../deliver/index.js';
import { maskSecret } from '../deliver/outputs.js';
import { wantsDeployment } from '../deploy/registry.js';
import type { FlowContext } from '../flows/context.js';
import { loadMode } from '../modes/load.js';
import { modeEntry } from '../modes/registry.js';
import { createValidationStrategy } from '../validation/index.js';
import { checkBeforeRun, reportInputs } from './preflight.js';
import {
  createActionsLogger,
  credentialHooks,
  describeFailure,
  failStep,
  maskCredentialSources,
} from './runner.js';
import { createCacheResumeStore, markMainStarted, saveCleanupItems } from './state.js';
import { createServices, describeCall, runDeadline, type Services } from './wiring.js';

export async function runMain(): Promise<void> {
  const startedAt = Date.now();
  markMainStarted();
  // Mask the credentials before anything at all is printed.
  maskCredentialSources();
  const log = createActionsLogger();
  let client: RpcClient | undefined;
  let knownOrderId: string | undefined;
  let dueNotAfter: Date | undefined;
  let domains: string[] = [];
  let config: Config | undefined;
  try {
    ({ config, domains } = await readInputs());
    for (const secret of [config.pfxPassword, config.privateKeyPassphrase, config.githubToken])
      if (secret) maskSecret(secret);
    const credentialSource = describeCredentialSource(config.credentials);
    log.info(`Credentials: ${credentialSource}.`);
    const proxies = describeProxies();
    if (proxies) log.info(proxies);
    reportInputs(config, process.env, log);
    const services = createServices(config, (c) => log.debug(describeCall(c)), credentialHooks, {
      deadline: runDeadline(config, startedAt),
      onWarning: (message) => log.warning(message),
      onDebug: (message) => log.debug(message),
    });
    client = services.client;
    await checkBeforeRun(config, services);
    const ctx = createFlowContext(config, services, log, (orderId) => {
      knownOrderId = orderId;
      core.setOutput('order-id', orderId);
    });
    ctx.onDueCertificate = (notAfter) => {
      dueNotAfter = notAfter;
    };
    const result = await runFlow(ctx, domains);
    result.details.push(['Credentials', credentialSource]);
    await deliverResult(config, result, domains, log);
    // Delivered first, so that a failed deployment still leaves the certificate's outputs set (docs/deploy.md).
    if (modeEntry(config.mode).deploys === 'after-run' && wantsDeployment(config.deploy)) {
      const deployment = await (await import('../modes/deploy.js')).deployFlowResult(ctx, result);
      if (deployment) await (await import('../deliver/deployment.js')).deliverDeployment(deployment);
    }
    await alertAfterRun(config, { domains, result, now: new Date() }, log);
    if (result.failsStep) failStep(result.failsStep);
  } catch (error) {
    const message = describeFailure(error);
    await reportFailure(
      message,
      error instanceof FlowError ? error.result : undefined,
      knownOrderId,
      domains,
      log,
    );
    failStep(message);
    if (config)
      await alertAfterRun(
        config,
        {
          domains,
          failure: message,
          orderId: knownOrderId,
          currentNotAfter: dueNotAfter,
          now: new Date(),
        },
        log,
      );
  } finally {
    await client?.close();
  }
}

/** `alert: issue` only: the GitHub API code is loaded on this path alone (docs/alerts.md). */
async function alertAfterRun(config: Config, run: AfterRun, log: Logger): Promise<void> {
  if (config.alert !== 'issue') return;
  await (await import('../alert/send-alerts.js')).sendAlerts(config, run, log);
}

function createFlowContext(
  config: Config,
  services: Services,
  log: Logger,
  onOrderKnown: (orderId: string) => void,
): FlowContext {
  const { authorities, dns, cdn, held, deploy } = services;
  const validationSettings = validationSettingsFrom(config);
  return {
    config,
    authorities,
    dns,
    cdn,
    held,
    deploy,
    maskSecret: credentialHooks.maskSecret,
    log,
    resume: createCacheResumeStore(log),
    validation: (orderId) =>
      createValidationStrategy(
        { settings: validationSettings, dns, log, rememberCleanup: saveCleanupItems },
        orderId,
      ),
    validationSettings,
    onOrderKnown,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/**
 * The config, with every input problem at once: those of parseConfig and those of the CSR (its key, signature,
 * and its names under the same rules as the domains input: each name, at most 5, no mixing), before any call.
 */
async function readInputs(): Promise<{ config: Config; domains: string[] }> {
  const problems: InputProblem[] = [];
  let config: Config | undefined;
  try {
    config = parseConfig((name) => core.getInput(name), process.env);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  const csrText = core.getInput('csr').trim();
  let csrNames: string[] = [];
  if (csrText && !problems.some((p) => p.input === 'csr')) {
    const csr = await readCsrNames(csrText, config);
    if ('problems' in csr) problems.push(...csr.problems);
    else csrNames = csr.names;
  }
  if (problems.length > 0 || !config) throw new InputError(problems);
  // The domains come from `domains`, or from the CSR; when both are given they agree (checked above).
  return { config, domains: config.domains.length > 0 ? config.domains : csrNames };
}

/** The CSR's names, read once, or its problems: key, signature, names under the rules of the domains input. */
async function readCsrNames(
  csrText: string,
  config: Config | undefined,
): Promise<{ names: string[] } | { problems: InputProblem[] }> {
  const { inspectCsr } = await import('../core/csr.js');
  const csr = await inspectCsr(csrText);
  if (typeof csr === 'string') return { problems: [{ input: 'csr', problem: csr }] };
  const given = config?.domains ?? [];
  if (given.length > 0 && !sameDomainSet(csr.names, given)) {
    const problem = `names ${csr.names.join(', ')}, which differ from domains ${given.join(', ')}`;
    return { problems: [{ input: 'csr', problem }] };
  }
  const problems = domainListProblems(csr.names).map((problem) => ({
    input: 'csr',
    problem: `names: ${problem}`,
  }));
  return problems.length > 0 ? { problems } : { names: csr.names };
}

/** The mode's module, through the registry: every mode but `issue` loads only when asked (README, "Development"). */
async function runFlow(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const run = await loadMode(ctx.config.mode);
  return run(ctx, domains);
}
