import { ac as createHmac, E as createHash, a_ as createTransport, b6 as DEFAULT_TIMEOUTS, b7 as THROTTLING_RETRY_POLICY, b4 as DEFAULT_RETRY_POLICY, b8 as mayRetry, b9 as outcomeUnknownAfter, ba as withOutcomeUnknown, bb as policyFor, bc as nextRetryDelayMs, bd as pastDeadline, A as AliyunApiError, be as MAX_ANSWER_BYTES, bf as describeCause, bg as transportFailure, bh as headerValue, bi as parseRetryAfterMs, b3 as classifyServiceError, bj as scrubEchoedRequest } from './start.js';
import { a as xmlText } from './oss-xml.js';

// Pure request signing for Object Storage Service, signature V4 (OSS4-HMAC-SHA256): OSS is REST with its own
// signature, not the RPC gateway's (sign.ts). It must match ali-oss's `authorizationV4` byte for byte
// (test/unit/oss-signature.test.ts).
const OSS4_ALGORITHM = 'OSS4-HMAC-SHA256';
/** What `x-oss-content-sha256` says when the body is not hashed (OSS accepts it over TLS). */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** RFC 3986 as OSS encodes it: `encodeURIComponent`, plus `!'()*`. */
function ossEncode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function lowerCased(headers) {
    return new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
/** The additional headers as signed: lower case, once each, sorted, never those signed anyway. */
function signedAdditionalHeaders(names = []) {
    return [...new Set(names.map((name) => name.toLowerCase()))]
        .filter((name) => name !== 'content-type' && name !== 'content-md5' && !name.startsWith('x-oss-'))
        .sort();
}
const standardRegion = (region) => region.replace(/^oss-/, '');
function ossCanonicalRequest(input) {
    const headers = lowerCased(input.headers);
    const additional = signedAdditionalHeaders(input.additionalHeaders);
    const uri = ossEncode(`/${input.bucket}/${input.object ?? ''}`).replace(/%2F/g, '/');
    const query = Object.keys(input.query)
        .sort()
        .map((name) => {
        const value = input.query[name];
        return value === null || value === undefined
            ? ossEncode(name)
            : `${ossEncode(name)}=${ossEncode(value)}`;
    })
        .join('&');
    const signed = new Set(additional);
    for (const name of headers.keys()) {
        if (name === 'content-type' || name === 'content-md5' || name.startsWith('x-oss-'))
            signed.add(name);
    }
    const canonicalHeaders = [...signed]
        .sort()
        .map((name) => `${name}:${(headers.get(name) ?? '').trim()}\n`)
        .join('');
    return [
        input.method.toUpperCase(),
        uri,
        query,
        canonicalHeaders,
        additional.join(';'),
        headers.get('x-oss-content-sha256') || UNSIGNED_PAYLOAD,
    ].join('\n');
}
/** The scope: `<yyyymmdd>/<region>/oss/aliyun_v4_request`. */
function ossScope(day, region) {
    return `${day}/${standardRegion(region)}/oss/aliyun_v4_request`;
}
function dateOf(input) {
    const date = lowerCased(input.headers).get('x-oss-date');
    if (!date)
        throw new Error('an OSS V4 request carries x-oss-date');
    return date;
}
function ossStringToSign(input) {
    const date = dateOf(input);
    const hashed = createHash('sha256').update(ossCanonicalRequest(input)).digest('hex');
    return [OSS4_ALGORITHM, date, ossScope(date.slice(0, 8), input.region), hashed].join('\n');
}
/** The signing key chain: `aliyun_v4<secret>` → day → region → `oss` → `aliyun_v4_request`, then the string. */
function ossSignature(accessKeySecret, day, region, stringToSign) {
    const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
    const key = ['oss', 'aliyun_v4_request'].reduce((k, part) => hmac(k, part), hmac(hmac(`aliyun_v4${accessKeySecret}`, day), standardRegion(region)));
    return createHmac('sha256', key).update(stringToSign).digest('hex');
}
/** The `Authorization` header value. */
function ossAuthorization(input, accessKeyId, accessKeySecret) {
    const day = dateOf(input).slice(0, 8);
    const signature = ossSignature(accessKeySecret, day, input.region, ossStringToSign(input));
    const additional = signedAdditionalHeaders(input.additionalHeaders);
    const named = additional.length > 0 ? `AdditionalHeaders=${additional.join(';')},` : '';
    return `${OSS4_ALGORITHM} Credential=${accessKeyId}/${ossScope(day, input.region)},${named}Signature=${signature}`;
}
/** `20250417T153912Z`, the form of `x-oss-date`. */
function ossDate(at) {
    return at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
}

// The signed OSS request: V4 signature (oss-signature.ts) over the client's own transport (transport.ts: the
// deadline, the size cap, proxies), the same credentials provider as the RPC client (so STS keys and roles sign
// it too), and the same retry rules: a read retried after any transient failure, a write only when it surely did
// not run (retry.ts). Errors are OSS's XML `<Error>`, read into the one error type (errors.ts).
/** How call records and the debug log name the product (OSS has no RPC version). */
const OSS_VERSION = 'OSS';
const USER_AGENT = 'alibaba-cloud-ssl-certificate-action';
function ossUrl(req) {
    const query = Object.entries(req.query)
        .map(([name, value]) => (value === null ? ossEncode(name) : `${ossEncode(name)}=${ossEncode(value)}`))
        .join('&');
    const base = req.endpoint
        ? `${new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`).origin}/${req.bucket}/`
        : `https://${req.bucket}.oss-${req.region}.aliyuncs.com/`;
    return new URL(`${base}${query ? `?${query}` : ''}`);
}
class OssClient {
    options;
    transport;
    policies;
    constructor(options) {
        this.options = options;
        this.transport = createTransport({ ...DEFAULT_TIMEOUTS, ...options.timeouts });
        this.policies = {
            default: { ...DEFAULT_RETRY_POLICY, ...options.retry },
            throttling: { ...THROTTLING_RETRY_POLICY, ...options.throttlingRetry },
        };
    }
    async request(req) {
        for (let attempt = 1;; attempt++) {
            const outcome = await this.attempt(req, attempt);
            if (outcome.answer)
                return outcome.answer;
            const { error, failure } = outcome;
            if (!mayRetry(failure, req.changesState)) {
                if (outcomeUnknownAfter(failure, req.changesState))
                    throw withOutcomeUnknown(error);
                throw error;
            }
            const policy = policyFor(failure, this.policies);
            const deadline = this.options.deadline;
            const waitMs = nextRetryDelayMs({
                failure,
                attempt,
                policy,
                retryAfterMs: outcome.retryAfterMs,
                nowMs: Date.now(),
                deadline,
            });
            if (waitMs === undefined) {
                if (attempt < policy.maxAttempts && deadline !== undefined)
                    throw pastDeadline(error, outcome, deadline);
                throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, waitMs));
        }
    }
    async close() {
        await this.transport.close();
    }
    async attempt(req, attempt) {
        const started = Date.now();
        const { credentials } = this.options;
        const key = typeof credentials === 'function' ? await credentials() : credentials;
        const url = ossUrl(req);
        const headers = {
            'x-oss-date': ossDate(new Date()),
            'x-oss-content-sha256': UNSIGNED_PAYLOAD,
            ...(req.body === undefined
                ? {}
                : {
                    'content-type': 'application/xml',
                    'content-md5': createHash('md5').update(req.body).digest('base64'),
                }),
            ...(key.securityToken ? { 'x-oss-security-token': key.securityToken } : {}),
        };
        // The host is signed (the bucket's name is in it) but sent by the transport, from the URL.
        const authorization = ossAuthorization({
            method: req.method,
            bucket: req.bucket,
            query: req.query,
            headers: { ...headers, host: url.host },
            additionalHeaders: ['host'],
            region: req.region,
        }, key.accessKeyId, key.accessKeySecret);
        const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '';
        const secrets = [signature, key.accessKeyId, key.accessKeySecret, key.securityToken];
        const scrub = (text) => scrubEchoedRequest(text, secrets);
        const record = (status, code, requestId) => this.options.onCall?.({
            action: req.action,
            version: OSS_VERSION,
            attempt,
            status,
            code,
            requestId,
            durationMs: Date.now() - started,
        });
        let answer;
        try {
            answer = await this.transport.request(req.method, url.href, { ...headers, authorization, 'user-agent': this.options.userAgent ?? USER_AGENT }, req.body, { deadline: this.options.deadline });
        }
        catch (cause) {
            const tooLarge = cause?.code === 'ANSWER_TOO_LARGE';
            const code = tooLarge ? 'AnswerTooLarge' : 'NetworkError';
            record(undefined, code);
            return {
                failure: transportFailure(cause),
                error: new AliyunApiError({
                    action: req.action,
                    code,
                    message: tooLarge
                        ? `the answer from ${url.origin} exceeded ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; check oss-endpoint`
                        : `no answer from ${url.origin} (${scrub(describeCause(cause))})`,
                    cause,
                }),
            };
        }
        const { status, text } = answer;
        const requestId = headerValue(answer.headers['x-oss-request-id']) ?? xmlText(text, 'RequestId');
        const retryAfterMs = parseRetryAfterMs(headerValue(answer.headers['retry-after']), Date.now());
        if (status >= 200 && status < 300) {
            const root = req.answerRoot;
            if (!root || (text.includes(`<${root}`) && text.includes(`</${root}>`))) {
                record(status, undefined, requestId);
                return { answer: { status, text, requestId }, error: undefined, failure: 'final' };
            }
            record(status, 'MalformedResponse', requestId);
            return {
                failure: 'uncertain',
                error: new AliyunApiError({
                    action: req.action,
                    code: 'MalformedResponse',
                    message: `the service answered HTTP ${status} without a complete ${root}`,
                    status,
                    ...(requestId ? { requestId } : {}),
                }),
            };
        }
        const code = xmlText(text, 'Code') ?? `HTTP${status}`;
        record(status, code, requestId);
        const signingInput = xmlText(text, 'StringToSign');
        if (signingInput)
            this.options.onDebug?.(`${req.action}: ${code}: string to sign ${scrub(signingInput)}`);
        const message = xmlText(text, 'Message');
        return {
            failure: classifyServiceError(status, xmlText(text, 'Code')),
            retryAfterMs,
            error: new AliyunApiError({
                action: req.action,
                code,
                message: message ? scrub(message) : `HTTP ${status}`,
                status,
                ...(requestId ? { requestId } : {}),
            }),
        };
    }
}

export { OSS_VERSION, OssClient, ossUrl };
