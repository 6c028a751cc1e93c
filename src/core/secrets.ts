// Every value the run registers as a secret (src/deliver/outputs.ts maskSecret), remembered so that text the
// runner's log masking does not cover (an alert issue, docs/alerts.md) is redacted against the same values.

const remembered = new Set<string>();

/** Shorter values are not redacted as such: they would cut ordinary words (the runner masks them in logs). */
const MIN_LENGTH = 3;

export function rememberSecret(value: string): void {
  if (value.length >= MIN_LENGTH) remembered.add(value);
}

/** Percent-encoding as the signer writes it: RFC 3986 unreserved characters stay, all else is %XX. */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const formEncoded = (s: string) => new URLSearchParams({ v: s }).toString().slice(2);
const ENCODINGS = [encodeURIComponent, rfc3986, formEncoded];

/** A secret as it may appear in text: raw, URL-encoded (each way), and encoded twice. */
function formsOf(secret: string): string[] {
  const once = ENCODINGS.map((encode) => encode(secret));
  const twice = once.flatMap((e) => ENCODINGS.map((encode) => encode(e)));
  const forms = [secret, ...once, ...twice];
  // Percent-escapes are case-insensitive: %2f is %2F.
  return [...forms, ...forms.map((f) => f.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()))];
}

/** `text` with every remembered secret (and `extra`) replaced by `***`, in each of its forms, longest first. */
export function redactSecrets(text: string, extra: readonly (string | undefined)[] = []): string {
  const secrets = [...remembered, ...extra.filter((s): s is string => Boolean(s && s.length >= MIN_LENGTH))];
  const forms = new Set(secrets.flatMap(formsOf));
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
  return out;
}
