// Poll waits: full jitter in [poll-interval, ceiling], the ceiling doubling up to max-poll-interval.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../emulator/chaos.js';
import { nextPollDelayMs, pollCeilingMs } from '../../src/core/poll.js';

const schedule = { firstMs: 1000, maxMs: 8000, deadline: Number.POSITIVE_INFINITY };

describe('poll waits', () => {
  it('grow their ceiling from poll-interval, doubling, up to max-poll-interval', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => pollCeilingMs(n, schedule))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('are drawn within [poll-interval, ceiling], the bounds included', () => {
    expect(nextPollDelayMs(3, schedule, () => 0)).toBe(1000);
    expect(nextPollDelayMs(3, schedule, () => 1)).toBe(4000);
    expect(nextPollDelayMs(1, schedule, () => 0.7)).toBe(1000);
    const random = seededRandom(7);
    for (let check = 1; check <= 50; check++) {
      const wait = nextPollDelayMs(check, schedule, random);
      expect(wait).toBeGreaterThanOrEqual(1000);
      expect(wait).toBeLessThanOrEqual(pollCeilingMs(check, schedule));
    }
  });

  it('differ between two runs polling the same order at once (no lockstep)', () => {
    const a = seededRandom(1);
    const b = seededRandom(2);
    const gaps = (random: () => number) => [2, 3, 4, 5, 6].map((n) => nextPollDelayMs(n, schedule, random));
    const [ga, gb] = [gaps(a), gaps(b)];
    expect(ga).not.toEqual(gb);
    expect(new Set(ga).size).toBeGreaterThan(1);
  });
});
