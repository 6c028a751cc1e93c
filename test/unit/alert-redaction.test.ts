// What goes into an alert issue: untrusted text only as inert code, every registered secret redacted in each form.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fenced, inlineCode } from '../../src/alert/events.js';
import { redactSecrets, rememberSecret } from '../../src/core/secrets.js';

describe('fenced and inlineCode', () => {
  it('a fence longer than any backtick run inside, so the text cannot close it', () => {
    const text = 'a ``` b ```` c\n@team';
    expect(fenced(text)).toBe(`\`\`\`\`\`text\n${text}\n\`\`\`\`\``);
    expect(inlineCode('x `y` z\nw')).toBe('`` x `y` z w ``');
    expect(inlineCode('[click](https://evil.example)')).toBe('`[click](https://evil.example)`');
  });
});

describe('redactSecrets', () => {
  it('redacts raw, URL-encoded (every way, either case) and double-encoded forms of a remembered secret', () => {
    const secret = "p@ss w/rd+&=?#%!'";
    rememberSecret(secret);
    const once = encodeURIComponent(secret);
    const forms = [
      secret,
      once,
      once.toLowerCase(),
      encodeURIComponent(once),
      new URLSearchParams({ v: secret }).toString().slice(2),
      once.replace(/[!']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    ];
    for (const form of forms) expect(redactSecrets(`before ${form} after`)).toBe('before *** after');
    expect(redactSecrets('token ghs_abc123 here', ['ghs_abc123'])).toBe('token *** here');
  });
});

describe('one way to register a secret', () => {
  it('no module but src/deliver/outputs.ts calls core.setSecret (so that every secret is remembered)', () => {
    const root = join(import.meta.dirname, '../../src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && /\bsetSecret\s*\(/.test(readFileSync(path, 'utf8')))
          offenders.push(path.slice(root.length + 1));
      }
    };
    walk(root);
    expect(offenders).toEqual(['deliver/outputs.ts']);
  });
});
