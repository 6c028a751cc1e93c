// Pure: the next wait between status checks (backoff from poll-interval up to max-poll-interval, bounded by the deadline).

export interface PollSchedule {
  firstMs: number;
  maxMs: number;
  deadline: number;
}

export function nextPollDelayMs(previousMs: number | undefined, schedule: PollSchedule): number {
  const grown = previousMs === undefined ? schedule.firstMs : Math.min(schedule.maxMs, previousMs * 2);
  return Math.max(0, grown);
}
