// Pure: the `certificates` list of `mode: plan` (entries as in .github/certificates.example.json) → entries the
// planner can decide on. A bad entry does not stop the plan: it is reported `invalid` with its reason, so that one
// typo in a fleet of hundreds never keeps the others from renewing (docs/fleet.md).
import { checkDomainSet, normaliseDomain, parseDomainList } from '../core/domains.js';
import { isRecord } from '../core/records.js';
import { closestKey, ENTRY_KEYS } from './entry-keys.js';

/** As renew.yml has always checked it: a name that is safe in job names, concurrency groups and issue titles. */
export const ENTRY_NAME = /^[A-Za-z0-9._-]{1,64}$/;

export interface FleetEntry {
  name: string;
  domains: string[];
  renewBeforeDays: number;
  productCode?: string;
  /** The entry as given (every per-certificate input), for the renewal job's `with:`. */
  fields: Record<string, unknown>;
}

export interface InvalidEntry {
  /** The name when it has one, else `#<position>` (1-based). */
  name: string;
  reason: string;
}

export interface ParsedEntries {
  entries: FleetEntry[];
  invalid: InvalidEntry[];
}

/** Throws only when the list as a whole is unusable (not a JSON array); the message names no input. */
export function parseFleetEntries(json: string, defaults: { renewBeforeDays: number }): ParsedEntries {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(value)) throw new Error('must be a JSON array of certificate entries');
  const entries: FleetEntry[] = [];
  const invalid: InvalidEntry[] = [];
  const seen = new Set<string>();
  value.forEach((raw, index) => {
    const label = isRecord(raw) && typeof raw.name === 'string' && raw.name ? raw.name : `#${index + 1}`;
    const parsed = parseEntry(raw, defaults);
    if (typeof parsed === 'string') {
      invalid.push({ name: label, reason: parsed });
    } else if (seen.has(parsed.name)) {
      invalid.push({ name: label, reason: `the name ${parsed.name} is used by an earlier entry` });
    } else {
      seen.add(parsed.name);
      entries.push(parsed);
    }
  });
  return { entries, invalid };
}

/** Keys outside src/fleet/entry-keys.ts are refused: an entry never names an endpoint, a hook or a credential. */
function unknownKeyProblem(key: string): string {
  const near = closestKey(key);
  const hint = near ? `did you mean '${near}'?` : `an entry may give: ${ENTRY_KEYS.join(', ')}`;
  return `has an unknown key '${key}' (${hint})`;
}

function parseEntry(raw: unknown, defaults: { renewBeforeDays: number }): FleetEntry | string {
  if (!isRecord(raw)) return 'is not an object with name and domains';
  // First, so that a typo'd `domain` reads as the typo, not as missing domains.
  const unknown = Object.keys(raw).filter((key) => !ENTRY_KEYS.includes(key));
  if (unknown.length > 0) return unknown.map(unknownKeyProblem).join('; ');
  const { name } = raw;
  if (typeof name !== 'string' || !ENTRY_NAME.test(name))
    return 'name must be 1 to 64 letters, digits or . _ - (it names the job and the alert issue)';
  const rawDomains = Array.isArray(raw.domains)
    ? raw.domains.filter((d): d is string => typeof d === 'string').join(',')
    : raw.domains;
  if (typeof rawDomains !== 'string' || rawDomains.trim() === '')
    return 'domains must be a non-empty comma-separated string (or an array of names)';
  const domains = parseDomainList(rawDomains).map(normaliseDomain);
  const domainProblem = checkDomainSet(domains);
  if (domainProblem) return `domains: ${domainProblem}`;
  let renewBeforeDays = defaults.renewBeforeDays;
  const rawDays = raw['renew-before-days'];
  if (rawDays !== undefined && rawDays !== '') {
    const days = Number(rawDays);
    if (!Number.isInteger(days) || days < 0)
      return `renew-before-days must be a whole number of at least 0 (got '${String(rawDays)}')`;
    renewBeforeDays = days;
  }
  const productCode = raw['product-code'];
  if (productCode !== undefined && typeof productCode !== 'string') return 'product-code must be a string';
  return {
    name,
    domains,
    renewBeforeDays,
    productCode: productCode?.trim() || undefined,
    fields: { ...raw, domains: domains.join(',') },
  };
}
