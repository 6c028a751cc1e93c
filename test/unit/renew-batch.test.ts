// The batch job's logic (src/batch/batch.ts): which inputs each entry's run gets, how the runner's command files
// are read, and what a batch reports; test/e2e/fleet-plan.test.ts runs the bundle against the emulator.
import { describe, expect, it } from 'vitest';
import {
  type BatchEntry,
  inputsOf,
  inputVariables,
  parseCertificates,
  parseCommandFile,
  parseCommonInputs,
  type RunStep,
  refusedKey,
  renewEntry,
  summaryOf,
} from '../../src/batch/batch.js';

describe('renew-batch', () => {
  it("gives each run `mode: issue`, the batch's inputs, then the entry's own, without the plan's keys", () => {
    const entry: BatchEntry = {
      name: 'www',
      plan: 'due',
      domains: 'example.com',
      'renew-before-days': 30,
      'order-id': '',
      'instance-id': null,
      'artifact-name': 'certificate-www',
      'artifact-retention-days': 7,
    };
    const inputs = inputsOf(entry, { 'fail-on-pending': 'false', 'renew-before-days': '10' });
    expect(inputs).toEqual({
      mode: 'issue',
      'fail-on-pending': 'false',
      'renew-before-days': '30',
      domains: 'example.com',
    });
    expect(inputVariables(inputs)).toMatchObject({ 'INPUT_RENEW-BEFORE-DAYS': '30', INPUT_MODE: 'issue' });
  });

  it('reads `name=value` lines and `name<<DELIMITER` blocks', () => {
    const text = 'status=issued\ncertificate<<EOF_1\nline one\nline=two\nEOF_1\nchanged=true\n';
    expect(parseCommandFile(text)).toEqual({
      status: 'issued',
      certificate: 'line one\nline=two',
      changed: 'true',
    });
  });

  it('runs main, then post with the saved state as STATE_*, and names a failed main step', async () => {
    const calls: Array<Record<string, string>> = [];
    const step =
      (ok: boolean): RunStep =>
      async (_inputs, extraEnv) => {
        calls.push(extraEnv);
        const outputs: Record<string, string> = ok ? { status: 'renewed', changed: 'true' } : {};
        return { ok, outputs, state: { isPost: 'true' } };
      };
    expect(await renewEntry({ name: 'a' }, {}, step(true))).toEqual({
      name: 'a',
      status: 'renewed',
      changed: true,
    });
    expect(calls).toEqual([{}, { STATE_isPost: 'true' }]);
    expect(await renewEntry({ name: 'b' }, {}, step(false))).toEqual({
      name: 'b',
      status: 'failed',
      changed: false,
    });
    const noStatus: RunStep = async () => ({ ok: true, outputs: {}, state: {} });
    expect((await renewEntry({ name: 'c' }, {}, noStatus)).status).toBe('done');
  });

  it('refuses, unrun, an entry with a key that is not an entry input (src/fleet/entry-keys.ts)', async () => {
    const lines: string[] = [];
    let runs = 0;
    const step: RunStep = async () => {
      runs++;
      return { ok: true, outputs: {}, state: {} };
    };
    for (const key of ['endpoint', 'dns-hook', 'mode', 'access-key-secret', 'sts-endpoint']) {
      const entry: BatchEntry = { name: key, domains: 'example.com', [key]: 'x' };
      expect(refusedKey(entry)).toMatch(new RegExp(`^key '${key}' is not an entry input`));
      expect(await renewEntry(entry, {}, step, (line) => lines.push(line))).toMatchObject({
        status: 'failed',
      });
    }
    expect(runs).toBe(0);
    expect(lines[0]).toMatch(/^::error::endpoint: refused: key 'endpoint'/);
    expect(refusedKey({ name: 'ok', plan: 'due', domains: 'a', 'cdn-domains': 'a', 'order-id': '1' })).toBe(
      undefined,
    );
  });

  it('sums the batch up as a table', () => {
    expect(summaryOf([{ name: 'a', status: 'issued', changed: true }])).toBe(
      '\n#### Batch (1)\n\n| Certificate | Status | Changed |\n| --- | --- | --- |\n| a | issued | true |\n',
    );
  });

  it('reads CERTIFICATES and BATCH_INPUTS, empty when unset, and says what is wrong with them', () => {
    expect(parseCertificates(undefined)).toEqual([]);
    expect(parseCommonInputs('')).toEqual({});
    expect(parseCertificates('[{"name":"www","domains":"example.com"}]')).toEqual([
      { name: 'www', domains: 'example.com' },
    ]);
    expect(() => parseCertificates('{}')).toThrow(/JSON array/);
    expect(() => parseCertificates('[{"domains":"example.com"}]')).toThrow(/CERTIFICATES\[0\] has no name/);
    expect(() => parseCommonInputs('[]')).toThrow(/JSON object/);
  });
});
