import { g as getState, b as saveState, c as getInput, s as setSecret, d as debug, f as setFailed, w as warning, n as notice, i as info } from './actions-core-CwwxXifZ.js';
import { A as AliyunApiError, F as FlowError } from './context-DM8Wo8ua.js';
import { p as parseDomainList, n as normaliseDomain, c as checkDomain, a as checkDomainSet, s as sameDomainSet } from './certificate-Cu7oDFAl.js';
import { m as maskMultilineSecret } from './outputs-C5wg6udW.js';
import { createHmac, createHash, randomUUID } from 'node:crypto';
import { l as listField, n as numberField, t as textField, i as idField, d as dateField, c as createValidationStrategy, r as removeAlidnsRecord, a as removeValidationFile, b as runHookCleanup, e as describeItem, p as parseCleanupItems, h as hookRunnerFor } from './index-DACPjd4c.js';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'path';
import 'os';
import 'crypto';
import 'fs';
import 'node:url';
import 'node:child_process';
import 'node:dns/promises';
import 'node:net';

// Where the access key comes from: explicit values first, then the ALIBABA_CLOUD_* environment (later: OIDC).
function resolveCredentials(explicit, env) {
    const pick = (value, name) => value?.trim() ? value.trim() : env[name]?.trim() || undefined;
    return {
        accessKeyId: pick(explicit.accessKeyId, 'ALIBABA_CLOUD_ACCESS_KEY_ID'),
        accessKeySecret: pick(explicit.accessKeySecret, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'),
        securityToken: pick(explicit.securityToken, 'ALIBABA_CLOUD_SECURITY_TOKEN'),
    };
}

const MODES = ['issue', 'renew', 'cancel', 'revoke', 'status'];
const CREATE_OPERATIONS = [
    'CreateCertificateForPackageRequest',
    'CreateCertificateRequest',
    'CreateCertificateWithCsrRequest',
];
const DNS_PROVIDERS = ['alidns', 'manual', 'hook'];
class InputError extends Error {
    problems;
    name = 'InputError';
    constructor(problems) {
        super(problems.map((p) => `input '${p.input}' ${p.problem}`).join('; '));
        this.problems = problems;
    }
}
/** Chinese regions use the main CAS endpoint; every other region the international site's. */
function casEndpointForRegion(region) {
    return region.startsWith('cn-') ? 'https://cas.aliyuncs.com' : 'https://cas.ap-southeast-1.aliyuncs.com';
}
function parseConfig(read, env) {
    const problems = [];
    const fail = (input, problem) => problems.push({ input, problem });
    const text = (name) => read(name).trim() || undefined;
    const oneOf = (name, allowed, fallback) => {
        const raw = text(name) ?? fallback;
        const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
        if (!match)
            fail(name, `must be one of ${allowed.join(', ')} (got '${raw}')`);
        return match ?? fallback;
    };
    const number = (name, fallback, { integer = false, min = 0, allowZero = false } = {}) => {
        const raw = text(name);
        if (raw === undefined)
            return fallback;
        const value = Number(raw);
        const ok = Number.isFinite(value) &&
            (!integer || Number.isInteger(value)) &&
            (allowZero ? value >= min : value > min);
        const kind = integer ? 'a whole number' : 'a number';
        if (!ok)
            fail(name, `must be ${kind} ${allowZero ? `of at least ${min}` : `above ${min}`} (got '${raw}')`);
        return ok ? value : fallback;
    };
    const flag = (name, fallback) => {
        const raw = text(name)?.toLowerCase();
        if (raw === undefined)
            return fallback;
        if (['true', 'yes', '1', 'on'].includes(raw))
            return true;
        if (['false', 'no', '0', 'off'].includes(raw))
            return false;
        fail(name, `must be true or false (got '${raw}')`);
        return fallback;
    };
    const endpoint = (name, fallback) => {
        const raw = text(name) ?? fallback;
        const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
        try {
            const url = new URL(withScheme);
            if (url.protocol !== 'https:' && url.protocol !== 'http:')
                throw new Error('scheme');
            return url.origin;
        }
        catch {
            fail(name, `must be an http(s) URL such as https://cas.aliyuncs.com (got '${raw}')`);
            return fallback;
        }
    };
    const mode = oneOf('mode', MODES, 'issue');
    const region = text('region') ?? 'cn-hangzhou';
    const credentials = resolveCredentials({
        accessKeyId: read('access-key-id'),
        accessKeySecret: read('access-key-secret'),
        securityToken: read('security-token'),
    }, env);
    if (!credentials.accessKeyId)
        fail('access-key-id', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_ID)');
    if (!credentials.accessKeySecret) {
        fail('access-key-secret', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_SECRET)');
    }
    const orderId = text('order-id');
    if (orderId !== undefined && !/^\d{1,30}$/.test(orderId))
        fail('order-id', `must be a decimal order id (got '${orderId}')`);
    const domains = parseDomainList(read('domains')).map(normaliseDomain);
    const badName = domains.map(checkDomain).find(Boolean);
    const setProblem = domains.length > 0 ? checkDomainSet(domains) : undefined;
    if (badName)
        fail('domains', badName);
    else if (setProblem)
        fail('domains', setProblem);
    const createOperation = oneOf('create-operation', CREATE_OPERATIONS, 'CreateCertificateForPackageRequest');
    const csr = text('csr');
    if (csr !== undefined && !/-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(csr)) {
        fail('csr', 'must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)');
    }
    const validationMethod = oneOf('validation-method', ['DNS', 'FILE'], 'DNS');
    const dnsProvider = oneOf('dns-provider', DNS_PROVIDERS, 'alidns');
    const dnsHook = text('dns-hook');
    const contact = {
        name: text('contact-name'),
        phone: text('contact-phone'),
        email: text('contact-email'),
        companyName: text('company-name'),
    };
    const pollIntervalSeconds = number('poll-interval', 5);
    const maxPollIntervalSeconds = number('max-poll-interval', 60);
    if (maxPollIntervalSeconds < pollIntervalSeconds) {
        fail('max-poll-interval', `must not be below poll-interval (${pollIntervalSeconds})`);
    }
    const config = {
        mode,
        credentials: credentials,
        region,
        endpoints: {
            cas: endpoint('endpoint', casEndpointForRegion(region)),
            dns: endpoint('dns-endpoint', 'https://alidns.aliyuncs.com'),
            cdn: endpoint('cdn-endpoint', 'https://cdn.aliyuncs.com'),
        },
        orderId,
        domains,
        productCode: text('product-code'),
        createOperation,
        csr,
        validationMethod,
        dnsProvider,
        dnsHook,
        dnsWaitPropagation: flag('dns-wait-propagation', false),
        dnsTtl: number('dns-ttl', 600, { integer: true }),
        fileValidationRoot: text('file-validation-root'),
        contact,
        renewBeforeDays: number('renew-before-days', 30, { integer: true, allowZero: true }),
        waitTimeoutSeconds: number('wait-timeout', 600, { allowZero: true }),
        pollIntervalSeconds,
        maxPollIntervalSeconds,
        failOnPending: flag('fail-on-pending', true),
        outputDir: text('output-dir'),
        pfxPassword: text('pfx-password'),
        privateKeyPassphrase: text('private-key-passphrase'),
        artifactName: text('artifact-name'),
        cdnDomain: text('cdn-domain'),
    };
    checkModeRequirements(config, fail);
    if (problems.length > 0)
        throw new InputError(problems);
    return config;
}
function checkModeRequirements(c, fail) {
    if (c.mode === 'issue') {
        if (c.domains.length === 0 && !c.csr && !c.orderId) {
            fail('domains', 'is required for mode issue (or give csr, or order-id to resume an order)');
        }
        const needsContact = c.createOperation !== 'CreateCertificateForPackageRequest';
        if (needsContact) {
            for (const [input, value] of [
                ['contact-name', c.contact.name],
                ['contact-phone', c.contact.phone],
                ['contact-email', c.contact.email],
            ]) {
                if (!value)
                    fail(input, `is required with create-operation ${c.createOperation}`);
            }
        }
        if (c.createOperation === 'CreateCertificateRequest' && c.domains.length > 1) {
            fail('domains', 'must hold exactly one name with create-operation CreateCertificateRequest');
        }
        if (c.createOperation === 'CreateCertificateWithCsrRequest' && !c.csr) {
            fail('csr', 'is required with create-operation CreateCertificateWithCsrRequest');
        }
        if (c.dnsProvider === 'hook' && c.validationMethod === 'DNS' && !c.dnsHook) {
            fail('dns-hook', 'is required with dns-provider hook');
        }
    }
    if ((c.mode === 'cancel' || c.mode === 'revoke') && !c.orderId)
        fail('order-id', `is required for mode ${c.mode}`);
    if (c.mode === 'renew' && !c.orderId && c.domains.length === 0) {
        fail('order-id', 'or domains is required for mode renew');
    }
    if (c.mode === 'status' && !c.orderId && c.domains.length === 0 && !c.cdnDomain) {
        fail('order-id', 'or domains (or cdn-domain) is required for mode status');
    }
    if (c.cdnDomain && checkDomain(c.cdnDomain))
        fail('cdn-domain', `is not a valid domain name: ${checkDomain(c.cdnDomain)}`);
    if (c.artifactName && !c.csr && !c.privateKeyPassphrase && !c.pfxPassword) {
        fail('artifact-name', 'needs private-key-passphrase or pfx-password: the private key is never uploaded in clear');
    }
}

// Reading a user's CSR: its names and key. The X.509 library is loaded only on this path.
/** Parses and verifies the CSR's self-signature; returns a problem sentence instead of throwing. */
async function inspectCsr(pem) {
    // @peculiar/x509 resolves its services through tsyringe, which needs the reflect-metadata polyfill first.
    await import('./Reflect-Bx9jZq3B.js').then(function (n) { return n.R; });
    const x509 = await import('./peculiar-x509-vxbojyO0.js');
    const { webcrypto } = await import('node:crypto');
    x509.cryptoProvider.set(webcrypto);
    let csr;
    try {
        csr = new x509.Pkcs10CertificateRequest(pem.trim());
    }
    catch {
        return 'is not a readable PEM certificate request';
    }
    if (!(await csr.verify()))
        return 'has a signature that does not verify';
    const commonNames = csr.subjectName.getField('CN');
    const sanExtension = csr.getExtension('2.5.29.17');
    const san = sanExtension ? new x509.SubjectAlternativeNameExtension(sanExtension.rawData) : undefined;
    const sanNames = san?.names.items.filter((n) => n.type === 'dns').map((n) => n.value) ?? [];
    const names = [...new Set([...commonNames, ...sanNames].map(normaliseDomain))];
    if (names.length === 0)
        return 'names no domain (no CN and no DNS subject alternative name)';
    const bad = names.find((n) => checkDomain(n));
    if (bad)
        return `names '${bad}': ${checkDomain(bad)}`;
    const algorithm = csr.publicKey.algorithm;
    if (algorithm.name.startsWith('RSA') && (algorithm.modulusLength ?? 0) < 2048) {
        return `has an RSA key of ${algorithm.modulusLength} bits; the service needs at least 2048`;
    }
    return { names, keyAlgorithm: algorithm.name, rsaBits: algorithm.modulusLength };
}

// JSON parsing that keeps every digit of integers beyond 2^53 (order ids are Long at the service).
// Node 20's JSON.parse has no reviver source access, so unsafe integer literals are quoted before parsing.
const UNSAFE_DIGITS = 16;
function parseJsonLosslessly(text) {
    let out = '';
    let copiedTo = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
            continue;
        }
        if (c === 0x22) {
            inString = true;
            continue;
        }
        const startsNumber = (c >= 0x30 && c <= 0x39) || c === 0x2d;
        if (!startsNumber)
            continue;
        let end = i + 1;
        while (end < text.length && /[0-9.eE+-]/.test(text.charAt(end)))
            end++;
        const literal = text.slice(i, end);
        if (/^-?\d+$/.test(literal) && literal.replace('-', '').length >= UNSAFE_DIGITS) {
            const value = BigInt(literal);
            if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
                out += `${text.slice(copiedTo, i)}"${literal}"`;
                copiedTo = end;
            }
        }
        i = end - 1;
    }
    return JSON.parse(copiedTo === 0 ? text : out + text.slice(copiedTo));
}

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
function formatTimestamp(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}
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

/** Errors carry `code`: CONNECT_TIMEOUT means nothing was sent; HEADERS_TIMEOUT / BODY_TIMEOUT mean it may have run. */
class TransportError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
function proxyConfigured(env = process.env) {
    return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}
function createTransport(timeouts) {
    return proxyConfigured() ? new ProxyTransport(timeouts) : new NodeTransport(timeouts);
}
/** Built-ins through getBuiltinModule: on Node 24 a static `import 'node:http'` also loads Node's internal undici. */
function builtin(id) {
    return process.getBuiltinModule(id);
}
class NodeTransport {
    timeouts;
    agents = new Map();
    constructor(timeouts) {
        this.timeouts = timeouts;
    }
    post(url, headers, body) {
        const target = new URL(url);
        const client = builtin(target.protocol === 'https:' ? 'node:https' : 'node:http');
        let agent = this.agents.get(target.protocol);
        if (!agent) {
            agent = new client.Agent({ keepAlive: true });
            this.agents.set(target.protocol, agent);
        }
        const payload = Buffer.from(body);
        const { connectMs, headersMs, bodyMs } = this.timeouts;
        return new Promise((resolve, reject) => {
            let timer;
            const arm = (ms, code, what) => {
                clearTimeout(timer);
                timer = setTimeout(() => request.destroy(new TransportError(code, `${what} within ${ms} ms`)), ms);
            };
            const request = client.request(target, {
                method: 'POST',
                agent,
                headers: { ...headers, 'content-length': String(payload.length) },
            });
            arm(connectMs, 'CONNECT_TIMEOUT', 'no connection');
            request.on('socket', (socket) => {
                const connected = () => arm(headersMs, 'HEADERS_TIMEOUT', 'no answer');
                if (!socket.connecting)
                    connected();
                else
                    socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
            });
            request.on('response', (response) => {
                const chunks = [];
                arm(bodyMs, 'BODY_TIMEOUT', 'no body');
                response.on('data', (chunk) => {
                    chunks.push(chunk);
                    arm(bodyMs, 'BODY_TIMEOUT', 'no body');
                });
                response.on('end', () => {
                    clearTimeout(timer);
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: response.headers,
                        text: Buffer.concat(chunks).toString('utf8'),
                    });
                });
                response.on('error', (error) => {
                    clearTimeout(timer);
                    reject(error);
                });
            });
            request.on('error', (error) => {
                clearTimeout(timer);
                reject(error);
            });
            request.end(payload);
        });
    }
    async close() {
        for (const agent of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
}
class ProxyTransport {
    timeouts;
    dispatcher;
    constructor(timeouts) {
        this.timeouts = timeouts;
    }
    load() {
        this.dispatcher ??= import('./undici-Bwef5sj6.js').then(function (n) { return n.i; }).then(({ EnvHttpProxyAgent, request }) => ({
            request,
            agent: new EnvHttpProxyAgent({
                keepAliveTimeout: 10_000,
                connect: { timeout: this.timeouts.connectMs },
                headersTimeout: this.timeouts.headersMs,
                bodyTimeout: this.timeouts.bodyMs,
            }),
        }));
        return this.dispatcher;
    }
    async post(url, headers, body) {
        const { agent, request } = await this.load();
        const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
        return {
            status: response.statusCode,
            headers: response.headers,
            text: await response.body.text(),
        };
    }
    async close() {
        if (this.dispatcher)
            await (await this.dispatcher).agent.close();
    }
}

// The one client for every Alibaba Cloud RPC product: common parameters, signing, transport, retries, typed errors.
const USER_AGENT = 'alibaba-cloud-ssl-certificate-action';
class RpcClient {
    options;
    transport;
    policies;
    algorithm;
    constructor(options) {
        this.options = options;
        const t = options.timeouts ?? {};
        this.transport = createTransport({
            connectMs: t.connectMs ?? 10_000,
            headersMs: t.headersMs ?? 30_000,
            bodyMs: t.bodyMs ?? 30_000,
        });
        this.policies = {
            default: { ...DEFAULT_RETRY_POLICY, ...options.retry },
            throttling: { ...THROTTLING_RETRY_POLICY, ...options.throttlingRetry },
        };
        this.algorithm = options.signatureAlgorithm ?? 'HMAC-SHA1';
    }
    async call(req) {
        for (let attempt = 1;; attempt++) {
            const outcome = await this.attempt(req, attempt);
            if (outcome.result)
                return outcome.result;
            const { error, failure } = outcome;
            if (!mayRetry(failure, req.changesState)) {
                if (failure === 'uncertain')
                    throw withOutcomeUnknown(error);
                throw error;
            }
            const waitMs = nextRetryDelayMs({
                failure,
                attempt,
                policy: policyFor(failure, this.policies),
                retryAfterMs: outcome.retryAfterMs,
                nowMs: Date.now(),
                deadline: earliest(req.deadline, this.options.deadline),
            });
            if (waitMs === undefined)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, waitMs));
        }
    }
    async close() {
        await this.transport.close();
    }
    async attempt(req, attempt) {
        const started = Date.now();
        const { url, init } = this.buildRequest(req);
        const record = (status, code, requestId) => this.options.onCall?.({
            action: req.action,
            version: req.version,
            attempt,
            status,
            code,
            requestId,
            durationMs: Date.now() - started,
        });
        let status;
        let text;
        let headers;
        try {
            ({ status, headers, text } = await this.transport.post(url, init.headers, init.body));
        }
        catch (cause) {
            const failure = transportFailure(cause);
            record(undefined, 'NetworkError');
            return {
                failure,
                error: new AliyunApiError({
                    action: req.action,
                    code: 'NetworkError',
                    message: `no answer from ${new URL(url).origin} (${describeCause(cause)})`,
                    cause,
                }),
            };
        }
        const retryAfterMs = parseRetryAfterMs(headerValue(headers['retry-after']) ?? headerValue(headers['x-acs-retry-after']), Date.now());
        let body;
        try {
            body = parseJsonLosslessly(text);
        }
        catch {
            body = undefined;
        }
        const fields = isRecord(body) ? body : {};
        const requestId = stringField(fields.RequestId) ?? headerValue(headers['x-acs-request-id']);
        if (status >= 200 && status < 300 && isRecord(body)) {
            record(status, undefined, requestId);
            return { result: body, error: undefined, failure: 'final' };
        }
        if (status >= 200 && status < 300) {
            record(status, 'MalformedResponse', requestId);
            return {
                failure: 'uncertain',
                error: new AliyunApiError({
                    action: req.action,
                    code: 'MalformedResponse',
                    message: `the service answered HTTP ${status} with a body that is not a JSON object`,
                    status,
                    requestId,
                }),
            };
        }
        const code = stringField(fields.Code) ?? `HTTP${status}`;
        record(status, code, requestId);
        return {
            failure: classifyServiceError(status, stringField(fields.Code)),
            retryAfterMs,
            error: new AliyunApiError({
                action: req.action,
                code,
                message: stringField(fields.Message) ?? `HTTP ${status}`,
                status,
                requestId,
                recommend: stringField(fields.Recommend),
            }),
        };
    }
    /** Signs with a fresh nonce and timestamp; business parameters travel in the form body, as signed. */
    buildRequest(req) {
        const { accessKeyId, accessKeySecret, securityToken } = this.options.credentials;
        const base = new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`);
        const business = {};
        for (const [name, value] of Object.entries(req.params ?? {})) {
            if (value !== undefined)
                business[name] = String(value);
        }
        const body = encodePairs(business);
        const userAgent = this.options.userAgent ?? USER_AGENT;
        if (this.algorithm === 'HMAC-SHA1') {
            const common = {
                Action: req.action,
                Format: 'JSON',
                Version: req.version,
                AccessKeyId: accessKeyId,
                SignatureMethod: 'HMAC-SHA1',
                SignatureVersion: '1.0',
                SignatureNonce: randomUUID(),
                Timestamp: formatTimestamp(new Date()),
                ...(securityToken ? { SecurityToken: securityToken } : {}),
            };
            const signature = signRpcV1('POST', { ...common, ...business }, accessKeySecret);
            const query = encodePairs({ ...common, Signature: signature });
            return {
                url: `${base.origin}/?${query}`,
                init: {
                    method: 'POST',
                    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
                    body,
                },
            };
        }
        const headers = {
            host: base.host,
            'x-acs-action': req.action,
            'x-acs-version': req.version,
            'x-acs-date': formatTimestamp(new Date()),
            'x-acs-signature-nonce': randomUUID(),
            'x-acs-content-sha256': sha256Hex(body),
            'content-type': 'application/x-www-form-urlencoded',
            ...(securityToken ? { 'x-acs-security-token': securityToken } : {}),
        };
        headers.authorization = acs3Authorization({
            method: 'POST',
            pathname: '/',
            query: {},
            headers,
            hashedPayload: headers['x-acs-content-sha256'] ?? '',
        }, accessKeyId, accessKeySecret);
        const { host: _host, ...sent } = headers;
        return {
            url: `${base.origin}/`,
            init: { method: 'POST', headers: { ...sent, 'user-agent': userAgent }, body },
        };
    }
}
function encodePairs(params) {
    return Object.entries(params)
        .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
        .join('&');
}
/** Connection refused, an unknown host or a connect timeout means nothing reached the service. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'CONNECT_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
function transportFailure(cause) {
    return NOT_SENT_CODES.has(cause?.code ?? '') ? 'not-sent' : 'uncertain';
}
function earliest(a, b) {
    return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
function describeCause(cause) {
    const { code, message } = (cause ?? {});
    return [code, message].filter(Boolean).join(': ') || String(cause);
}
function withOutcomeUnknown(error) {
    return new AliyunApiError({
        action: error.action,
        code: error.code,
        message: `${error.message}; the call may or may not have taken effect`,
        status: error.status,
        requestId: error.requestId,
        recommend: error.recommend,
        outcomeUnknown: true,
        cause: error,
    });
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
function stringField(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CAS_VERSION = '2020-04-07';
const PAGE_SIZE$1 = 50;
const KNOWN_STATES = [
    'domain_verify',
    'process',
    'verify_fail',
    'certificate',
    'payed',
];
function createCasOrderService(client, endpoint) {
    const call = (action, params, changesState) => client.call({ endpoint, version: CAS_VERSION, action, params, changesState });
    return {
        async describePackageState(productCode) {
            const r = await call('DescribePackageState', { ProductCode: productCode }, false);
            return {
                productCode: textField(r.ProductCode) ?? productCode ?? '',
                total: numberField(r.TotalCount),
                used: numberField(r.UsedCount),
                issued: numberField(r.IssuedCount),
            };
        },
        async createOrder(input) {
            const { contact } = input;
            const params = {
                ProductCode: input.productCode,
                ValidateType: input.validationMethod,
                Username: contact.name,
                Phone: contact.phone,
                Email: contact.email,
            };
            if (input.operation === 'CreateCertificateWithCsrRequest') {
                params.Csr = input.csr;
            }
            else if (input.operation === 'CreateCertificateRequest') {
                params.Domain = input.domains.join(',');
            }
            else {
                params.Domain = input.domains.join(',');
                params.Csr = input.csr;
                params.CompanyName = contact.companyName;
            }
            const r = await call(input.operation, params, true);
            return { orderId: requireId(r.OrderId, input.operation) };
        },
        async describeOrder(orderId) {
            const r = await call('DescribeCertificateState', { OrderId: orderId }, false);
            return parseOrderStatus(orderId, r);
        },
        async cancelOrder(orderId) {
            await call('CancelOrderRequest', { OrderId: orderId }, true);
        },
        async deleteOrder(orderId) {
            await call('DeleteCertificateRequest', { OrderId: orderId }, true);
        },
        async revokeOrder(orderId) {
            await call('CancelCertificateForPackageRequest', { OrderId: orderId }, true);
        },
        async renewOrder(orderId, csr) {
            const r = await call('RenewCertificateOrderForPackageRequest', { OrderId: orderId, Csr: csr }, true);
            return { orderId: requireId(r.OrderId, 'RenewCertificateOrderForPackageRequest') };
        },
        async listOrders(query) {
            const orders = [];
            for (let page = 1;; page++) {
                const r = await call('ListUserCertificateOrder', {
                    Keyword: query.keyword,
                    Status: query.status,
                    OrderType: 'CPACK',
                    CurrentPage: page,
                    ShowSize: PAGE_SIZE$1,
                }, false);
                const items = listField(r.CertificateOrderList);
                for (const item of items) {
                    const summary = parseOrderSummary(item);
                    if (summary)
                        orders.push(summary);
                }
                // The service may serve smaller pages than asked for: stop on the total, or on an empty page.
                if (items.length === 0 || orders.length >= numberField(r.TotalCount))
                    return orders;
            }
        },
    };
}
function parseOrderStatus(orderId, r) {
    const type = textField(r.Type) ?? 'unknow';
    const state = KNOWN_STATES.includes(type) ? type : 'unknow';
    let challenge;
    if (state === 'domain_verify' && textField(r.ValidateType) === 'FILE') {
        challenge = {
            method: 'FILE',
            domain: textField(r.Domain) ?? '',
            uri: textField(r.Uri) ?? '',
            content: textField(r.Content) ?? '',
        };
    }
    else if (state === 'domain_verify' && textField(r.RecordValue)) {
        challenge = {
            method: 'DNS',
            recordDomain: textField(r.RecordDomain) ?? '',
            recordType: textField(r.RecordType) ?? 'TXT',
            recordValue: textField(r.RecordValue) ?? '',
        };
    }
    return {
        orderId,
        state,
        challenge,
        certificate: state === 'certificate' ? textField(r.Certificate) : undefined,
        privateKey: state === 'certificate' ? textField(r.PrivateKey) : undefined,
        certId: idField(r.CertId) ?? textField(r.CertId),
    };
}
function parseOrderSummary(item) {
    const orderId = idField(item.OrderId);
    if (!orderId)
        return undefined;
    const names = textField(item.Sans) ?? textField(item.Domain) ?? '';
    return {
        orderId,
        domains: names
            .split(/[,\s]+/)
            .map((d) => d.trim().toLowerCase())
            .filter(Boolean),
        status: textField(item.Status) ?? '',
        productCode: textField(item.ProductCode),
        instanceId: textField(item.InstanceId),
        certStartTime: dateField(item.CertStartTime),
        certEndTime: dateField(item.CertEndTime),
        buyDate: dateField(item.BuyDate),
    };
}
function requireId(value, action) {
    const id = idField(value);
    if (!id)
        throw new Error(`${action} answered without an OrderId`);
    return id;
}

const CDN_VERSION = '2018-05-10';
function createCdnService(client, endpoint) {
    return {
        async describeDomainCertificate(domainName) {
            const r = await client.call({
                endpoint,
                version: CDN_VERSION,
                action: 'DescribeDomainCertificateInfo',
                params: { DomainName: domainName },
                changesState: false,
            });
            const info = listField(r.CertInfos, 'CertInfo')[0];
            if (!info)
                return undefined;
            const date = (v) => {
                const t = textField(v);
                const parsed = t ? new Date(t) : undefined;
                return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
            };
            return {
                domainName: textField(info.DomainName) ?? domainName,
                certName: textField(info.CertName),
                certId: textField(info.CertId),
                status: textField(info.Status),
                certExpireTime: date(info.CertExpireTime),
                certStartTime: date(info.CertStartTime),
                serverCertificate: textField(info.ServerCertificate),
            };
        },
    };
}

const DNS_VERSION = '2015-01-09';
const PAGE_SIZE = 100;
function createDnsService(client, endpoint) {
    const call = (action, params, changesState) => client.call({ endpoint, version: DNS_VERSION, action, params, changesState });
    // Zones do not change while one step runs: one listing serves the pre-order check and the validation.
    let zoneList;
    const fetchZones = async () => {
        const zones = [];
        for (let page = 1;; page++) {
            const r = await call('DescribeDomains', { PageNumber: page, PageSize: PAGE_SIZE }, false);
            const items = listField(r.Domains, 'Domain');
            for (const item of items) {
                const name = textField(item.DomainName);
                if (name)
                    zones.push(name.toLowerCase());
            }
            if (items.length === 0 || zones.length >= numberField(r.TotalCount))
                return zones;
        }
    };
    return {
        listZones() {
            zoneList ??= fetchZones().catch((error) => {
                zoneList = undefined;
                throw error;
            });
            return zoneList;
        },
        async findRecords(zone, rr, type, value) {
            const found = [];
            for (let page = 1;; page++) {
                const r = await call('DescribeDomainRecords', { DomainName: zone, RRKeyWord: rr, TypeKeyWord: type, PageNumber: page, PageSize: PAGE_SIZE }, false);
                const items = listField(r.DomainRecords, 'Record');
                for (const item of items) {
                    const record = toRecord(zone, item);
                    // The key words match loosely: keep exact matches only.
                    if (record &&
                        record.rr === rr &&
                        record.type === type &&
                        (value === undefined || record.value === value)) {
                        found.push(record);
                    }
                }
                if (items.length === 0 || page * PAGE_SIZE >= numberField(r.TotalCount))
                    return found;
            }
        },
        async addRecord(zone, rr, type, value, ttl) {
            const r = await call('AddDomainRecord', { DomainName: zone, RR: rr, Type: type, Value: value, TTL: ttl }, true);
            const recordId = idField(r.RecordId);
            if (!recordId)
                throw new Error('AddDomainRecord answered without a RecordId');
            return { recordId, zone, rr, type, value };
        },
        async deleteRecord(recordId) {
            await call('DeleteDomainRecord', { RecordId: recordId }, true);
        },
    };
}
function toRecord(zone, item) {
    const recordId = idField(item.RecordId) ?? textField(item.RecordId);
    if (!recordId)
        return undefined;
    return {
        recordId,
        zone,
        rr: textField(item.RR) ?? '',
        type: textField(item.Type) ?? '',
        value: textField(item.Value) ?? '',
    };
}

// The one way to build the signed client and the services from a Config: shared by the main and post steps.
/** One debug line per call attempt: never parameters, so never secrets. */
function describeCall(c) {
    return (`${c.action} (${c.version}) attempt ${c.attempt}: ${c.status ?? 'no answer'}` +
        `${c.code ? ` ${c.code}` : ''}, RequestId ${c.requestId ?? '-'}, ${c.durationMs} ms`);
}
function createServices(config, onCall) {
    const client = new RpcClient({ credentials: config.credentials, onCall });
    return {
        client,
        cas: createCasOrderService(client, config.endpoints.cas),
        dns: createDnsService(client, config.endpoints.dns),
        cdn: createCdnService(client, config.endpoints.cdn),
    };
}

// GITHUB_STATE for the post step, and the Actions cache for resuming an in-flight order in a later run.
const POST_FLAG = 'isPost';
const CLEANUP_KEY = 'validation-cleanup';
const isPostStep = () => getState(POST_FLAG) === 'true';
function markMainStarted() {
    saveState(POST_FLAG, 'true');
}
/**
 * What validation left in the world (DNS record ids, files) that the post step must remove if main crashed.
 * Holds ids and paths only, never a key or a secret.
 */
function saveCleanupItems(items) {
    saveState(CLEANUP_KEY, JSON.stringify(items));
}
function loadCleanupItems() {
    const raw = getState(CLEANUP_KEY);
    if (!raw)
        return [];
    try {
        const parsed = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed : [];
    }
    catch {
        return [];
    }
}
/** The cache service is there only inside a GitHub-hosted job; elsewhere resuming relies on the order list. */
function cacheServiceAvailable() {
    return Boolean(process.env.ACTIONS_RESULTS_URL || process.env.ACTIONS_CACHE_URL);
}
function createCacheResumeStore(log) {
    const keyPrefix = (domains) => `alibaba-cloud-ssl-order-${createHash('sha256')
        .update([...domains].sort().join(','))
        .digest('hex')
        .slice(0, 20)}-`;
    const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'alibaba-cloud-ssl-order');
    const file = join(dir, 'order.json');
    return {
        async load(domains) {
            if (!cacheServiceAvailable()) {
                log.info('No Actions cache service in this run: in-flight orders are looked up in the order list only.');
                return undefined;
            }
            try {
                const cache = await import('./actions-cache-Bd81A1Ts.js').then(function (n) { return n.c; });
                const prefix = keyPrefix(domains);
                const hit = await cache.restoreCache([dir], `${prefix}none`, [prefix]);
                if (!hit)
                    return undefined;
                const saved = JSON.parse(await readFile(file, 'utf8'));
                return typeof saved.orderId === 'string' ? saved.orderId : undefined;
            }
            catch (error) {
                log.warning(`Could not read the saved order from the cache (${String(error)}); using the order list.`);
                return undefined;
            }
        },
        async save(domains, orderId) {
            if (!cacheServiceAvailable())
                return;
            try {
                const cache = await import('./actions-cache-Bd81A1Ts.js').then(function (n) { return n.c; });
                await mkdir(dir, { recursive: true });
                await writeFile(file, JSON.stringify({ orderId }));
                // Cache entries are immutable: a new key per save, restored newest-first by prefix.
                await cache.saveCache([dir], `${keyPrefix(domains)}${Date.now()}`);
            }
            catch (error) {
                log.warning(`Could not save order ${orderId} to the cache (${String(error)}); a later run finds it by listing.`);
            }
        },
    };
}

// The main step: inputs → config → flow → outputs, files, summary. The one place that calls setFailed.
const ACTION_NAME = 'Alibaba Cloud SSL certificate';
async function runMain() {
    markMainStarted();
    // Mask the credentials before anything at all is printed.
    for (const name of ['access-key-secret', 'security-token']) {
        const value = getInput(name);
        if (value)
            setSecret(value);
    }
    for (const name of ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN']) {
        const value = process.env[name];
        if (value)
            setSecret(value);
    }
    let client;
    try {
        const config = parseConfig((name) => getInput(name), process.env);
        for (const secret of [config.pfxPassword, config.privateKeyPassphrase])
            if (secret)
                setSecret(secret);
        const domains = await resolveDomains(config);
        const services = createServices(config, (c) => debug(describeCall(c)));
        client = services.client;
        const ctx = createFlowContext(config, services);
        const result = await runFlow(ctx, domains);
        const { deliverResult } = await import('./deliver-BKbDL1gX.js');
        await deliverResult(config, result, domains);
    }
    catch (error) {
        setFailed(`${ACTION_NAME}: ${describeFailure(error)}`);
    }
    finally {
        await client?.close();
    }
}
/** The flows' Logger on top of the runner's log commands (shared with the post step). */
function createActionsLogger() {
    return {
        debug: (m) => debug(m),
        info: (m) => info(m),
        notice: (m) => notice(m),
        warning: (m) => warning(m),
    };
}
function createFlowContext(config, services) {
    const log = createActionsLogger();
    const { cas, dns, cdn } = services;
    return {
        config,
        cas,
        dns,
        cdn,
        log,
        resume: createCacheResumeStore(log),
        validation: (orderId) => createValidationStrategy({ config, dns, log, rememberCleanup: saveCleanupItems }, orderId),
        maskSecret: maskMultilineSecret,
        now: () => new Date(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    };
}
/** The domains come from `domains`, or from the CSR; when both are given they must agree. */
async function resolveDomains(config) {
    if (!config.csr)
        return config.domains;
    const csr = await inspectCsr(config.csr);
    if (typeof csr === 'string')
        throw new InputError([{ input: 'csr', problem: csr }]);
    if (config.domains.length > 0 && !sameDomainSet(csr.names, config.domains)) {
        throw new InputError([
            {
                input: 'csr',
                problem: `names ${csr.names.join(', ')}, which differ from domains ${config.domains.join(', ')}`,
            },
        ]);
    }
    return config.domains.length > 0 ? config.domains : csr.names;
}
/** Each mode's code is imported only when it runs: a scheduled check loads no more than it needs. */
async function runFlow(ctx, domains) {
    switch (ctx.config.mode) {
        case 'issue':
            return (await import('./issue-CMflWPnO.js')).issueCertificate(ctx, domains);
        case 'renew':
            return (await import('./renew-D0lyl0Tl.js')).renewCertificate(ctx, domains);
        case 'cancel':
            return (await import('./cancel-D0y0ivOU.js')).cancelOrder(ctx, domains);
        case 'revoke':
            return (await import('./revoke-BCELx_aF.js')).revokeCertificate(ctx, domains);
        case 'status':
            return (await import('./status-CoCy-DFr.js')).reportStatus(ctx, domains);
    }
}
/** One sentence: what failed, for which input, operation or order, and what to do next. */
function describeFailure(error) {
    if (error instanceof InputError || error instanceof FlowError)
        return error.message;
    if (error instanceof AliyunApiError)
        return `${error.describe()}. ${nextStepFor(error)}`;
    return error instanceof Error ? error.message : String(error);
}
function nextStepFor(error) {
    if (error.outcomeUnknown) {
        return 'Run again: the next run looks the order up before ordering, so nothing is ordered twice.';
    }
    if (/^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken)/.test(error.code)) {
        return 'Check access-key-id, access-key-secret and security-token.';
    }
    if (/^(Forbidden|NoPermission)/.test(error.code))
        return 'Grant the RAM user the permission this call needs.';
    if (error.code.startsWith('Throttling') || error.code === 'ServiceUnavailable') {
        return 'The service is busy or throttling this account: run again later, or run fewer jobs at once.';
    }
    if (error.code === 'NotFoundOrder')
        return 'Check order-id.';
    if (error.code === 'NotRemainCount' || error.code === 'NotFoundPackage') {
        return 'Buy a certificate package for product-code, or return quota by cancelling unused orders.';
    }
    if (error.code === 'NetworkError')
        return 'Check the endpoint inputs and the network, then run again.';
    return error.recommend
        ? `See ${error.recommend}.`
        : 'Check the inputs named in the message, then run again.';
}

/** Removes every item it can; returns those still in place. Never throws. */
async function removeLeftovers(items, deps) {
    const { log } = deps;
    const left = [];
    for (const item of items) {
        let removed = false;
        if (item.kind === 'alidns-record') {
            removed = deps.dns ? await removeAlidnsRecord(deps.dns, item, log) : false;
        }
        else if (item.kind === 'file') {
            removed = await removeValidationFile(item, log);
        }
        else {
            removed = deps.hook ? await runHookCleanup(deps.hook, item, log) : false;
        }
        if (!removed)
            left.push(item);
    }
    if (left.length > 0) {
        log.warning(`Validation leftovers to remove by hand: ${left.map(describeItem).join('; ')}.`);
    }
    return left;
}

// The post step: remove validation leftovers when the main step could not (crash, cancellation).
// It never fails the job: what it cannot remove is reported as a warning.
async function runPost() {
    const items = parseCleanupItems(loadCleanupItems());
    if (items.length === 0)
        return;
    for (const name of ['access-key-secret', 'security-token']) {
        const value = getInput(name);
        if (value)
            setSecret(value);
    }
    const log = createActionsLogger();
    info(`Removing ${items.length} validation leftover(s) of the main step.`);
    let services;
    try {
        let config;
        try {
            config = parseConfig((name) => getInput(name), process.env);
            services = createServices(config, (c) => debug(describeCall(c)));
        }
        catch (error) {
            log.warning(`The post step cannot read its inputs (${describeFailure(error)}).`);
        }
        const hook = config && hookRunnerFor(config);
        saveCleanupItems(await removeLeftovers(items, { log, dns: services?.dns, hook }));
    }
    catch (error) {
        warning(`Could not remove the validation leftovers (${describeFailure(error)}); ` +
            `remove them by hand: ${items.map(describeItem).join('; ')}.`);
    }
    finally {
        await services?.client.close();
    }
}

// GitHub runs this file for both the main and the post step; saved state tells which.
await (isPostStep() ? runPost() : runMain());
