// `npm run simulate [-- --days 365 --certificates 20 --seed N]`: a year of daily fleet runs on the emulator
// (scripts/simulation/year.ts), with chaos on; prints the seed, a timeline and every broken promise, and writes
// the chart to docs/simulation.svg. Exits 1 when a promise broke.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { timelineSvg, timelineText } from './simulation/chart.js';
import { simulateYear } from './simulation/year.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    certificates: { type: 'string', default: '20' },
    seed: { type: 'string' },
    chart: { type: 'string', default: resolve(import.meta.dirname, '../docs/simulation.svg') },
    quiet: { type: 'boolean', default: false },
  },
});
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
console.log(`Simulating ${values.days} days of ${values.certificates} certificates, chaos seed ${seed}`);
const report = await simulateYear({
  days: Number(values.days),
  certificates: Number(values.certificates),
  seed,
  progress: values.quiet ? undefined : (line) => console.log(line),
});
console.log(`\n${timelineText(report)}`);
await writeFile(values.chart, timelineSvg(report));
console.log(`\nChart: ${values.chart}`);
console.log(
  `${report.renewals} renewals, ${report.orders} orders, quota spent ${report.quotaSpent}, ${report.runs} action runs, ` +
    `${report.apiCalls} API calls (${report.chaosFaults} chaos faults), ${(report.elapsedMs / 1000).toFixed(1)} s ` +
    `(plans ${(report.planMs / 1000).toFixed(1)} s; seed ${seed})`,
);
if (report.violations.length > 0) {
  console.log(`\n${report.violations.length} broken promise(s):\n${report.violations.join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(
    'Every promise held: nothing expired or came within 7 days, no order twice, nothing left behind.',
  );
}
