// JSON writer that keeps Long values exact: a bigint is written as raw digits (no quotes), so an
// order id above 2^53 reaches the client digit for digit, as the real service's Java backend does.

export type JsonValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | JsonValue[]
  | { [key: string]: JsonValue };

/** Serializes like JSON.stringify, except bigints become bare integer literals; undefined fields are dropped. */
export function toJsonText(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
      return 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => toJsonText(item ?? null)).join(',')}]`;
  const fields: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    fields.push(`${JSON.stringify(key)}:${toJsonText(field)}`);
  }
  return `{${fields.join(',')}}`;
}
