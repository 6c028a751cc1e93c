// Pure, but for one store: every value the run registers as a secret (src/deliver/outputs.ts maskSecret),
// remembered so that text the runner's log masking does not cover (an alert issue, a hook's output) is redacted
// against the same values; and the one account of the forms in which a secret may come back encoded.

const remembered = new Set<string>();

/** Shorter values are not redacted as such: they would cut ordinary words (the runner masks them in logs). */
const MIN_LENGTH = 3;

/** How deep an echo may percent-encode a value: a signer's string to sign encodes the query twice. */
const MAX_ENCODING_DEPTH = 3;

/** Percent-encoding as the signer writes it: RFC 3986 unreserved characters stay, all else is %XX. */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const formEncoded = (s: string) => new URLSearchParams({ v: s }).toString().slice(2);
const ENCODINGS = [rfc3986, encodeURIComponent, formEncoded];

/** Remembers a value; false when it was remembered already (so that it is announced to the runner once). */
export function rememberSecret(value: string): boolean {
  if (remembered.has(value)) return false;
  remembered.add(value);
  return true;
}

/**
 * `value` percent-encoded once, twice and three times by each encoder (the signer's, JavaScript's, a form's): the
 * forms in which an echo of a request (a query string, a string to sign) repeats it. Only those that differ from it.
 */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>();
  for (const encode of ENCODINGS) {
    let form = value;
    for (let depth = 1; depth <= MAX_ENCODING_DEPTH; depth++) {
      form = encode(form);
      forms.add(form);
    }
  }
  forms.delete(value);
  return [...forms];
}

/** `text` with each of `values` replaced by `***`, longest first, so that a value containing another goes whole. */
export function cutOut(text: string, values: Iterable<string>): string {
  let out = text;
  for (const value of [...new Set(values)].sort((a, b) => b.length - a.length))
    out = out.split(value).join('***');
  return out;
}

/** `text` with every remembered secret (and `extra`) replaced by `***`, raw or encoded, escapes in either case. */
export function redactSecrets(text: string, extra: readonly (string | undefined)[] = []): string {
  const secrets = [...remembered, ...extra].filter((s): s is string => Boolean(s && s.length >= MIN_LENGTH));
  const forms = secrets.flatMap((secret) => [secret, ...encodedForms(secret)]);
  // Percent-escapes are case-insensitive: %2f is %2F.
  return cutOut(text, [...forms, ...forms.map((f) => f.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()))]);
}

const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;

/**
 * Every private key anywhere in an answer (any field, any depth), as sent and re-wrapped at 64 columns as the
 * action publishes it: the forms to mask the moment the answer arrives, before any line about it is printed.
 */
export function privateKeysIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    const match = PRIVATE_KEY_BLOCK.exec(value);
    if (match !== null) {
      const lines = (match[2] ?? '').replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
      found.push(value, `-----BEGIN ${match[1]}-----\n${lines.join('\n')}\n-----END ${match[1]}-----\n`);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) privateKeysIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) privateKeysIn(item, found);
  }
  return found;
}
