// What a run means for the alert issues (src/alert/events.ts).
import { describe, expect, it } from 'vitest';
import { alertTitle, eventsForPlan, eventsForRun } from '../../src/alert/events.js';
import { planFleet } from '../../src/fleet/decide.js';
import { parseFleetEntries } from '../../src/fleet/entries.js';

describe('alert events', () => {
  it('titles an issue by the sorted domains, so every run finds the same one', () => {
    expect(alertTitle(['www.example.com', 'example.com'])).toBe(
      'Certificate alert: example.com, www.example.com',
    );
    expect(alertTitle([], '123')).toBe('Certificate alert: order 123');
  });

  it('a failure is failing, a renewal resolves, few days left without renewal is expiring', () => {
    const base = { domains: ['a.example.com'], runUrl: 'https://github.com/o/r/actions/runs/1' };
    const [failed] = eventsForRun({ ...base, failure: 'No quota left' }, 7);
    expect(failed).toMatchObject({ kind: 'failing', title: 'Certificate alert: a.example.com' });
    expect(failed?.body).toContain('No quota left');
    expect(failed?.body).toContain(base.runUrl);
    expect(eventsForRun({ ...base, status: 'issued' }, 7)[0]?.kind).toBe('resolved');
    expect(eventsForRun({ ...base, status: 'unchanged', daysLeft: 3 }, 7)[0]?.kind).toBe('expiring');
    expect(eventsForRun({ ...base, status: 'unchanged', daysLeft: 40 }, 7)).toEqual([]);
  });

  it('a plan reports certificates below alert-before-days and resolves the ones renewed', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const at = (d: number) => new Date(now.getTime() + d * 86_400_000);
    const list = parseFleetEntries(
      JSON.stringify([
        { name: 'low', domains: 'low.example.com' },
        { name: 'fine', domains: 'fine.example.com' },
        { name: 'new', domains: 'new.example.com' },
      ]),
      { renewBeforeDays: 30 },
    );
    const plan = planFleet(
      list,
      [
        { source: 'order', id: '1', domains: ['low.example.com'], state: 'valid', notAfter: at(2) },
        { source: 'order', id: '2', domains: ['fine.example.com'], state: 'valid', notAfter: at(60) },
      ],
      now,
    );
    const events = eventsForPlan(plan, 7);
    expect(events.map((e) => [e.title, e.kind])).toEqual([
      ['Certificate alert: low.example.com', 'expiring'],
      ['Certificate alert: fine.example.com', 'resolved'],
    ]);
  });
});
