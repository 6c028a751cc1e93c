// Reading loosely typed service JSON into exact values: ids stay decimal strings, every digit kept.
import { isRecord } from '../core/records.js';

export function idField(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

export function textField(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function numberField(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** Millisecond timestamps (the list API's Long fields); seconds are accepted too, as some samples show. */
export function dateField(value: unknown): Date | undefined {
  const n = numberField(value);
  if (n <= 0) return undefined;
  return new Date(n < 1e12 ? n * 1000 : n);
}

/** Alibaba Cloud wraps arrays as `{ Record: [...] }` in some products and not in others. */
export function listField(value: unknown, wrapper?: string): Record<string, unknown>[] {
  const inner = wrapper && isRecord(value) ? value[wrapper] : value;
  if (Array.isArray(inner)) return inner.filter(isRecord);
  return isRecord(inner) ? [inner] : [];
}
