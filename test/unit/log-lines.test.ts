// Log lines the runner cannot read as workflow commands, whatever a string from the service holds.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inertAnnotation, inertLogger, inertLogLine, type Logger } from '../../src/core/log.js';

describe('inertLogLine', () => {
  it('writes line breaks and control characters as escapes, so the message stays one line', () => {
    const line = inertLogLine('example.com\n::stop-commands::x\r\n::add-mask::y\rz\u0000\u001b[31m\u0085');
    expect(line).toBe('example.com\\n::stop-commands::x\\r\\n::add-mask::y\\rz\\u0000\\u001b[31m\\u0085');
    expect(line.split(/\r\n|\r|\n/)).toHaveLength(1);
  });

  it('splits a leading :: and spaces the legacy ##[ form', () => {
    expect(inertLogLine('::stop-commands::x')).toBe(': :stop-commands::x');
    expect(inertLogLine('  ::error::x')).toBe('  : :error::x');
    expect(inertLogLine('a ##[add-mask]b')).toBe('a ## [add-mask]b');
  });

  it('leaves ordinary lines alone, tabs and inner colons included', () => {
    const text = 'Order 123: certificate\tvalid until 2027-01-01T00:00:00Z (see https://x.example/a::b).';
    expect(inertLogLine(text)).toBe(text);
  });
});

describe('inertAnnotation', () => {
  it('keeps line breaks (escaped by @actions/core) and escapes the other control characters', () => {
    expect(inertAnnotation('first\nsecond\u0000 ##[x]')).toBe('first\nsecond\\u0000 ## [x]');
  });
});

describe('inertLogger', () => {
  it('makes every level inert', () => {
    const written: string[] = [];
    const sink: Logger = {
      debug: (m) => written.push(`debug ${m}`),
      info: (m) => written.push(`info ${m}`),
      notice: (m) => written.push(`notice ${m}`),
      warning: (m) => written.push(`warning ${m}`),
    };
    const log = inertLogger(sink);
    log.info('a\n::x::');
    log.notice('b\u0000');
    log.warning('c\u0007');
    log.debug('d\u0000');
    expect(written).toEqual(['info a\\n::x::', 'notice b\\u0000', 'warning c\\u0007', 'debug d\\u0000']);
  });
});

describe('the one writer of log lines', () => {
  it('no module but src/action/runner.ts writes a log line through @actions/core or the console', () => {
    const root = join(import.meta.dirname, '../../src');
    const writers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          if (
            /\bcore\.(info|notice|warning|error|debug|setFailed|startGroup)\(|process\.stdout\.write/.test(
              text,
            )
          )
            writers.push(relative(root, path));
        }
      }
    };
    walk(root);
    expect(writers).toEqual(['action/runner.ts']);
  });
});
