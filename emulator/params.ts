// Typed access to an operation's request parameters, with the service's validation errors.
import { invalidParameter, missingParameter } from './errors.js';
import type { JsonValue } from './json.js';

export class RequestParams {
  constructor(private readonly values: Map<string, string>) {}

  /** Every parameter as sent, signature and common ones included (an idempotence check compares them). */
  entries(): Array<[string, string]> {
    return [...this.values.entries()];
  }

  /** The value, or undefined when absent or empty (the SDK omits unset fields; empty means unset too). */
  optional(name: string, ...aliases: string[]): string | undefined {
    for (const candidate of [name, ...aliases]) {
      const value = this.values.get(candidate);
      if (value !== undefined && value !== '') return value;
    }
    return undefined;
  }

  required(name: string, ...aliases: string[]): string {
    const value = this.optional(name, ...aliases);
    if (value === undefined) throw missingParameter(name);
    return value;
  }

  /** A Long parameter, kept exact as bigint. */
  requiredLong(name: string, ...aliases: string[]): bigint {
    const text = this.required(name, ...aliases).trim();
    if (!/^-?\d{1,19}$/.test(text))
      throw invalidParameter(name, `"${text}" is not an integer`, 'InvalidParameter');
    return BigInt(text);
  }

  /** A positive integer (page number, page size), with a default and an upper bound. */
  positiveInteger(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text.trim()))
      throw invalidParameter(name, `"${text}" is not a positive integer`, 'InvalidParameter');
    const value = Number(text.trim());
    if (value < 1) throw invalidParameter(name, 'must be at least 1', 'InvalidParameter');
    if (value > max) throw invalidParameter(name, `must be at most ${max}`, 'InvalidParameter');
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const match = allowed.find((candidate) => candidate.toUpperCase() === text.toUpperCase());
    if (!match) throw invalidParameter(name, `"${text}" is not one of ${allowed.join(', ')}`);
    return match;
  }
}

/** One operation: returns the response body without RequestId, or throws ApiError. */
export type ActionHandler = (
  params: RequestParams,
) => Promise<Record<string, JsonValue>> | Record<string, JsonValue>;
