import { createHmac, createHash } from 'node:crypto';
import { i as isoSeconds, b as isRecord } from './time-CzlFEmYE.js';

// Pure retry decisions: which failures may be retried for which calls, and how long to wait.
/** Server errors and lost connections: a few quick retries with full jitter. */
const DEFAULT_RETRY_POLICY = { maxAttempts: 5, baseDelayMs: 300, maxDelayMs: 10_000 };
/**
 * Throttling: the account's per-API limit (10 QPS for the list calls) is shared by every job running at once, so
 * retries must spread over seconds, not milliseconds. 100 callers at 10 QPS need 10 s; 10 attempts waiting in
 * [c/2, c], c = min(8 s, 1 s·2^(n−1)), cover about 40 s, and the lower bound keeps first retries out of the second
 * that refused them.
 */
const THROTTLING_RETRY_POLICY = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 8000 };
function classifyServiceError(status, code) {
    if (code === 'Throttling' || code?.startsWith('Throttling.') || status === 429)
        return 'throttled';
    if (code === 'ServiceUnavailable')
        return 'rejected';
    if (status >= 500)
        return 'uncertain';
    return 'final';
}
/** A read may be retried after any transient failure; a call that changes state only when it surely did not run. */
function mayRetry(failure, changesState) {
    if (failure === 'final')
        return false;
    if (failure === 'uncertain')
        return !changesState;
    return true;
}
/** The policy for a failure: throttling has its own, slower one. */
function policyFor(failure, policies) {
    return failure === 'throttled' ? policies.throttling : policies.default;
}
/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
function backoffDelayMs(attempt, policy, random = Math.random) {
    return Math.floor(random() * ceilingMs(attempt, policy));
}
/** Exponential backoff with equal jitter: uniform in [c/2, c], c = min(cap, base * 2^(attempt-1)). */
function throttlingDelayMs(attempt, policy, random = Math.random) {
    const ceiling = ceilingMs(attempt, policy);
    return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
function ceilingMs(attempt, policy) {
    return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}
/**
 * The wait before attempt `attempt + 1`, or undefined to give up: out of attempts, or the wait (the backoff, or a
 * longer `Retry-After`) would end past the deadline.
 */
function nextRetryDelayMs(options) {
    const { failure, attempt, policy, retryAfterMs, nowMs, deadline, random } = options;
    if (attempt >= policy.maxAttempts)
        return undefined;
    const backoff = failure === 'throttled'
        ? throttlingDelayMs(attempt, policy, random)
        : backoffDelayMs(attempt, policy, random);
    const waitMs = Math.max(retryAfterMs ?? 0, backoff);
    if (deadline !== undefined && nowMs + waitMs > deadline)
        return undefined;
    return waitMs;
}
/** `Retry-After` / `x-acs-retry-after`: delta seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfterMs(value, nowMs) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}

// Pure request signing for Alibaba Cloud RPC APIs: v1 (HMAC-SHA1, SignatureVersion 1.0) and ACS3-HMAC-SHA256.
// Both must match the official SDKs byte for byte (see test/unit/sign-oracle.test.ts).
/** RFC 3986 percent-encoding as the SDKs do it: space %20, `*` %2A, `~` kept. */
function percentEncode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** `k=v` pairs sorted by name (UTF-16 order, like the SDKs' `Object.keys().sort()`), each side encoded. */
function canonicalizeParams(params) {
    return Object.keys(params)
        .sort()
        .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
        .join('&');
}
function rpcStringToSign(method, params) {
    return `${method}&${percentEncode('/')}&${percentEncode(canonicalizeParams(params))}`;
}
/** v1 signature over every parameter sent (query and form body together), `Signature` itself excluded. */
function signRpcV1(method, params, accessKeySecret) {
    return createHmac('sha1', `${accessKeySecret}&`).update(rpcStringToSign(method, params)).digest('base64');
}
/** `YYYY-MM-DDThh:mm:ssZ`, the only timestamp form the RPC gateway accepts. */
const formatTimestamp = isoSeconds;
function sha256Hex(data) {
    return createHash('sha256').update(data).digest('hex');
}
const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';
function acs3CanonicalRequest(input) {
    const uri = input.pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
    const query = Object.keys(input.query)
        .sort()
        .map((name) => `${name}=${percentEncode(input.query[name] ?? '')}`)
        .join('&');
    const signed = new Map();
    for (const [name, value] of Object.entries(input.headers)) {
        const lower = name.toLowerCase();
        if (lower.startsWith('x-acs-') || lower === 'host' || lower === 'content-type') {
            signed.set(lower, [...(signed.get(lower) ?? []), value.trim()]);
        }
    }
    const names = [...signed.keys()].sort();
    const headerLines = names.map((name) => `${name}:${(signed.get(name) ?? []).sort().join(',')}\n`).join('');
    const signedHeaders = names.join(';');
    return {
        canonicalRequest: [input.method, uri, query, headerLines, signedHeaders, input.hashedPayload].join('\n'),
        signedHeaders,
    };
}
/** The `Authorization` header value, as the SDKs' `getAuthorization` builds it. */
function acs3Authorization(input, accessKeyId, accessKeySecret) {
    const { canonicalRequest, signedHeaders } = acs3CanonicalRequest(input);
    const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex');
    return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

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

export { DEFAULT_RETRY_POLICY as D, THROTTLING_RETRY_POLICY as T, parseRetryAfterMs as a, sha256Hex as b, classifyServiceError as c, acs3Authorization as d, percentEncode as e, formatTimestamp as f, numberField as g, dateField as h, idField as i, backoffDelayMs as j, listField as l, mayRetry as m, nextRetryDelayMs as n, policyFor as p, signRpcV1 as s, textField as t };
