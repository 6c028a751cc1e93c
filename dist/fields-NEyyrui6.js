import { b as isRecord } from './time-CzlFEmYE.js';

// Reading loosely typed service JSON into exact values: ids stay decimal strings, every digit kept.
function idField(value) {
    if (typeof value === 'string' && /^\d+$/.test(value))
        return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        return String(value);
    if (typeof value === 'bigint')
        return value.toString();
    return undefined;
}
function textField(value) {
    if (typeof value === 'string' && value !== '')
        return value;
    if (typeof value === 'number')
        return String(value);
    return undefined;
}
function numberField(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
/** Millisecond timestamps (the list API's Long fields); seconds are accepted too, as some samples show. */
function dateField(value) {
    const n = numberField(value);
    if (n <= 0)
        return undefined;
    return new Date(n < 1e12 ? n * 1000 : n);
}
/** Alibaba Cloud wraps arrays as `{ Record: [...] }` in some products and not in others. */
function listField(value, wrapper) {
    const inner = wrapper && isRecord(value) ? value[wrapper] : value;
    if (Array.isArray(inner))
        return inner.filter(isRecord);
    return isRecord(inner) ? [inner] : [];
}

export { dateField as d, idField as i, listField as l, numberField as n, textField as t };
