import { aN as AcmeProblemError, bl as generateKeyPair } from './start.js';
import { p as promisify } from './_builtin_util.js';
import { X as X509Certificate, A as AuthorityKeyIdentifierExtension } from './peculiar-x509.js';
import { z as srcExports } from './acme-client.js';
import './asn1js.js';
import './commonjs-helpers.js';
import './pvtsutils.js';
import './pvutils.js';
import 'tty';
import 'crypto';
import 'stream';
import 'path';
import 'fs';
import 'http2';
import 'zlib';
import 'dns';
import 'net';
import 'util';
import 'http';
import 'https';
import 'url';
import 'tls';
import 'assert';
import 'events';

// The ACME port over the acme-client library (RFC 8555): loaded only when certificate-api is acme, into a chunk
// of its own (rollup.config.js). The library retries badNonce answers itself (a fresh nonce each time); this
// adapter adds what it leaves out: the problem type in every error, waits bounded by the run's deadline, and a
// finalize whose answer was lost read again from the order URL instead of being sent again.
const PROBLEM_PREFIX = 'urn:ietf:params:acme:error:';
/** The problem document of an answer: its own, or the error of an invalid authorization's challenge. */
function problemOf(data) {
    if (!data || typeof data !== 'object')
        return undefined;
    const body = data;
    if (typeof body.type === 'string' && body.type.startsWith(PROBLEM_PREFIX))
        return { type: body.type, detail: String(body.detail ?? '') };
    if (body.status !== 'invalid')
        return undefined;
    const errors = [
        body.error,
        ...(Array.isArray(body.challenges) ? body.challenges.map((c) => c?.error) : []),
    ];
    for (const error of errors) {
        const found = problemOf(error);
        if (found)
            return found;
    }
    return undefined;
}
/** The last problem the CA answered, per process: the library's errors carry the detail only. */
let lastProblem;
let watching = false;
function watchProblems() {
    if (watching)
        return;
    watching = true;
    boundRateLimits();
    srcExports.axios.interceptors.response.use((response) => {
        const problem = problemOf(response.data);
        if (problem)
            lastProblem = problem;
        return response;
    });
}
/** The run's end (wait-timeout), per process: a rate limit whose Retry-After passes it ends the run at once. */
let runDeadline = Number.POSITIVE_INFINITY;
/** A rateLimited answer the library would wait out (it sleeps Retry-After itself) past the run's deadline. */
class RetryPastDeadline extends Error {
    problem;
    retryAt;
    constructor(problem, retryAt) {
        super(problem.detail);
        this.problem = problem;
        this.retryAt = retryAt;
    }
}
function retryAfterMs(value) {
    if (typeof value !== 'string' || !value.trim())
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
/**
 * Ahead of the library's own retry handler (which waits Retry-After, however long): a rateLimited answer whose
 * retry time passes the deadline ends the wait now; one within it is left to the library to wait out.
 */
function boundRateLimits() {
    const handlers = srcExports.axios.interceptors.response.handlers;
    handlers.unshift({
        fulfilled: null,
        synchronous: false,
        runWhen: null,
        rejected: (error) => {
            const response = error.response;
            const problem = problemOf(response?.data);
            const wait = retryAfterMs(response?.headers?.['retry-after']);
            if (response?.status === 429 && problem && wait !== undefined && Date.now() + wait > runDeadline)
                return Promise.reject(new RetryPastDeadline(problem, new Date(Date.now() + wait)));
            return Promise.reject(error);
        },
    });
}
/** `fn`, or an AcmeProblemError when it did not finish by `deadline`. */
async function beforeDeadline(what, deadline, fn) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new AcmeProblemError(what, undefined, 'not done before wait-timeout ran out')), Math.max(0, deadline - Date.now()));
    });
    try {
        return await Promise.race([fn(), late]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Sends of one request after badNonce answers (the library's own default is 5). */
const BAD_NONCE_RETRIES = 12;
function createAcmeAuthority(settings) {
    watchProblems();
    if (settings.deadline !== undefined)
        runDeadline = settings.deadline;
    // A request without an answer is sent again by the library after this many seconds times the attempt.
    const defaults = srcExports.axios.defaults;
    if (defaults.acmeSettings)
        defaults.acmeSettings.retryDefaultDelay = settings.pollIntervalMs / 1000;
    const client = new srcExports.Client({
        directoryUrl: settings.directoryUrl,
        accountKey: settings.accountKey,
        ...(settings.eab ? { externalAccountBinding: settings.eab } : {}),
        backoffMin: settings.pollIntervalMs,
        backoffMax: settings.maxPollIntervalMs,
        // The deadline (beforeDeadline) ends the wait, not a count.
        backoffAttempts: 100_000,
    });
    // The library sends a request again with a fresh nonce after a badNonce answer, 5 times by default; a CA whose
    // nonce store is spread over nodes refuses many, and each request must get through: 12 makes a miss unheard of.
    const http = client.http;
    if (http && typeof http.maxBadNonceRetries === 'number')
        http.maxBadNonceRetries = BAD_NONCE_RETRIES;
    /** Every call through here: its failure names the CA's problem type and detail. */
    async function call(operation, fn) {
        lastProblem = undefined;
        try {
            return await fn();
        }
        catch (error) {
            if (error instanceof AcmeProblemError)
                throw error;
            if (error instanceof RetryPastDeadline)
                throw new AcmeProblemError(operation, error.problem.type, `${error.problem.detail} (the CA says retry after ${error.retryAt.toISOString().replace(/\.\d+Z$/, 'Z')}, ` +
                    'past wait-timeout: run again then)');
            const problem = lastProblem;
            const message = error instanceof Error ? error.message : String(error);
            throw new AcmeProblemError(operation, problem?.type, problem?.detail || message);
        }
    }
    const orders = new Map();
    const libraryOrder = (order) => {
        const found = orders.get(order.url);
        if (!found)
            throw new Error(`unknown order ${order.url}`);
        return found;
    };
    let accountUrl;
    const authority = {
        account() {
            accountUrl ??= call('account registration', async () => {
                // newAccount itself: the library's createAccount follows an existing account (HTTP 200) with an update,
                // which a CA refuses when there is nothing to change (an account without acme-email).
                const library = client;
                await library.api.createAccount({
                    termsOfServiceAgreed: true,
                    ...(settings.email ? { contact: [`mailto:${settings.email}`] } : {}),
                });
                return client.getAccountUrl();
            });
            return accountUrl;
        },
        async newOrder(names) {
            await authority.account();
            const order = await call('new order', () => client.createOrder({ identifiers: names.map((value) => ({ type: 'dns', value })) }));
            orders.set(order.url, order);
            return { url: order.url, status: order.status, names };
        },
        async authorizations(order) {
            const list = await call('reading the authorizations', () => client.getAuthorizations(libraryOrder(order)));
            const result = [];
            for (const authz of list) {
                const challenges = [];
                for (const challenge of authz.challenges) {
                    if (challenge.type !== 'dns-01' && challenge.type !== 'http-01')
                        continue;
                    challenges.push({
                        type: challenge.type,
                        url: challenge.url,
                        token: challenge.token,
                        proof: await client.getChallengeKeyAuthorization(challenge),
                    });
                }
                result.push({
                    url: authz.url,
                    identifier: authz.identifier.value,
                    wildcard: authz.wildcard === true,
                    status: authz.status,
                    challenges,
                });
            }
            return result;
        },
        async answer(authorization, challenge, deadline) {
            if (authorization.status === 'valid')
                return;
            const what = `validation of ${authorization.identifier} (${challenge.type})`;
            await call(what, () => client.completeChallenge({
                type: challenge.type,
                url: challenge.url,
                token: challenge.token,
                status: 'pending',
            }));
            await call(what, () => beforeDeadline(what, deadline, () => client.waitForValidStatus({ url: authorization.url })));
        },
        async finalize(order, csrPem, deadline) {
            const placed = libraryOrder(order);
            let finalized;
            try {
                finalized = await call('finalize', () => client.finalizeOrder(placed, csrPem));
            }
            catch (error) {
                // The answer may be lost although the CA took the CSR: the order says which, and is never sent twice
                // unless it still waits for one.
                const now = await call('reading the order', () => client.getOrder(placed));
                if (now.status === 'ready')
                    finalized = await call('finalize', () => client.finalizeOrder(placed, csrPem));
                else if (now.status === 'processing' || now.status === 'valid')
                    finalized = now;
                else
                    throw error;
            }
            const valid = await call('waiting for the certificate', () => beforeDeadline('waiting for the certificate', deadline, () => client.waitForValidStatus({ ...finalized, url: placed.url })));
            return call('downloading the certificate', () => client.getCertificate(valid));
        },
        async keyAndCsr(names, keyAlgorithm) {
            const pair = keyAlgorithm === 'ECC_256'
                ? await promisify(generateKeyPair)('ec', { namedCurve: 'P-256' })
                : await promisify(generateKeyPair)('rsa', { modulusLength: Number(keyAlgorithm.slice(4)) || 2048 });
            const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
            const [, csr] = await srcExports.crypto.createCsr({ commonName: names[0] ?? '', altNames: names }, privateKeyPem);
            return { privateKeyPem, csrPem: csr.toString() };
        },
        async renewalWindow(certificatePem) {
            const directory = await call('reading the directory', async () => {
                const answer = await srcExports.axios.get(settings.directoryUrl);
                return answer.data;
            });
            if (typeof directory.renewalInfo !== 'string')
                return undefined;
            const url = `${directory.renewalInfo.replace(/\/+$/, '')}/${renewalInfoId(certificatePem)}`;
            const window = await call('reading the renewal information', async () => {
                const answer = await srcExports.axios.get(url);
                if (answer.status !== 200)
                    throw new Error(`HTTP ${answer.status} from ${url}`);
                return answer.data.suggestedWindow;
            });
            const start = new Date(window?.start ?? '');
            const end = new Date(window?.end ?? '');
            if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
                throw new AcmeProblemError('reading the renewal information', undefined, `no suggestedWindow at ${url}`);
            return { start, end };
        },
    };
    return authority;
}
/** RFC 9773 section 4.1: base64url(Authority Key Identifier) `.` base64url(the serial's DER integer bytes). */
function renewalInfoId(certificatePem) {
    const leaf = new X509Certificate(certificatePem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0] ?? '');
    const keyId = leaf.getExtension(AuthorityKeyIdentifierExtension)?.keyId;
    if (!keyId)
        throw new AcmeProblemError('reading the renewal information', undefined, 'the certificate has no Authority Key Identifier');
    let serial = leaf.serialNumber.length % 2 ? `0${leaf.serialNumber}` : leaf.serialNumber;
    if (/^[89a-f]/i.test(serial))
        serial = `00${serial}`;
    const b64 = (hex) => Buffer.from(hex, 'hex').toString('base64url');
    return `${b64(keyId)}.${b64(serial)}`;
}

export { createAcmeAuthority, renewalInfoId };
