// Pure: text taken from a service answer (Message, Recommend) may echo the request it answers, signature and
// nonce included (a gateway that repeats the query it could not parse). Such text reaches logs and the failure
// annotation, so every credential-bearing value is cut out first (docs/faults.md, "Nothing leaks").

/** Request fields whose values must never be repeated: the signature, the nonce and every credential. */
const SECRET_FIELDS = [
  'Signature',
  'SignatureNonce',
  'AccessKeyId',
  'AccessKeySecret',
  'SecurityToken',
  'Credential',
  'x-acs-signature-nonce',
  'x-acs-security-token',
  'x-acs-content-sha256',
  'Authorization',
];

/** How deep an echo may percent-encode a request: a signer's string to sign encodes the query twice. */
const MAX_ENCODING_DEPTH = 3;

/**
 * `=` as written at depth 0 to 3 (`=`, `%3D`, `%253D`, `%25253D`), and `&`, which starts a name (`%26SecurityToken`,
 * no word boundary there) and ends a value, likewise.
 */
const EQUALS = '(?:[=:]|%(?:25){0,2}3D)';
const VALUE_CHAR = `(?!%(?:25){0,2}26)[^&\\s"',;]`;

const FIELD_VALUE = new RegExp(
  `(["']?(?:\\b|(?<=%(?:25){0,2}26))(?:${SECRET_FIELDS.join('|')})\\b["']?\\s*${EQUALS}\\s*["']?)((?:${VALUE_CHAR})+)`,
  'gi',
);

/** Literal values shorter than this are not scrubbed as such (they would cut ordinary words). */
const MIN_LITERAL_LENGTH = 6;

/** RFC 3986 encoding, as the signer writes a value (JavaScript's encoder leaves `!'()*` as they are). */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `value` percent-encoded once, twice and three times, by the signer's rules and by JavaScript's: the forms in
 * which an echo of the request (a query string, a string to sign) repeats it. Only those that differ from it.
 */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>();
  let signer = value;
  let script = value;
  for (let depth = 1; depth <= MAX_ENCODING_DEPTH; depth++) {
    signer = rfc3986(signer);
    script = encodeURIComponent(script);
    forms.add(signer).add(script);
  }
  forms.delete(value);
  return [...forms];
}

/**
 * `text` with the values of the request's secret fields replaced by `***`, whether they appear as `name=value`,
 * `"name": "value"`, percent-encoded up to three times, or bare (the literal values given, in every such form).
 */
export function scrubEchoedRequest(text: string, literals: readonly (string | undefined)[] = []): string {
  let out = text.replace(FIELD_VALUE, '$1***');
  const values = new Set<string>();
  for (const value of literals) {
    if (!value || value.length < MIN_LITERAL_LENGTH) continue;
    values.add(value);
    for (const form of encodedForms(value)) values.add(form);
  }
  // Longest first, so that a value containing another is cut whole.
  for (const value of [...values].sort((a, b) => b.length - a.length)) out = out.split(value).join('***');
  return out;
}

/** Where a refused signature's Message starts repeating the server's signing input (string to sign, canonical request). */
const SIGNING_INPUT = /[\s.,:;]*\b(?:server )?string to sign is\s*:/i;

/**
 * A Message split into what a failure may say and the server's signing input (some 640 characters of the whole
 * query), which only the debug log gets: it helps compare signers, and it repeats every parameter.
 */
export function splitSigningInput(message: string): { message: string; signingInput?: string } {
  const match = SIGNING_INPUT.exec(message);
  if (!match) return { message };
  const kept = message.slice(0, match.index).replace(/[\s.,:;]+$/, '');
  return {
    message: `${kept || 'The signature does not match'}.`,
    signingInput: message.slice(match.index).replace(/^[\s.,:;]+/, ''),
  };
}
