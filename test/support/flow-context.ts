// Shared by the in-process flow tests: a real FlowContext built from action inputs, pointed at the emulator over
// loopback (signed calls, real services, real validation strategy), with a logger that keeps every line.
// Every import of src/ used by test/flows/*.test.ts lives here, so a move in src/ is fixed in one place.

import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js';
import { createServices, type Services } from '../../src/action/wiring.js';
import { parseConfig } from '../../src/config/config.js';
import { validationSettingsFrom } from '../../src/config/validation-settings.js';
import type { Logger } from '../../src/core/log.js';
import type { FlowResult } from '../../src/core/result.js';
import type { FlowContext } from '../../src/flows/context.js';
import { createValidationStrategy } from '../../src/validation/index.js';
import { emulatorInputs } from './fixtures.js';

export { FlowError } from '../../src/core/errors.js';
export { type FlowResult, reportOf } from '../../src/core/result.js';
export { cancelOrder } from '../../src/modes/cancel.js';
export { deleteCertificate } from '../../src/modes/delete.js';
export { issueCertificate } from '../../src/modes/issue.js';
export { renewCertificate } from '../../src/modes/renew.js';
export { revokeCertificate } from '../../src/modes/revoke.js';
export { reportStatus } from '../../src/modes/status.js';
export { uploadCertificate } from '../../src/modes/upload.js';
export type { Emulator };

export const DAY = 86_400_000;
export const PAID = 'symantec-dv-1-starter';
export const FREE = 'digicert-free-1-free';

export type Level = 'debug' | 'info' | 'notice' | 'warning';
export interface LogLine {
  level: Level;
  text: string;
}

export interface FlowHarness {
  ctx: FlowContext;
  /** The domains input as the config read it. */
  domains: string[];
  lines: LogLine[];
  /** Lines of one level (or all), text only. */
  logged(level?: Level): string[];
  /** Order ids the flow announced through onOrderKnown. */
  known: string[];
  /** Virtual milliseconds the flow slept (its sleep is instant when `virtualSleep` is set). */
  slept: number[];
}

const opened: Services[] = [];

/** The emulator the flow tests share: fast leaf keys, two zones, and packages big enough for every case. */
export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return createEmulator({
    zones: ['example.com', 'example.net'],
    packages: { [PAID]: 100, [FREE]: 100, 'symantec-free-1-free': 100 },
    recycleLeafKeys: true,
    ...options,
  });
}

export async function closeAll(emulator: Emulator | undefined): Promise<void> {
  await Promise.all(opened.splice(0).map((s) => s.client.close()));
  await emulator?.close();
}

/**
 * A FlowContext from action inputs (merged over emulatorInputs: every endpoint at the emulator, poll 0.05 s).
 * `now` defaults to the real clock; `virtualSleep` makes sleeps instant (recorded in `slept`).
 */
export function flowContext(
  emulator: Emulator,
  inputs: Record<string, string>,
  options: { now?: () => Date; virtualSleep?: boolean } = {},
): FlowHarness {
  const all = emulatorInputs(emulator, { 'poll-interval': '0.05', 'max-poll-interval': '0.1', ...inputs });
  const config = parseConfig((name) => all[name] ?? '', {});
  const services = createServices(config, () => {}, { maskSecret: () => {}, getIdToken: async () => '' });
  opened.push(services);
  const lines: LogLine[] = [];
  const say = (level: Level) => (text: string) => void lines.push({ level, text });
  const log: Logger = {
    debug: say('debug'),
    info: say('info'),
    notice: say('notice'),
    warning: say('warning'),
  };
  const known: string[] = [];
  const slept: number[] = [];
  const validationSettings = validationSettingsFrom(config);
  const ctx: FlowContext = {
    config,
    ...services,
    maskSecret: () => {},
    log,
    resume: { load: async () => undefined, save: async () => {} },
    validation: (orderId) =>
      createValidationStrategy(
        { settings: validationSettings, dns: services.dns, log, rememberCleanup() {} },
        orderId,
      ),
    validationSettings,
    onOrderKnown: (orderId) => void known.push(orderId),
    now: options.now ?? (() => new Date()),
    sleep: async (ms) => {
      slept.push(ms);
      if (!options.virtualSleep) await new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
  return {
    ctx,
    domains: config.domains,
    lines,
    logged: (level) => lines.filter((l) => !level || l.level === level).map((l) => l.text),
    known,
    slept,
  };
}

/** Seeds an order into the emulator (certificate dates relative to now) and returns its id as a string. */
export async function seed(
  emulator: Emulator,
  domains: string[],
  state: Parameters<Emulator['cas']['seedOrder']>[0]['state'],
  opts: { productCode?: string; issuedDaysAgo?: number; daysLeft?: number } = {},
): Promise<string> {
  const now = emulator.clock.now();
  const order = await emulator.cas.seedOrder({
    domains,
    state,
    productCode: opts.productCode ?? PAID,
    ...(state === 'certificate' || state === 'revoked'
      ? { notBefore: now - (opts.issuedDaysAgo ?? 10) * DAY, notAfter: now + (opts.daysLeft ?? 300) * DAY }
      : {}),
  });
  return order.orderId.toString();
}

/** A copy of a package's counters, as the emulator holds them. */
export const quotaOf = (emulator: Emulator, productCode = PAID) => ({ ...emulator.cas.package(productCode) });

/** Actions that change something (everything but the Describe and List reads), answered or not. */
export const writes = (emulator: Emulator) =>
  emulator.calls.map((c) => c.action ?? '').filter((a) => a !== '' && !/^(Describe|List)/.test(a));

/** Runs a flow that must fail, and returns the FlowError it failed with (any other outcome fails the test). */
export async function refusal(run: Promise<FlowResult>): Promise<Error> {
  const outcome = await run.then(
    (result) => new Error(`expected a refusal, got status ${result.status}`),
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error) || outcome.name !== 'FlowError') {
    throw outcome instanceof Error ? outcome : new Error(String(outcome));
  }
  return outcome;
}

/** The TXT records under _dnsauth names that carry this value. */
export function validationRecords(emulator: Emulator, value: string | undefined) {
  return emulator.dns.records().filter((r) => r.rr.startsWith('_dnsauth') && r.value === value);
}
