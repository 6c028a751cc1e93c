// Pure: the next wait between status checks. The ceiling grows from poll-interval (doubling) up to
// max-poll-interval; the wait is drawn uniformly in [poll-interval, ceiling] (full jitter above the floor, as the
// client's retries do), so two runs started together do not poll in step. Bounded by the deadline by the caller.

export interface PollSchedule {
  firstMs: number;
  maxMs: number;
  deadline: number;
}

/** The ceiling of the `check`-th wait (1-based): min(max, first·2^(check−1)). */
export function pollCeilingMs(check: number, schedule: PollSchedule): number {
  return Math.min(schedule.maxMs, schedule.firstMs * 2 ** Math.max(0, check - 1));
}

/** The `check`-th wait: uniform in [first, ceiling]; the first wait is poll-interval itself. */
export function nextPollDelayMs(
  check: number,
  schedule: PollSchedule,
  random: () => number = Math.random,
): number {
  const floor = Math.min(schedule.firstMs, schedule.maxMs);
  const ceiling = pollCeilingMs(check, schedule);
  return Math.max(0, Math.round(floor + random() * (ceiling - floor)));
}
