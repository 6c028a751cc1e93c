// The one list of what a fleet entry may say (docs/fleet.md). The plan refuses any other key; the renewal job of
// the fleet workflow (examples/renew.yml → .github/workflows/certificate.yml) forwards exactly these; the batch job
// (src/batch/) turns exactly these into inputs. So an entry can never reach an endpoint, a hook, a mode or a
// credential: those come from the workflow alone (test/e2e/fleet-contract.test.ts holds the three to this list).
// Pure data, no import: dist/renew-batch.js bundles it without loading a chunk of the action.

/** Per-certificate inputs an entry may give, besides its `name`. */
export const ENTRY_INPUTS = [
  'domains',
  'product-code',
  'renew-before-days',
  'certificate-api',
  'validation-method',
  'dns-provider',
  'cdn-domains',
  'dcdn-domains',
  'delete-superseded',
  'artifact-name',
  'artifact-retention-days',
] as const;

/** Inputs the plan adds to a matrix entry: the order or instance in flight that its job resumes. */
export const PLAN_INPUTS = ['order-id', 'instance-id'] as const;

/** Every input a matrix entry carries to its renewal. */
export const MATRIX_INPUTS: readonly string[] = [...ENTRY_INPUTS, ...PLAN_INPUTS];

/** Keys of an entry: its name, then its inputs. */
export const ENTRY_KEYS: readonly string[] = ['name', ...ENTRY_INPUTS];

/** The key a typo most likely meant: the closest known key within two edits, if any. */
export function closestKey(key: string, known: readonly string[] = ENTRY_KEYS): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
