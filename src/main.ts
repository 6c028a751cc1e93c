// The main step: inputs → config → flow → outputs, files, summary. The one place that calls setFailed.
import * as core from '@actions/core';
import { describeCredentialSource, environmentSecrets } from './aliyun/credentials.js';
import { AliyunApiError } from './aliyun/errors.js';
import type { RpcClient } from './aliyun/rpc.js';
import { type Config, InputError, parseConfig } from './config.js';
import { inspectCsr } from './csr.js';
import { deliverResult } from './deliver/index.js';
import { maskMultilineSecret } from './deliver/outputs.js';
import { sameDomainSet } from './domains.js';
import { cancelOrder } from './flows/cancel.js';
import { type FlowContext, FlowError, type FlowResult, type Logger } from './flows/context.js';
import { issueCertificate } from './flows/issue.js';
import { renewCertificate } from './flows/renew.js';
import { revokeCertificate } from './flows/revoke.js';
import { reportStatus } from './flows/status.js';
import { type CredentialHooks, createServices, describeCall, type Services } from './services/build.js';
import { explainStsError } from './services/sts.js';
import { createCacheResumeStore, markMainStarted, saveCleanupItems } from './state.js';
import { createValidationStrategy } from './validation/index.js';

const ACTION_NAME = 'Alibaba Cloud SSL certificate';

export async function runMain(): Promise<void> {
  markMainStarted();
  // Mask the credentials before anything at all is printed.
  for (const name of ['access-key-secret', 'security-token']) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
  for (const value of environmentSecrets(process.env)) core.setSecret(value);
  let client: RpcClient | undefined;
  try {
    const config = parseConfig((name) => core.getInput(name), process.env);
    for (const secret of [config.pfxPassword, config.privateKeyPassphrase])
      if (secret) core.setSecret(secret);
    const domains = await resolveDomains(config);
    const credentialSource = describeCredentialSource(config.credentials);
    core.info(`Credentials: ${credentialSource}.`);
    const services = createServices(config, (c) => core.debug(describeCall(c)), credentialHooks);
    client = services.client;
    const ctx = createFlowContext(config, services);
    const result = await runFlow(ctx, domains);
    result.details.push(['Credentials', credentialSource]);
    await deliverResult(config, result, domains);
  } catch (error) {
    core.setFailed(`${ACTION_NAME}: ${describeFailure(error)}`);
  } finally {
    await client?.close();
  }
}

/** Masking and GitHub's ID token for the credentials chain, which masks what it receives where it enters. */
export const credentialHooks: CredentialHooks = {
  maskSecret: (value) => core.setSecret(value),
  getIdToken: (audience) => core.getIDToken(audience),
};

/** The flows' Logger on top of the runner's log commands (shared with the post step). */
export function createActionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
  };
}

function createFlowContext(config: Config, services: Services): FlowContext {
  const log = createActionsLogger();
  const { cas, dns, cdn } = services;
  return {
    config,
    cas,
    dns,
    cdn,
    log,
    resume: createCacheResumeStore(log),
    validation: (orderId) =>
      createValidationStrategy({ config, dns, log, rememberCleanup: saveCleanupItems }, orderId),
    maskSecret: maskMultilineSecret,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** The domains come from `domains`, or from the CSR; when both are given they must agree. */
async function resolveDomains(config: Config): Promise<string[]> {
  if (!config.csr) return config.domains;
  const csr = await inspectCsr(config.csr);
  if (typeof csr === 'string') throw new InputError([{ input: 'csr', problem: csr }]);
  if (config.domains.length > 0 && !sameDomainSet(csr.names, config.domains)) {
    throw new InputError([
      {
        input: 'csr',
        problem: `names ${csr.names.join(', ')}, which differ from domains ${config.domains.join(', ')}`,
      },
    ]);
  }
  return config.domains.length > 0 ? config.domains : csr.names;
}

async function runFlow(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  switch (ctx.config.mode) {
    case 'issue':
      return issueCertificate(ctx, domains);
    case 'renew':
      return renewCertificate(ctx, domains);
    case 'cancel':
      return cancelOrder(ctx, domains);
    case 'revoke':
      return revokeCertificate(ctx, domains);
    case 'status':
      return reportStatus(ctx, domains);
  }
}

/** One sentence: what failed, for which input, operation or order, and what to do next. */
export function describeFailure(error: unknown): string {
  if (error instanceof InputError || error instanceof FlowError) return error.message;
  if (error instanceof AliyunApiError) return `${error.describe()}. ${nextStepFor(error)}`;
  return error instanceof Error ? error.message : String(error);
}

function nextStepFor(error: AliyunApiError): string {
  if (error.outcomeUnknown) {
    return 'Run again: the next run looks the order up before ordering, so nothing is ordered twice.';
  }
  const sts = error.action === 'AssumeRoleWithOIDC' && explainStsError(error.code, error.message);
  if (sts) return sts;
  if (/^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken)/.test(error.code)) {
    return 'Check access-key-id, access-key-secret and security-token.';
  }
  if (/^(Forbidden|NoPermission)/.test(error.code))
    return 'Grant the RAM user the permission this call needs.';
  if (error.code.startsWith('Throttling') || error.code === 'ServiceUnavailable') {
    return 'The service is busy or throttling this account: run again later, or run fewer jobs at once.';
  }
  if (error.code === 'NotFoundOrder') return 'Check order-id.';
  if (error.code === 'NotRemainCount' || error.code === 'NotFoundPackage') {
    return 'Buy a certificate package for product-code, or return quota by cancelling unused orders.';
  }
  if (error.code === 'NetworkError') return 'Check the endpoint inputs and the network, then run again.';
  return error.recommend
    ? `See ${error.recommend}.`
    : 'Check the inputs named in the message, then run again.';
}
