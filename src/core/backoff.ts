// Pure: back-off across runs after an order failed review (verify_fail), as cert-manager backs off a failed
// request: the next order waits 1 h, then 2 h, 4 h … up to 32 h, unless the inputs that shape the order changed
// (then the user fixed something and the next run orders at once). Kept beside the resume record
// (src/action/state.ts); docs/faults.md, "Nothing ordered twice".
import { createHash } from 'node:crypto';

export const FIRST_BACKOFF_MS = 3_600_000;
export const MAX_BACKOFF_MS = 32 * 3_600_000;

export interface BackoffRecord {
  /** Failed reviews in a row with these inputs. */
  failures: number;
  /** ISO 8601: no order before this. */
  nextTryAt: string;
  /** Hash of the inputs that shape an order (inputsKey). */
  inputs: string;
}

/** The inputs that shape an order (a Config is one). */
export interface OrderShapingInputs {
  productCode?: string;
  createOperation: string;
  csr?: string;
  validationMethod: string;
  dnsProvider: string;
  dnsHook?: string;
  fileValidationRoot?: string;
  contact: object;
}

/** A hash of everything that changes what is ordered or how it is validated. */
export function inputsKey(config: OrderShapingInputs, domains: string[]): string {
  const shape = {
    domains: [...domains].sort(),
    product: config.productCode ?? '',
    operation: config.createOperation,
    csr: config.csr ?? '',
    validation: config.validationMethod,
    provider: config.dnsProvider,
    hook: config.dnsHook ?? '',
    root: config.fileValidationRoot ?? '',
    contact: config.contact,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 32);
}

export function backoffDelayAfter(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}

/** The record after one more failed review at `now`. */
export function afterFailedReview(
  previous: BackoffRecord | undefined,
  inputs: string,
  now: Date,
): BackoffRecord {
  const failures = previous && previous.inputs === inputs ? previous.failures + 1 : 1;
  return { failures, inputs, nextTryAt: new Date(now.getTime() + backoffDelayAfter(failures)).toISOString() };
}

/** When ordering must wait: the record is for these inputs and its time has not come. */
export function backoffUntil(record: BackoffRecord | undefined, inputs: string, now: Date): Date | undefined {
  if (!record || record.inputs !== inputs || record.failures <= 0) return undefined;
  const at = new Date(record.nextTryAt);
  return Number.isNaN(at.getTime()) || at.getTime() <= now.getTime() ? undefined : at;
}
