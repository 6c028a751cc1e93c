// The year simulation, short (scripts/simulation/year.ts; `npm run simulate` runs the whole year): daily plans and
// the renewal jobs they start, through the built action, with chaos on at a fixed seed. Every promise it checks
// is a line in `violations`: none expired or came within 7 days, one order per renewal, quota spent equals
// renewals, no validation record left, alerts open exactly for what is failing.
import { describe, expect, it } from 'vitest';
import { timelineSvg, timelineText } from '../../scripts/simulation/chart.js';
import { simulateYear } from '../../scripts/simulation/year.js';

describe('a simulated stretch of daily runs', () => {
  it('60 days of 6 certificates under chaos and a failing validation: each renewed once, in its window, alerted while failing, nothing broken', async () => {
    const report = await simulateYear({ days: 60, certificates: 6, seed: 1 });
    expect(report.violations).toEqual([]);
    // The seeded expiries fall 35 to 80 days out with a 30-day window: every one comes due within 50 days.
    expect(report.certificates.map((c) => c.renewedOn.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(report.renewals).toBe(6);
    expect(report.quotaSpent).toBe(6);
    expect(report.orders).toBe(6);
    expect(report.chaosFaults).toBeGreaterThan(0);
    // The CA failed cert-00's validation on days 3 to 6: its jobs failed, an alert opened, the renewal closed it.
    expect(report.certificates[0]?.failedOn.length).toBeGreaterThan(0);
    expect(report.alerts).toEqual({ opened: 1, closed: 1 });
    for (const cert of report.certificates) {
      expect(cert.daysLeft).toHaveLength(60);
      expect(Math.min(...cert.daysLeft.map((d) => d ?? -1))).toBeGreaterThanOrEqual(7);
    }
    const text = timelineText(report);
    for (const cert of report.certificates) expect(text).toMatch(new RegExp(`^${cert.name} .*R`, 'm'));
    const svg = timelineSvg(report);
    expect(svg.match(/<polyline /g)).toHaveLength(6);
  }, 240_000);
});
