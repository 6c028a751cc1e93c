// The one adapter on @actions/core that main and post share: the logger on the runner, masking of every
// credential source (inputs and environment alike), and the one-sentence failure text.
import * as core from '@actions/core';
import { environmentSecrets } from '../aliyun/credentials.js';
import { AliyunApiError } from '../aliyun/errors.js';
import { FlowError, InputError } from '../core/errors.js';
import { inertAnnotation, inertLogger, type Logger } from '../core/log.js';
import { encodedForms } from '../core/secrets.js';
import { maskMultilineSecret } from '../deliver/outputs.js';
import type { CredentialHooks } from './wiring.js';

export const ACTION_NAME = 'Alibaba Cloud SSL certificate';

/** Inputs that can hold a credential secret. */
const SECRET_INPUTS = ['access-key-secret', 'security-token', 'acme-eab-hmac-key'];

/** Registers every credential secret the step can see, from inputs and environment, before anything is printed. */
export function maskCredentialSources(): void {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) maskCredential(value);
  }
  for (const value of environmentSecrets(process.env)) maskCredential(value);
  // `upload`'s private key, masked the moment it is read (whole and line by line); the ACME account key too.
  for (const name of ['private-key', 'acme-account-key']) {
    const key = core.getInput(name);
    if (key) maskMultilineSecret(key);
  }
}

/**
 * A credential as given and percent-encoded once to three times: an echo of the request (a query string, a
 * server's string to sign, which encodes it twice) repeats it so, and the runner masks literal values only.
 * A multi-line value (a private key) is masked whole and line by line (older runners mask single lines only).
 */
function maskCredential(value: string): void {
  maskMultilineSecret(value);
  if (!/[\r\n]/.test(value)) for (const form of encodedForms(value)) maskMultilineSecret(form);
}

/** Masking and GitHub's ID token for the credentials chain, which masks what it receives where it enters. */
export const credentialHooks: CredentialHooks = {
  maskSecret: maskCredential,
  getIdToken: async (audience, deadline) =>
    (await import('../aliyun/github-id-token.js')).requestGitHubIdToken(audience, process.env, deadline),
};

/**
 * The one writer of log lines (main step, post step, delivery, flows): every message made inert first, so no
 * string from the service can start a workflow command (src/core/log.ts).
 */
export function createActionsLogger(): Logger {
  return inertLogger({
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
  });
}

/** Fails the step with one `::error::` line, made inert like every other line. */
export function failStep(message: string): void {
  core.setFailed(inertAnnotation(`${ACTION_NAME}: ${message}`));
}

/** One sentence: what failed, for which input, operation or order, and what to do next. */
export function describeFailure(error: unknown): string {
  if (error instanceof InputError || error instanceof FlowError) return error.message;
  if (error instanceof AliyunApiError) return `${error.describe()}. ${nextStepFor(error)}`;
  return error instanceof Error ? error.message : String(error);
}

function nextStepFor(error: AliyunApiError): string {
  if (error.deadlineReached) {
    return "This run's time (wait-timeout) ran out first: run again later; an order already placed is resumed, never ordered twice.";
  }
  if (error.outcomeUnknown) {
    return 'Run again: the next run looks the order up before ordering, so nothing is ordered twice.';
  }
  const sts =
    error.action === 'AssumeRoleWithOIDC' && explainStsError(error.code, error.message, error.idTokenSubject);
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

/** One sentence per STS refusal a user can fix (codes of the STS error-code page, docs/keyless.md). */
export function explainStsError(code: string, message: string, subject?: string): string | undefined {
  if (code === 'AuthenticationFail.OIDCToken.AudienceNotMatch') {
    return "The ID token's audience is not a client ID of the RAM OIDC provider: set audience to one of its client IDs, or add it there.";
  }
  if (code === 'AuthenticationFail.OIDCToken.Expired') {
    return 'The ID token had expired when STS read it: run again (and check the runner clock, or the file in ALIBABA_CLOUD_OIDC_TOKEN_FILE).';
  }
  if (code === 'AuthenticationFail.OIDCToken.IssuerNotMatch') {
    return "The ID token's issuer is not the RAM OIDC provider's issuer URL: set it to https://token.actions.githubusercontent.com.";
  }
  if (code.startsWith('AuthenticationFail.OIDCToken')) {
    return 'STS could not verify the ID token: check the OIDC provider in RAM (issuer URL and fingerprint).';
  }
  if (code.startsWith('EntityNotExist.Role')) {
    return 'Check role-arn: the RAM role does not exist in this account.';
  }
  if (code === 'AuthenticationFail.NoPermission' && /provider/i.test(message)) {
    return 'Check oidc-provider-arn: no such OIDC provider is registered in RAM.';
  }
  if (code === 'AuthenticationFail.NoPermission' && subject) {
    return (
      `The role's trust policy does not allow this token, whose sub is '${subject}': allow ` +
      'sts:AssumeRoleWithOIDC for the provider, with an oidc:sub condition that this sub matches.'
    );
  }
  if (code === 'AuthenticationFail.NoPermission') {
    return "The role's trust policy does not allow this token: allow sts:AssumeRoleWithOIDC for the provider, with conditions this repository's oidc:sub matches.";
  }
  if (code.startsWith('InvalidParameter.DurationSeconds') || /duration/i.test(message)) {
    return "Lower role-duration to the role's maximum session duration (900 to 3600 seconds).";
  }
  if (code.startsWith('InvalidParameter.RoleSessionName')) {
    return 'Check role-session-name: 2 to 64 characters of letters, digits and . @ _ -.';
  }
  return undefined;
}
