// Chaos mode is seeded: the same seed draws the same faults; it keeps within what the service does.
import { describe, expect, it } from 'vitest';
import { Chaos, seededRandom } from './chaos.js';

describe('chaos mode', () => {
  it('draws the same sequence for the same seed, another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(1)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('faults every kind it promises, and only throttles state-changing calls other than creates', () => {
    const chaos = new Chaos({
      seed: 3,
      rates: { throttle: 0.2, serverError: 0.2, reset: 0.2, createRefused: 0.3, createAnswerLost: 0.3 },
    });
    const kinds = new Set<string>();
    for (let i = 0; i < 400; i++) {
      for (const action of ['DescribeCertificateState', 'CreateCertificateForPackageRequest']) {
        const fault = chaos.pick(action);
        if (fault) kinds.add(`${action}:${fault.kind}`);
      }
      const write = chaos.pick('DeleteDomainRecord');
      if (write) expect(write.kind).toBe('throttle');
    }
    expect([...kinds].sort()).toEqual([
      'CreateCertificateForPackageRequest:drop-after',
      'CreateCertificateForPackageRequest:throttle',
      'CreateCertificateForPackageRequest:unavailable',
      'DescribeCertificateState:drop-before',
      'DescribeCertificateState:internal',
      'DescribeCertificateState:throttle',
      'DescribeCertificateState:unavailable',
    ]);
    const hints = Array.from({ length: 50 }, (_, seed) =>
      new Chaos({ seed, rates: { throttle: 1 } }).pick('ListX'),
    );
    expect(hints.some((h) => typeof h?.retryAfter === 'number')).toBe(true);
    expect(hints.some((h) => typeof h?.retryAfter === 'string')).toBe(true);
    expect(hints.some((h) => h?.retryAfter === undefined)).toBe(true);
  });
});
