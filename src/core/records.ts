// Pure: the check that loose JSON (an API answer, a saved state, a user's list) is an object read field by field.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
