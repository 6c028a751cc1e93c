// Dates the service gives without a time (issue 28, item 7): the 2018 list's `EndDate` (`2027-02-05`) is reported as
// that day, never as a made-up instant (`2027-02-04T16:00:00Z`, the day's start in China Standard Time); so is the
// 2020 list's where it gives no `CertEndTime`. `mode: list` and `mode: plan` through `node dist/index.js`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

const DAY = 86_400_000;
let emulator: Emulator;
/** 17:30 in China on the 60th day from now: the day the 2018 list names, and a time the certificate holds. */
let notAfter: Date;
let day: string;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
  const chinaMidnight = Math.floor((emulator.clock.now() + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  notAfter = new Date(chinaMidnight + 60 * DAY + 17.5 * 3_600_000);
  day = new Date(notAfter.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const leaf = await emulator.ca.issueLeaf({
    names: ['day.example.com'],
    notBefore: new Date(notAfter.getTime() - 90 * DAY),
    notAfter,
  });
  emulator.cas.certificates.add({
    name: 'day-only',
    pem: `${leaf.certificatePem}${leaf.chainPem}`,
    privateKeyPem: leaf.privateKeyPem ?? '',
    source: 'upload',
  });
});
afterAll(() => emulator.close());

const run = (inputs: Record<string, string>) => runAction(emulatorInputs(emulator, inputs));
const notAfterOf = (certificates: string | undefined) =>
  (JSON.parse(certificates ?? '[]') as Array<{ 'not-after': string | null }>).map((c) => c['not-after']);

describe('a day without a time is reported as that day', () => {
  it.each(['2018-07-13', '2020-04-07'])(
    'mode: list, api-version %s: `not-after` and the summary say the day of EndDate',
    async (version) => {
      const listed = await run({ mode: 'list', 'api-version': version, domains: 'day.example.com' });
      expect(listed.exitCode, listed.stdout).toBe(0);
      expect(notAfterOf(listed.outputs.certificates)).toEqual([day]);
      expect(listed.summary).toContain(`| ${day} (`);
      expect(listed.stdout + listed.summary + listed.files.output).not.toMatch(/T16:00:00Z/);
    },
  );

  it("mode: plan, api-version 2018-07-13: the summary's Not after is the day", async () => {
    const certificates = JSON.stringify([
      { name: 'day', domains: 'day.example.com', 'certificate-api': 'acme' },
    ]);
    const plan = await run({ mode: 'plan', 'api-version': '2018-07-13', certificates });
    expect(plan.exitCode, plan.stdout).toBe(0);
    expect(plan.summary).toMatch(
      new RegExp(`\\| day \\| day\\.example\\.com \\| ok \\| \\d+ \\| ${day} \\|`),
    );
    expect(plan.stdout + plan.summary + plan.files.output).not.toMatch(/T16:00:00Z/);
  });
});
