// `mode: status` with neither order-id nor domains: the account (quota, what expires soon), so a key or a role can
// be checked without naming an order. `node dist/index.js` against the emulator.
import { afterEach, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

const DAY = 86_400_000;
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
});

it('reports the quota and the certificates due within renew-before-days, and orders nothing', async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
  const now = Date.now();
  const seed = (domain: string, daysLeft: number) =>
    emulator?.cas.seedOrder({
      domains: [domain],
      state: 'certificate',
      productCode: 'symantec-free-1-free',
      notBefore: now - (90 - daysLeft) * DAY,
      notAfter: now + daysLeft * DAY,
    });
  const due = await seed('due.example.com', 10);
  await seed('later.example.com', 80);
  const run = await runAction(emulatorInputs(emulator, { mode: 'status', 'renew-before-days': '30' }));
  expect(run.stdout).not.toContain('::error::');
  expect(run.exitCode).toBe(0);
  expect(run.outputs.status).toBe('active');
  expect(run.outputs['quota-total']).toBe(String(emulator.cas.package('symantec-free-1-free')?.total));
  expect(run.summary).toContain('| Expiring within 30 days | 1 |');
  expect(run.summary).toContain(`| ${due?.orderId} | due.example.com |`);
  expect(run.summary).not.toContain('later.example.com');
  expect(emulator.calls.map((c) => c.action).filter((a) => !/^(Describe|List)/.test(a ?? ''))).toEqual([]);
});
