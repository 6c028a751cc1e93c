// A fleet in the emulator, shared by test/e2e/fleet-plan.test.ts and bench/run.ts: `size` certificates of which
// `fresh` are issued far from due, 3 issued and due (10 days left), 2 never ordered, and 1 with an order in flight.
import type { Emulator } from '../../emulator/server.js';

const DAY = 86_400_000;

export interface Fleet {
  /** The `certificates` input. */
  entries: Array<{ name: string; domains: string }>;
  due: string[];
  inFlight: string[];
}

export async function seedFleet(
  emulator: Emulator,
  size: number,
  zone = 'fleet.example.com',
): Promise<Fleet> {
  const now = emulator.clock.now();
  // The seeded certificates are read from the list only: a few keys shared among them keep seeding fast.
  const recycle = emulator.cas.knobs.recycleLeafKeys;
  emulator.cas.knobs.recycleLeafKeys = true;
  const entries = Array.from({ length: size }, (_, i) => ({
    name: `cert-${String(i).padStart(4, '0')}`,
    domains: `c${i}.${zone}`,
  }));
  const due = entries.slice(0, 5).map((e) => e.name);
  const inFlight = [entries[5]?.name ?? ''];
  for (const [i, entry] of entries.entries()) {
    if (i < 2) continue; // never ordered
    if (i < 5) {
      await emulator.cas.seedOrder({
        domains: [entry.domains],
        notBefore: now - 80 * DAY,
        notAfter: now + 10 * DAY,
        consumeQuota: false,
      });
    } else if (i === 5) {
      await emulator.cas.seedOrder({ domains: [entry.domains], state: 'domain_verify', consumeQuota: false });
    } else {
      await emulator.cas.seedOrder({
        domains: [entry.domains],
        notBefore: now - 10 * DAY,
        notAfter: now + 80 * DAY,
        consumeQuota: false,
      });
    }
  }
  emulator.cas.knobs.recycleLeafKeys = recycle;
  return { entries, due, inFlight };
}
