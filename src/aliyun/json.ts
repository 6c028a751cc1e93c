// JSON parsing that keeps every digit of integers beyond 2^53 (order ids are Long at the service).
// Node 20's JSON.parse has no reviver source access, so unsafe integer literals are quoted before parsing.
// One regular expression skips strings whole: a loop over each character cost ~6 ms on an answer carrying a
// certificate, a tenth of a no-op run.

const STRING_OR_LONG_INTEGER = /("(?:[^"\\]|\\.)*")|(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g;

export function parseJsonLosslessly(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  const quoted = text.replace(STRING_OR_LONG_INTEGER, (whole, string: string | undefined, digits: string) => {
    if (string !== undefined) return whole;
    const value = BigInt(digits);
    const unsafe = value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER);
    return unsafe ? `"${digits}"` : whole;
  });
  return JSON.parse(quoted);
}

/** A JSON object, or undefined for anything else (not JSON, an array, null): for answers read field by field. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
