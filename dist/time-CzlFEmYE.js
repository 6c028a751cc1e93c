// Pure: the one set of time helpers (days, ISO forms) and the loose-JSON record check.
const DAY_MS = 86_400_000;
/** `2026-12-01T10:20:30Z`: ISO 8601 UTC without milliseconds, as outputs and the signature timestamp use it. */
function isoSeconds(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}
/** `2026-12-01`. */
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { DAY_MS as D, isoDay as a, isRecord as b, isoSeconds as i };
