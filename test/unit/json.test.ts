import { describe, expect, it } from 'vitest';
import { parseJsonLosslessly, parseJsonObject } from '../../src/aliyun/json.js';

describe('parseJsonLosslessly', () => {
  it('keeps every digit of integers beyond 2^53 as decimal strings', () => {
    const parsed = parseJsonLosslessly(
      '{"OrderId":98987582437920968,"List":[{"OrderId":-9007199254740993}]}',
    );
    expect(parsed).toEqual({ OrderId: '98987582437920968', List: [{ OrderId: '-9007199254740993' }] });
  });

  it('leaves safe numbers, floats and exponents as numbers', () => {
    // A fraction with many digits is a float at the service too: it is parsed as one, not quoted.
    const parsed = parseJsonLosslessly('{"a":9007199254740991,"b":1.5,"c":1e21,"d":12345678901234567.5}');
    expect(parsed).toEqual({ a: 9007199254740991, b: 1.5, c: 1e21, d: 12345678901234568 });
  });

  it('does not touch digits inside strings, escaped quotes included', () => {
    const text = '{"s":"id 98987582437920968 \\" 98987582437920969","n":98987582437920970}';
    expect(parseJsonLosslessly(text)).toEqual({
      s: 'id 98987582437920968 " 98987582437920969',
      n: '98987582437920970',
    });
  });

  it('still rejects malformed JSON', () => {
    expect(() => parseJsonLosslessly('{"OrderId":98987582437920968')).toThrow();
  });
});

describe('parseJsonObject', () => {
  it('gives an object, and undefined for anything else', () => {
    expect(parseJsonObject('{"value":"token"}')).toEqual({ value: 'token' });
    for (const text of ['', '<html>', 'null', '[1]', '"token"', '{"value":'])
      expect(parseJsonObject(text), text).toBeUndefined();
  });
});
