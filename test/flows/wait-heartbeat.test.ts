// waitForIssuance in-process against the emulator with a fake clock: a long wait says where it is at least every
// 30 s, and the order is checked once more at the deadline itself.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { createServices, type Services } from '../../src/action/wiring.js';
import { parseConfig } from '../../src/config/config.js';
import { validationSettingsFrom } from '../../src/config/validation-settings.js';
import { FlowError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import type { FlowContext } from '../../src/flows/context.js';
import { issueCertificate } from '../../src/modes/issue.js';
import { HEARTBEAT_MS } from '../../src/sources/order/issuance.js';
import { createValidationStrategy } from '../../src/validation/index.js';
import { emulatorInputs } from '../support/fixtures.js';

let emulator: Emulator;
let services: Services;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
afterAll(async () => {
  await services?.client.close();
  await emulator.close();
});

it('logs a heartbeat at least every 30 s of a 40 s wait and checks once more at the deadline', async () => {
  const inputs = emulatorInputs(emulator, {
    domains: 'slow.example.com',
    'dns-provider': 'manual',
    'wait-timeout': '40',
    'poll-interval': '5',
    'max-poll-interval': '60',
  });
  const config = parseConfig((name) => inputs[name] ?? '', {});
  services = createServices(config, () => {}, { maskSecret: () => {}, getIdToken: async () => '' });
  let virtual = Date.parse('2026-12-01T00:00:00Z');
  const lines: Array<{ at: number; text: string }> = [];
  const say = (text: string) => lines.push({ at: virtual, text });
  const log: Logger = { debug() {}, info: say, notice: say, warning: say };
  const checks: number[] = [];
  const order = services.authorities.order;
  const authorities = {
    ...services.authorities,
    order: {
      ...order,
      describeOrder: (id: string) => {
        checks.push(virtual);
        return order.describeOrder(id);
      },
    },
  };
  const validationSettings = validationSettingsFrom(config);
  const ctx: FlowContext = {
    config,
    ...services,
    maskSecret: () => {},
    authorities,
    log,
    resume: { load: async () => undefined, save: async () => {} },
    validation: (orderId) =>
      createValidationStrategy(
        { settings: validationSettings, dns: services.dns, log, rememberCleanup() {} },
        orderId,
      ),
    validationSettings,
    onOrderKnown() {},
    now: () => new Date(virtual),
    sleep: async (ms) => {
      virtual += ms;
    },
    // The top of each jittered wait, so the checks fall on the ceilings (test/unit/poll.test.ts covers the jitter).
    random: () => 1,
  };
  const start = virtual;
  const error = await issueCertificate(ctx, config.domains).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FlowError);
  expect((error as FlowError).message).toContain("is still 'domain_verify' after wait-timeout 40s");
  // Backoff 5, 10, 20, then the last wait is cut to the deadline: checks at 0, 5, 15, 35 and 40 s.
  expect(checks.map((t) => (t - start) / 1000)).toEqual([0, 5, 15, 35, 40]);
  const gaps = lines.slice(1).map((line, i) => line.at - (lines[i]?.at ?? 0));
  expect(Math.max(...gaps)).toBeLessThanOrEqual(HEARTBEAT_MS);
  const heartbeats = lines.filter((l) =>
    /still 'domain_verify' after \d+s of wait-timeout 40s; next check in/.test(l.text),
  );
  expect(heartbeats.length).toBeGreaterThan(0);
  expect(heartbeats[0]?.text).toMatch(/after 30s of wait-timeout 40s; next check in 5s\./);
});
