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

const FIELD_VALUE = new RegExp(
  `(["']?\\b(?:${SECRET_FIELDS.join('|')})\\b["']?\\s*[=:]\\s*["']?)([^&\\s"',;]+)`,
  'gi',
);

/** Literal values shorter than this are not scrubbed as such (they would cut ordinary words). */
const MIN_LITERAL_LENGTH = 6;

/**
 * `text` with the values of the request's secret fields replaced by `***`, whether they appear as `name=value`,
 * `"name": "value"`, or bare (the literal values given, raw and percent-encoded).
 */
export function scrubEchoedRequest(text: string, literals: readonly (string | undefined)[] = []): string {
  let out = text.replace(FIELD_VALUE, '$1***');
  const values = new Set<string>();
  for (const value of literals) {
    if (!value || value.length < MIN_LITERAL_LENGTH) continue;
    values.add(value);
    values.add(encodeURIComponent(value));
  }
  // Longest first, so that a value containing another is cut whole.
  for (const value of [...values].sort((a, b) => b.length - a.length)) out = out.split(value).join('***');
  return out;
}
