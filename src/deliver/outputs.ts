// Step outputs. The private key is registered as a secret (whole and line by line) before any output is written.
import * as core from '@actions/core';
import { type CheckedCertificate, daysRemaining } from '../core/certificate.js';
import { type FlowResult, type LeftBehind, type ListedCertificate, reportOf } from '../core/result.js';
import { rememberSecret } from '../core/secrets.js';
import { isoSeconds } from '../core/time.js';
import type { ProtectedKeyFiles } from './files.js';

/** The statuses that mean this run issued, renewed, uploaded or deployed something. */
const CHANGES: ReadonlySet<string> = new Set(['issued', 'renewed', 'uploaded', 'deployed']);

/**
 * The one way a value becomes a secret: masked by the runner, and remembered for text the runner's masking does
 * not reach (alert issues, src/alert/). Nothing else calls core.setSecret.
 */
export function maskSecret(value: string): void {
  // A key masked where it arrived and again as published is announced once.
  if (rememberSecret(value)) core.setSecret(value);
}

/** Older runners mask single lines only, so each line of a multi-line secret is registered too. */
export function maskMultilineSecret(value: string): void {
  maskSecret(value);
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    // The PEM armour lines are public constants; masking them would hide every certificate header in logs.
    if (trimmed && !trimmed.startsWith('-----')) maskSecret(trimmed);
  }
}

/**
 * Every form in which the key leaves the step: the PEM as published (re-wrapped at 64 columns, whatever wrapping
 * the service or the input had), the encrypted PEM, and the PKCS#12 file as base64.
 */
export function maskPublishedKey(cert: CheckedCertificate | undefined, keys: ProtectedKeyFiles = {}): void {
  if (cert?.privateKeyPem) maskMultilineSecret(cert.privateKeyPem);
  if (keys.encryptedPrivateKeyPem) maskMultilineSecret(keys.encryptedPrivateKeyPem);
  if (keys.pfx) maskSecret(keys.pfx.toString('base64'));
}

export function publishOutputs(
  result: LeftBehind & { status?: FlowResult['status'] },
  files: Record<string, string>,
  now: Date,
): void {
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') core.setOutput(name, String(value));
  };
  // The key was masked by the authority adapter the moment it arrived, before anything was printed; and as
  // published, before it is set here.
  const cert = result.certificate;
  maskPublishedKey(cert);
  set('status', result.status);
  // Later deploy steps skip on `changed != 'true'` (action.yml, output `changed`): only a new certificate, or one
  // put somewhere.
  if (result.status) set('changed', String(result.changed ?? CHANGES.has(result.status)));
  set('order-id', result.orderId);
  set('instance-id', result.instanceId);
  set('cert-id', result.certId);
  if (cert) {
    set('certificate', cert.leafPem);
    core.setOutput('certificate-chain', cert.chainPems.join(''));
    set('fullchain', cert.fullchainPem);
    set('private-key', cert.privateKeyPem);
    set('not-before', isoSeconds(cert.info.notBefore));
    set('not-after', isoSeconds(cert.info.notAfter));
    set('days-remaining', daysRemaining(cert.info.notAfter, now));
    set('fingerprint-sha256', cert.info.fingerprintSha256);
    set('domains', cert.info.names.join(','));
  }
  const challenge = result.challenge;
  if (challenge?.method === 'DNS') {
    set('validation-record-domain', challenge.recordDomain);
    set('validation-record-type', challenge.recordType);
    set('validation-record-value', challenge.recordValue);
    set('validation-record-name', result.recordNames?.join(','));
  } else if (challenge?.method === 'FILE') {
    set('validation-file-uri', challenge.uri);
    set('validation-file-content', challenge.content);
  }
  if (result.quota) {
    set('quota-total', result.quota.total);
    set('quota-used', result.quota.used);
    set('quota-issued', result.quota.issued);
  }
  const cdnNotAfter = reportOf(result, 'status')?.cdn?.notAfter;
  if (cdnNotAfter) {
    set('cdn-not-after', isoSeconds(cdnNotAfter));
    set('cdn-days-remaining', daysRemaining(cdnNotAfter, now));
  }
  const list = reportOf(result, 'list');
  if (list) set('certificates', JSON.stringify(listedCertificatesJson(list.certificates, now)));
  const plan = reportOf(result, 'plan')?.plan;
  if (plan) {
    set('matrix', JSON.stringify(plan.matrix));
    set('due-count', plan.dueCount);
  }
  for (const [name, path] of Object.entries(files)) set(name, path);
}

/** The output `certificates`: one object per certificate held at the service (fields: docs/held-certificates.md). */
export function listedCertificatesJson(
  certificates: ListedCertificate[],
  now: Date,
): Record<string, unknown>[] {
  return certificates.map((c) => ({
    id: c.id,
    name: c.name,
    domains: c.domains,
    // A day the service gave without a time stays that day (docs/held-certificates.md).
    'not-after': c.notAfterDay ?? (c.notAfter ? isoSeconds(c.notAfter) : null),
    'days-remaining': c.notAfter ? daysRemaining(c.notAfter, now) : null,
    source: c.source,
  }));
}
