// Shared by the e2e suites: an emulator, the inputs that point the action at it, and validation done "by hand".
import { X509Certificate } from 'node:crypto';
import { expect } from 'vitest';
import {
  createEmulator,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  type Emulator,
} from '../../emulator/server.js';
import { type ActionRun, eventually, privateKeyLines } from './run-action.js';

export { createEmulator, type Emulator };

/** Inputs that point every endpoint at the emulator and poll fast. */
export function emulatorInputs(
  emulator: Emulator,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    'access-key-id': EMULATOR_ACCESS_KEY_ID,
    'access-key-secret': EMULATOR_ACCESS_KEY_SECRET,
    endpoint: emulator.url,
    'dns-endpoint': emulator.url,
    'cdn-endpoint': emulator.url,
    'poll-interval': '0.05',
    'max-poll-interval': '0.2',
    'wait-timeout': '20',
    ...extra,
  };
}

/** Plays the user of `dns-provider: manual`: waits for an order in domain_verify and creates its TXT records. */
export async function createValidationRecordsByHand(emulator: Emulator, domains: string[]): Promise<void> {
  const waiting = () =>
    emulator.cas
      .orders()
      .find(
        (o) => o.state === 'domain_verify' && [...o.domains].sort().join() === [...domains].sort().join(),
      );
  await eventually(() => waiting() !== undefined);
  const order = waiting();
  if (!order) throw new Error('no order waiting for validation');
  for (const base of new Set(domains.map((d) => d.replace(/^\*\./, '')))) {
    emulator.dns.addRecord({ fqdn: `_dnsauth.${base}`, type: 'TXT', value: order.validationToken });
  }
}

/** The checks every delivered certificate must pass, against the emulator's own record of the order. */
export function expectDeliveredCertificate(run: ActionRun, emulator: Emulator, domains: string[]): void {
  const { outputs } = run;
  const order = emulator.cas.order(outputs['order-id'] ?? '');
  expect(order?.certificate).toBeDefined();
  const leaf = new X509Certificate(outputs.certificate ?? '');
  expect(leaf.toString()).toBe(new X509Certificate(order?.certificate?.certificatePem ?? '').toString());
  for (const domain of domains) expect(leaf.subjectAltName).toContain(`DNS:${domain}`);
  expect(outputs.fullchain).toBe(`${outputs.certificate}${outputs['certificate-chain']}`);
  expect(new X509Certificate(outputs['certificate-chain'] ?? '').subject).toBe(
    new X509Certificate(emulator.ca.intermediatePem).subject,
  );
  expect(outputs['fingerprint-sha256']).toBe(leaf.fingerprint256);
  expect(outputs['not-after']).toBe(`${new Date(leaf.validTo).toISOString().slice(0, 19)}Z`);
  expect(outputs['not-before']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(Number(outputs['days-remaining'])).toBeGreaterThan(80);
  expect(outputs.domains?.split(',').sort()).toEqual([...domains].sort());
  expect(outputs['cert-id']).toBe(order?.certificate?.certId);
}

/** No line of the private key, nor the access key secret, may appear in logs, the summary or the state file. */
export function expectNoSecretsLeaked(run: ActionRun, privateKeyPem: string | undefined): void {
  // `::add-mask::` lines are how a secret reaches the runner's masker: the runner consumes them, never prints them.
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const places = { stdout, stderr: run.stderr, summary: run.files.summary, state: run.files.state };
  for (const [place, text] of Object.entries(places)) {
    expect(text, place).not.toContain(EMULATOR_ACCESS_KEY_SECRET);
    expect(text, place).not.toContain('PRIVATE KEY');
    for (const line of privateKeyLines(privateKeyPem ?? '')) expect(text, place).not.toContain(line);
  }
}

/** The key was registered as a secret whole and line by line, before the step wrote anything about the order. */
export function expectPrivateKeyMasked(run: ActionRun, privateKeyPem: string): void {
  const lines = run.stdout.split('\n');
  const masks = lines
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));
  expect(masks).toContain(privateKeyPem.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  for (const line of privateKeyLines(privateKeyPem)) expect(masks).toContain(line);
  const firstOrderLine = lines.findIndex((line) => /^Order \d+: /.test(line) || /: reusing it\.$/.test(line));
  const lastKeyMask = Math.max(
    ...privateKeyLines(privateKeyPem).map((l) => lines.indexOf(`::add-mask::${l}`)),
  );
  expect(firstOrderLine).toBeGreaterThan(-1);
  expect(lastKeyMask).toBeGreaterThan(-1);
  // Every key line was masked before the step printed a word about an issued order.
  const firstIssued = lines.findIndex((line) => /: certificate$/.test(line) || /: reusing it\.$/.test(line));
  expect(lastKeyMask).toBeLessThan(firstIssued);
}
