// A DNS write with an unknown outcome is reconciled, then retried (issue 28, item 2): a 503 or a dropped answer on
// AddDomainRecord or DeleteDomainRecord, once, does not fail the run. The zone is read first: a record that is there
// is used (or, for a delete, taken as gone), one that is not is sent again. `node dist/index.js` against the
// emulator's fault injection (emulator/faults.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../emulator/faults.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
/** Record ids the emulator's zone really created, whatever the answers said. */
const created: string[] = [];

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true, chaosMode: false });
  const add = emulator.dns.addRecord.bind(emulator.dns);
  emulator.dns.addRecord = (input) => {
    const record = add(input);
    created.push(record.recordId);
    return record;
  };
});
beforeEach(() => {
  created.length = 0;
  emulator.faults.clear();
  emulator.calls.length = 0;
});
afterAll(() => emulator.close());

/** The validation records of one name still in the zone. */
const validationRecords = (name: string) =>
  emulator.dns.records().filter((r) => r.rr.startsWith('_dnsauth') && r.rr.endsWith(name));
const KINDS: FaultKind[] = ['unavailable', 'drop-before', 'drop-after'];

describe('a DNS write with an unknown outcome is reconciled, then retried', () => {
  it.each(KINDS)('AddDomainRecord %s once: the run succeeds, one record made and removed', async (kind) => {
    emulator.faults.add({ action: 'AddDomainRecord', kind });
    const run = await runAction(emulatorInputs(emulator, { domains: `add-${kind}.example.com` }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect(created).toHaveLength(1);
    expect(validationRecords(`add-${kind}`)).toEqual([]);
    expect(emulator.callsTo('DescribeDomainRecords').length).toBeGreaterThan(0);
  });

  it.each(KINDS)(
    'DeleteDomainRecord %s once: the record is gone and nothing is left to remove',
    async (kind) => {
      emulator.faults.add({ action: 'DeleteDomainRecord', kind });
      const run = await runAction(emulatorInputs(emulator, { domains: `delete-${kind}.example.com` }));
      expect(run.exitCode, run.stdout).toBe(0);
      expect(created).toHaveLength(1);
      expect(validationRecords(`delete-${kind}`)).toEqual([]);
      expect(run.stdout).not.toMatch(/::warning::.*Could not remove/);
      expect(run.state['validation-cleanup'] ?? '[]').toBe('[]');
    },
  );
});
