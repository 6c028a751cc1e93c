// Pure: text taken from a service answer (Message, Recommend) may echo the request it answers, signature and
// nonce included (a gateway that repeats the query it could not parse). Such text reaches logs and the failure
// annotation, so every credential-bearing value is cut out first (docs/faults.md, "Nothing leaks").
import { cutOut, encodedForms } from '../core/secrets.js';

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

/**
 * `text` with the values of the request's secret fields replaced by `***`, whether they appear as `name=value`,
 * `"name": "value"`, percent-encoded up to three times, or bare (the literal values given, in every such form).
 */
export function scrubEchoedRequest(text: string, literals: readonly (string | undefined)[] = []): string {
  const values = literals
    .filter((value): value is string => !!value && value.length >= MIN_LITERAL_LENGTH)
    .flatMap((value) => [value, ...encodedForms(value)]);
  return cutOut(text.replace(FIELD_VALUE, '$1***'), values);
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
