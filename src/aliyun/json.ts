// JSON parsing that keeps every digit of integers beyond 2^53 (order ids are Long at the service).
// Node 20's JSON.parse has no reviver source access, so unsafe integer literals are quoted before parsing.

const UNSAFE_DIGITS = 16;

export function parseJsonLosslessly(text: string): unknown {
  let out = '';
  let copiedTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    const startsNumber = (c >= 0x30 && c <= 0x39) || c === 0x2d;
    if (!startsNumber) continue;
    let end = i + 1;
    while (end < text.length && /[0-9.eE+-]/.test(text.charAt(end))) end++;
    const literal = text.slice(i, end);
    if (/^-?\d+$/.test(literal) && literal.replace('-', '').length >= UNSAFE_DIGITS) {
      const value = BigInt(literal);
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
        out += `${text.slice(copiedTo, i)}"${literal}"`;
        copiedTo = end;
      }
    }
    i = end - 1;
  }
  return JSON.parse(copiedTo === 0 ? text : out + text.slice(copiedTo));
}
