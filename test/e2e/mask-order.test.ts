// Mask before anything is printed after a key arrives (issue 28, item 5): with RUNNER_DEBUG=1 every call answer
// gets a `::debug::` line; the `::add-mask::` of a private key an answer carries must come before that answer's
// debug line and before any other line holding any part of the key. `node dist/index.js` against the emulator,
// behind a proxy that only notes which answers carry a key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type HostileProxy, startHostileProxy } from '../support/hostile-proxy.js';
import { type ActionRun, privateKeyLines, runAction } from '../support/run-action.js';

let emulator: Emulator;
let proxy: HostileProxy;
/** RequestIds of the answers that carried a private key. */
const keyAnswers: string[] = [];

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
  proxy = await startHostileProxy(emulator.url, (_call, answer) => {
    if (answer.status === 200 && answer.body.includes('PRIVATE KEY')) {
      const id = (JSON.parse(answer.body) as { RequestId?: string }).RequestId;
      if (id) keyAnswers.push(id);
    }
    return undefined;
  });
});
beforeEach(() => {
  keyAnswers.length = 0;
  emulator.calls.length = 0;
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

const fromCommandData = (data: string) =>
  data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** Index of the first line that registers `part` as a secret (whole, or as one of a multi-line secret's lines). */
function maskedAt(lines: string[], part: string): number {
  return lines.findIndex((l) => {
    if (!l.startsWith('::add-mask::')) return false;
    const value = fromCommandData(l.slice('::add-mask::'.length));
    return value === part || value.split(/\r?\n/).some((line) => line.trim() === part);
  });
}

function expectMaskedFirst(run: ActionRun): void {
  expect(run.exitCode, run.stdout).toBe(0);
  const key = run.outputs['private-key'] ?? '';
  const parts = privateKeyLines(key);
  expect(parts.length).toBeGreaterThan(0);
  const lines = run.stdout.split('\n');
  expect(keyAnswers.length).toBeGreaterThan(0);
  const answerLines = keyAnswers.map((id) => lines.findIndex((l) => l.includes(`RequestId ${id}`)));
  expect(answerLines.every((i) => i >= 0)).toBe(true);
  const firstAnswerLine = Math.min(...answerLines);
  for (const part of parts) {
    const masked = maskedAt(lines, part);
    expect(masked, `no ::add-mask:: for ${part}`).toBeGreaterThanOrEqual(0);
    // The debug line of the answer that carried the key comes after the key's masks.
    expect(masked, lines[firstAnswerLine]).toBeLessThan(firstAnswerLine);
    // No line before the mask, and no debug line at all, holds the key in clear.
    const clear = lines.findIndex((l) => !l.startsWith('::add-mask::') && l.includes(part));
    if (clear >= 0) expect(masked).toBeLessThan(clear);
    expect(lines.filter((l) => l.startsWith('::debug::') && l.includes(part))).toEqual([]);
  }
}

describe('the masks of a key come before any line printed after it arrives (RUNNER_DEBUG=1)', () => {
  const debug = { env: { RUNNER_DEBUG: '1' } };
  const inputs = (extra: Record<string, string>) =>
    emulatorInputs(emulator, { endpoint: proxy.url, 'dns-endpoint': proxy.url, ...extra });

  it('the order API: the answer of DescribeCertificateState', async () => {
    const run = await runAction(
      inputs({ domains: 'mask-order.example.com', 'certificate-api': 'order' }),
      debug,
    );
    expectMaskedFirst(run);
  });

  it('the V2.0 instance API', async () => {
    emulator.instances.addInstance();
    const run = await runAction(
      inputs({ domains: 'mask-instance.example.com', 'certificate-api': 'instance' }),
      debug,
    );
    expectMaskedFirst(run);
  });

  it('the 2018 DV API', async () => {
    emulator.legacyDv.addInstance();
    const run = await runAction(
      inputs({
        domains: 'mask-legacy.example.com',
        'certificate-api': 'legacy-dv',
        'contact-name': 'Ops',
        'contact-phone': '13800000000',
        'contact-email': 'ops@example.com',
      }),
      debug,
    );
    expectMaskedFirst(run);
  });
});
