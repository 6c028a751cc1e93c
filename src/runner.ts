// The one adapter on @actions/core that main and post share: the logger on the runner, masking of every
// credential source (inputs and environment alike), and the one-sentence failure text.
import * as core from '@actions/core';
import { AliyunApiError } from './aliyun/errors.js';
import { FlowError, InputError } from './errors.js';
import type { Logger } from './log.js';

export const ACTION_NAME = 'Alibaba Cloud SSL certificate';

/** Inputs and environment variables that can hold a credential secret. */
const SECRET_INPUTS = ['access-key-secret', 'security-token'];
const SECRET_ENV = [
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALICLOUD_ACCESS_KEY_SECRET',
  'ALICLOUD_SECURITY_TOKEN',
  'ALIBABACLOUD_ACCESS_KEY_SECRET',
  'ALIBABACLOUD_SECURITY_TOKEN',
];

/** Registers every credential secret the step can see, from inputs and environment, before anything is printed. */
export function maskCredentialSources(): void {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
  for (const name of SECRET_ENV) {
    const value = process.env[name];
    if (value) core.setSecret(value);
  }
}

/** The flows' Logger on top of the runner's log commands (shared with the post step). */
export function createActionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
  };
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
