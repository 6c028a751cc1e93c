// The issue flow in-process against the emulator, with the resume store an earlier run would have filled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { createServices, type Services } from '../../src/action/wiring.js';
import { parseConfig } from '../../src/config/config.js';
import { validationSettingsFrom } from '../../src/config/validation-settings.js';
import type { Logger } from '../../src/core/log.js';
import type { FlowContext, ResumeStore } from '../../src/flows/context.js';
import { issueCertificate } from '../../src/modes/issue.js';
import { createValidationStrategy } from '../../src/validation/index.js';
import { emulatorInputs } from '../support/fixtures.js';

let emulator: Emulator;
const opened: Services[] = [];
const quiet: Logger = { debug() {}, info() {}, notice() {}, warning() {} };

function flowContext(domains: string, remembered: string | undefined, extra: Record<string, string> = {}) {
  const inputs = emulatorInputs(emulator, {
    domains,
    // Pending at once: the smallest wait, and no provider that writes the record (alidns would validate at once).
    'dns-provider': 'manual',
    'wait-timeout': '0.1',
    'fail-on-pending': 'false',
    ...extra,
  });
  const config = parseConfig((name) => inputs[name] ?? '', {});
  const services = createServices(config, () => {}, { maskSecret: () => {}, getIdToken: async () => '' });
  opened.push(services);
  const saved: string[] = [];
  const resume: ResumeStore = { load: async () => remembered, save: async (_d, id) => void saved.push(id) };
  const validationSettings = validationSettingsFrom(config);
  const ctx: FlowContext = {
    config,
    ...services,
    maskSecret: () => {},
    log: quiet,
    resume,
    validation: (orderId) =>
      createValidationStrategy(
        { settings: validationSettings, dns: services.dns, log: quiet, rememberCleanup() {} },
        orderId,
      ),
    validationSettings,
    onOrderKnown() {},
    now: () => new Date(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
  return { ctx, saved, domains: config.domains };
}
const creates = () => emulator.calls.filter((c) => c.action === 'CreateCertificateForPackageRequest').length;

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.client.close()));
  await emulator.close();
});

describe('resuming from the cache', () => {
  it('resumes a remembered order that is still waiting, without ordering', async () => {
    const order = await emulator.cas.seedOrder({ domains: ['wait.example.com'], state: 'domain_verify' });
    const { ctx, domains } = flowContext('wait.example.com', order.orderId.toString());
    const before = creates();
    const result = await issueCertificate(ctx, domains);
    expect(result).toMatchObject({ status: 'pending', orderId: order.orderId.toString() });
    expect(creates()).toBe(before);
  });

  it('ignores a remembered order that is issued, so a due certificate is still renewed', async () => {
    const now = Date.now();
    const old = await emulator.cas.seedOrder({
      domains: ['due.example.com'],
      state: 'certificate',
      notBefore: now - 80 * 86_400_000,
      notAfter: now + 10 * 86_400_000,
    });
    const { ctx, domains, saved } = flowContext('due.example.com', old.orderId.toString());
    const before = creates();
    const result = await issueCertificate(ctx, domains);
    expect(creates()).toBe(before + 1);
    expect(result.orderId).not.toBe(old.orderId.toString());
    expect(saved).toEqual([result.orderId]);
  });

  it('ignores a remembered order that no longer exists', async () => {
    const { ctx, domains } = flowContext('gone.example.com', '99999999');
    const result = await issueCertificate(ctx, domains);
    expect(result.status).toBe('pending');
    expect(emulator.cas.order(result.orderId ?? '')?.domains).toEqual(['gone.example.com']);
  });
});
