// Percent-encoding as Alibaba Cloud signers apply it, and tolerant parsing of what clients put on the wire.
import { ApiError } from './errors.js';

/** RFC 3986 encoding used in string-to-sign: encodeURIComponent plus !'()* ; space is %20, ~ stays. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Parses `a=1&b=x%20y` (query string or form body) into ordered pairs. `+` means space, as in HTML forms
 * and Python's urlencode; the official Node SDK never sends a raw `+` (it sends %2B), so both decode alike.
 */
export function parseUrlEncoded(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (text === '') return pairs;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawName = equals === -1 ? part : part.slice(0, equals);
    const rawValue = equals === -1 ? '' : part.slice(equals + 1);
    pairs.push([decodeComponent(rawName), decodeComponent(rawValue)]);
  }
  return pairs;
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new ApiError(
      400,
      'InvalidParameter',
      `Malformed percent-encoding in request: "${raw.slice(0, 80)}".`,
    );
  }
}

/** Format of Timestamp / x-acs-date: ISO 8601 UTC to the second, e.g. 2013-01-10T12:00:00Z. */
export function parseSignatureTimestamp(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  // Reject calendar overflow such as 2024-02-31, which Date.parse would roll over.
  if (new Date(ms).toISOString().slice(0, 19) !== text.slice(0, 19)) return undefined;
  return ms;
}
