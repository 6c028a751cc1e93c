// The main step: inputs → config → flow → outputs, files, summary. The one place that calls setFailed.
import * as core from '@actions/core';
import { AliyunApiError } from './aliyun/errors.js';
import { RpcClient } from './aliyun/rpc.js';
import { type Config, InputError, parseConfig } from './config.js';
import { inspectCsr } from './csr.js';
import { writeCertificateFiles } from './deliver/files.js';
import { maskMultilineSecret, publishOutputs } from './deliver/outputs.js';
import { renderSummary, writeSummary } from './deliver/summary.js';
import { sameDomainSet } from './domains.js';
import { type FlowContext, FlowError, type FlowResult, type Logger } from './flows/context.js';
import { issueCertificate } from './flows/issue.js';
import { createCasOrderService } from './services/cas.js';
import { createCdnService } from './services/cdn.js';
import { createDnsService } from './services/dns.js';
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
  for (const name of ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN']) {
    const value = process.env[name];
    if (value) core.setSecret(value);
  }
  let client: RpcClient | undefined;
  try {
    const config = parseConfig((name) => core.getInput(name), process.env);
    for (const secret of [config.pfxPassword, config.privateKeyPassphrase])
      if (secret) core.setSecret(secret);
    const domains = await resolveDomains(config);
    client = new RpcClient({
      credentials: config.credentials,
      onCall: (c) =>
        core.debug(
          `${c.action} (${c.version}) attempt ${c.attempt}: ${c.status ?? 'no answer'}` +
            `${c.code ? ` ${c.code}` : ''}, RequestId ${c.requestId ?? '-'}, ${c.durationMs} ms`,
        ),
    });
    const ctx = createFlowContext(config, client);
    const result = await runFlow(ctx, domains);
    await deliver(config, result, domains);
  } catch (error) {
    core.setFailed(`${ACTION_NAME}: ${describeFailure(error)}`);
  } finally {
    await client?.close();
  }
}

function createFlowContext(config: Config, client: RpcClient): FlowContext {
  const log: Logger = {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
  };
  const dns = createDnsService(client, config.endpoints.dns);
  return {
    config,
    cas: createCasOrderService(client, config.endpoints.cas),
    dns,
    cdn: createCdnService(client, config.endpoints.cdn),
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
    default:
      throw new FlowError(`mode ${ctx.config.mode} is not available yet`);
  }
}

async function deliver(config: Config, result: FlowResult, domains: string[]): Promise<void> {
  const now = new Date();
  const files =
    config.outputDir && result.certificate
      ? await writeCertificateFiles(config.outputDir, result.certificate)
      : {};
  publishOutputs(result, files, now);
  await writeSummary(renderSummary(result, domains, now));
  const info = result.certificate?.info;
  core.info(
    `${result.status}${result.orderId ? `: order ${result.orderId}` : ''}` +
      `${info ? `, valid until ${info.notAfter.toISOString()}` : ''}`,
  );
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
