// The year at a glance: days left per certificate over the simulated days, as an SVG chart (docs/simulation.svg,
// shown in the README) and as text, one row per certificate.
import type { SimulationReport } from './year.js';

const WIDTH = 900;
const HEIGHT = 320;
const PAD = { left: 48, right: 16, top: 28, bottom: 36 };
const MAX_DAYS_LEFT = 100;

export function timelineSvg(report: SimulationReport): string {
  const days = report.options.days;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (day: number) => PAD.left + (days <= 1 ? 0 : (day / (days - 1)) * plotW);
  const y = (left: number) => PAD.top + plotH - (Math.min(left, MAX_DAYS_LEFT) / MAX_DAYS_LEFT) * plotH;
  const lines = report.certificates.map((cert, i) => {
    const hue = Math.round((i * 360) / Math.max(1, report.certificates.length));
    const points = cert.daysLeft
      .map((left, day) => (left === null ? undefined : `${x(day).toFixed(1)},${y(left).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
    return `<polyline fill="none" stroke="hsl(${hue} 65% 45%)" stroke-width="1.2" points="${points}"><title>${cert.name}</title></polyline>`;
  });
  const ticks = [0, 7, 30, 60, 90].map(
    (left) =>
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(left)}" y2="${y(left)}" stroke="#ddd"/>` +
      `<text x="${PAD.left - 6}" y="${y(left) + 4}" text-anchor="end">${left}</text>`,
  );
  const months = Array.from({ length: Math.floor((days - 1) / 30) + 1 }, (_, m) => m * 30).map(
    (day) => `<text x="${x(day)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${day}</text>`,
  );
  const title =
    `${report.certificates.length} certificates, ${days} daily runs, chaos seed ${report.options.seed}: ` +
    `${report.renewals} renewals, ${report.violations.length} broken promises`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<rect x="${PAD.left}" y="${y(7)}" width="${plotW}" height="${y(0) - y(7)}" fill="#fdd"/>`,
    ...ticks,
    ...months,
    ...lines,
    `<text x="${PAD.left}" y="16" font-size="13">${title}</text>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle">day of the year (days left on the vertical axis; red: fewer than 7)</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** One row per certificate, a character per week: its fewest days left that week, and `R` where it renewed. */
export function timelineText(report: SimulationReport): string {
  const weeks = Math.ceil(report.options.days / 7);
  const rows = report.certificates.map((cert) => {
    const cells = Array.from({ length: weeks }, (_, w) => {
      const week = cert.daysLeft.slice(w * 7, w * 7 + 7);
      if (cert.renewedOn.some((d) => d >= w * 7 && d < w * 7 + 7)) return 'R';
      const known = week.filter((d): d is number => d !== null);
      if (known.length === 0) return ' ';
      const least = Math.min(...known);
      return least < 7 ? '!' : least <= 30 ? '▂' : least <= 60 ? '▅' : '█';
    });
    return `${cert.name.padEnd(8)} ${cells.join('')}  min ${Math.min(...cert.daysLeft.map((d) => d ?? 0))} days left`;
  });
  return [
    `week     ${Array.from({ length: weeks }, (_, w) => (w % 4 === 0 ? '|' : ' ')).join('')}`,
    ...rows,
    'R renewed  █ >60 days left  ▅ 31–60  ▂ 7–30 (renewal window)  ! <7',
  ].join('\n');
}
