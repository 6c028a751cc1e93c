// The one client for every Alibaba Cloud RPC product: common parameters, signing, transport, retries, typed errors.
import { randomUUID } from 'node:crypto';
import { isRecord } from '../core/records.js';
import { signAcs3 } from './acs3-signature.js';
import type { AccessKeyCredentials, CredentialsProvider } from './credentials.js';
import { AliyunApiError } from './errors.js';
import { parseJsonLosslessly } from './json.js';
import {
  CallPacer,
  classifyServiceError,
  DEFAULT_RETRY_POLICY,
  type FailureClass,
  mayRetry,
  nextRetryDelayMs,
  outcomeUnknownAfter,
  parseRetryAfterMs,
  policyFor,
  type RetryPolicy,
  THROTTLING_RETRY_POLICY,
} from './retry.js';
import { buildRoaRequest, type RoaRequest, type SignedHttpRequest } from './roa.js';
import { scrubEchoedRequest, splitSigningInput } from './scrub.js';
import { formatTimestamp, percentEncode, signRpcV1 } from './sign.js';
import {
  createTransport,
  DEFAULT_TIMEOUTS,
  MAX_ANSWER_BYTES,
  type Transport,
  type TransportTimeouts,
} from './transport.js';

export type SignatureAlgorithm = 'HMAC-SHA1' | 'ACS3-HMAC-SHA256';
export type ParamValue = string | number | boolean | undefined;
export type RpcResponse = Record<string, unknown> & { RequestId?: string };

export interface RpcRequest {
  /** `https://cas.aliyuncs.com`, `http://127.0.0.1:8080`, or a bare host (then https). */
  endpoint: string;
  version: string;
  action: string;
  params?: Readonly<Record<string, ParamValue>>;
  /** True for create, renew, cancel, delete, revoke, add record: retried only when it surely did not run. */
  changesState: boolean;
  /** Epoch ms after which no retry is started (a `Retry-After` past it ends the call). */
  deadline?: number;
}

/** What a call did, for the debug log and the tests: never parameters, so never secrets. */
export interface RpcCallRecord {
  action: string;
  version: string;
  attempt: number;
  status: number | undefined;
  code: string | undefined;
  requestId: string | undefined;
  durationMs: number;
}

export interface RpcClientOptions {
  /** A fixed key, or a provider asked before every attempt (temporary keys renew themselves). */
  credentials: AccessKeyCredentials | CredentialsProvider;
  signatureAlgorithm?: SignatureAlgorithm;
  /** Server errors, lost connections. */
  retry?: Partial<RetryPolicy>;
  /** Throttling refusals (`Throttling*`, HTTP 429). */
  throttlingRetry?: Partial<RetryPolicy>;
  /** Epoch ms: no wait of any call ends past it (a request's own `deadline` may be earlier). */
  deadline?: number;
  timeouts?: Partial<TransportTimeouts>;
  onCall?: (record: RpcCallRecord) => void;
  /** Told of every answer before anything else is (onCall included): where the run masks the keys it carries. */
  onAnswer?: (body: RpcResponse) => void;
  /** Told once per client of what the caller should know but need not stop for (an unreadable Retry-After). */
  onWarning?: (message: string) => void;
  /** Told what a failure leaves out (a refused signature's server string to sign), scrubbed. */
  onDebug?: (message: string) => void;
  userAgent?: string;
}

interface Attempt {
  result?: RpcResponse;
  error: AliyunApiError;
  failure: FailureClass;
  retryAfterMs?: number;
}

/** What the retry loop needs of a call, RPC or ROA. */
interface CallShape {
  action: string;
  version: string;
  changesState: boolean;
  deadline?: number | undefined;
  /** ROA: a 2xx without a body (a write that answers nothing) reads as `{}`. */
  emptyIsObject?: boolean;
}

const USER_AGENT = 'alibaba-cloud-ssl-certificate-action';

export class RpcClient {
  private readonly transport: Transport;
  private readonly policies: { default: RetryPolicy; throttling: RetryPolicy };
  private readonly algorithm: SignatureAlgorithm;
  private warnedRetryAfter = false;
  /** Every attempt, retries included, waits for its place within the action's documented calls a second. */
  private readonly pacer = new CallPacer();

  constructor(private readonly options: RpcClientOptions) {
    this.transport = createTransport({ ...DEFAULT_TIMEOUTS, ...options.timeouts });
    this.policies = {
      default: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      throttling: { ...THROTTLING_RETRY_POLICY, ...options.throttlingRetry },
    };
    this.algorithm = options.signatureAlgorithm ?? 'HMAC-SHA1';
  }

  async call(req: RpcRequest): Promise<RpcResponse> {
    return this.run(req, (key) => this.buildRequest(req, key));
  }

  /** A ROA operation (src/aliyun/roa.ts), through the same credentials, retries, deadline and error reading. */
  async roa(req: RoaRequest): Promise<Record<string, unknown>> {
    const userAgent = this.options.userAgent ?? USER_AGENT;
    return this.run({ ...req, emptyIsObject: true }, (key) => buildRoaRequest(req, key, userAgent));
  }

  private async run(
    req: CallShape,
    build: (key: AccessKeyCredentials) => SignedHttpRequest,
  ): Promise<RpcResponse> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(req, attempt, build);
      if (outcome.result) return outcome.result;
      const { error, failure } = outcome;
      if (!mayRetry(failure, req.changesState)) {
        if (outcomeUnknownAfter(failure, req.changesState)) throw withOutcomeUnknown(error);
        throw error;
      }
      const policy = policyFor(failure, this.policies);
      const deadline = earliest(req.deadline, this.options.deadline);
      const waitMs = nextRetryDelayMs({
        failure,
        attempt,
        policy,
        retryAfterMs: outcome.retryAfterMs,
        nowMs: Date.now(),
        deadline,
      });
      if (waitMs === undefined) {
        // Attempts left, yet the wait (the backoff or the service's hint) would end past the run's deadline:
        // give up now rather than sleep through it (docs/faults.md, "No hang").
        if (attempt < policy.maxAttempts && deadline !== undefined)
          throw pastDeadline(error, outcome, deadline);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async attempt(
    req: CallShape,
    attempt: number,
    build: (key: AccessKeyCredentials) => SignedHttpRequest,
  ): Promise<Attempt> {
    const paced = this.pacer.delayFor(req.action, Date.now());
    if (paced > 0) await new Promise((resolve) => setTimeout(resolve, paced));
    const started = Date.now();
    const { credentials } = this.options;
    const key = typeof credentials === 'function' ? await credentials() : credentials;
    const sent = build(key);
    const { url, secrets } = sent;
    const scrub = (text: string | undefined) =>
      text === undefined ? undefined : scrubEchoedRequest(text, secrets);
    const record = (status?: number, code?: string, requestId?: string) =>
      this.options.onCall?.({
        action: req.action,
        version: req.version,
        attempt,
        status,
        code,
        requestId,
        durationMs: Date.now() - started,
      });
    let status: number;
    let text: string;
    let headers: Record<string, string | string[] | undefined>;
    try {
      ({ status, headers, text } = await this.transport.request(sent.method, url, sent.headers, sent.body, {
        deadline: earliest(req.deadline, this.options.deadline),
      }));
    } catch (cause) {
      const failure = transportFailure(cause);
      const origin = new URL(url).origin;
      const tooLarge = (cause as { code?: string })?.code === 'ANSWER_TOO_LARGE';
      const code = tooLarge ? 'AnswerTooLarge' : 'NetworkError';
      record(undefined, code);
      return {
        failure,
        error: new AliyunApiError({
          action: req.action,
          code,
          message: tooLarge
            ? `the answer from ${origin} exceeded ${MAX_ANSWER_BYTES / 1024 / 1024} MiB, more than any answer of this API; check the endpoint inputs`
            : `no answer from ${origin} (${scrub(describeCause(cause))})`,
          cause,
        }),
      };
    }
    const retryAfterRaw = headerValue(headers['retry-after']) ?? headerValue(headers['x-acs-retry-after']);
    const retryAfterMs = parseRetryAfterMs(retryAfterRaw, Date.now());
    if (retryAfterRaw !== undefined && retryAfterMs === undefined && !this.warnedRetryAfter) {
      this.warnedRetryAfter = true;
      this.options.onWarning?.(
        `${req.action}: the service's Retry-After header '${scrub(retryAfterRaw.slice(0, 60))}' is neither ` +
          'seconds nor an HTTP date; waiting the default backoff instead (said once per run).',
      );
    }
    let body: unknown;
    try {
      body = req.emptyIsObject && text.trim() === '' ? {} : parseJsonLosslessly(text);
    } catch {
      body = undefined;
    }
    const fields = isRecord(body) ? body : {};
    // RPC answers say Code/Message/RequestId; ROA products may say them in lower camel case (as the SDKs read).
    const requestId =
      stringField(fields.RequestId) ??
      stringField(fields.requestId) ??
      headerValue(headers['x-acs-request-id']);
    if (status >= 200 && status < 300 && isRecord(body)) {
      this.options.onAnswer?.(body as RpcResponse);
      record(status, undefined, requestId);
      return { result: body as RpcResponse, error: undefined as never, failure: 'final' };
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
    const serviceCode = stringField(fields.Code) ?? stringField(fields.code);
    const code = serviceCode ?? `HTTP${status}`;
    record(status, code, requestId);
    // A refused signature repeats the whole signed query: the failure keeps its sentence, the debug log the rest.
    const serverMessage = stringField(fields.Message) ?? stringField(fields.message);
    const said = serverMessage === undefined ? undefined : splitSigningInput(serverMessage);
    if (said?.signingInput) this.options.onDebug?.(`${req.action}: ${code}: ${scrub(said.signingInput)}`);
    return {
      failure: classifyServiceError(status, serviceCode),
      retryAfterMs,
      error: new AliyunApiError({
        action: req.action,
        code,
        message: said ? (scrub(said.message) ?? '') : `HTTP ${status}`,
        status,
        requestId,
        recommend: scrub(stringField(fields.Recommend) ?? stringField(fields.recommend)),
      }),
    };
  }

  /** Signs with a fresh nonce and timestamp; business parameters travel in the form body, as signed. */
  private buildRequest(req: RpcRequest, key: AccessKeyCredentials): SignedHttpRequest {
    const { accessKeyId, accessKeySecret, securityToken } = key;
    const base = new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`);
    const business: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.params ?? {})) {
      if (value !== undefined) business[name] = String(value);
    }
    const body = encodePairs(business);
    // A key sent (upload) is as secret as the credentials: an echo of the request must not repeat it.
    const keys = Object.values(business).filter((value) => value.includes('PRIVATE KEY'));
    const userAgent = this.options.userAgent ?? USER_AGENT;
    const nonce = randomUUID();
    const credentialSecrets = [nonce, accessKeyId, accessKeySecret, securityToken ?? '', ...keys];
    if (this.algorithm === 'HMAC-SHA1') {
      const common: Record<string, string> = {
        Action: req.action,
        Format: 'JSON',
        Version: req.version,
        AccessKeyId: accessKeyId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: nonce,
        Timestamp: formatTimestamp(new Date()),
        ...(securityToken ? { SecurityToken: securityToken } : {}),
      };
      const signature = signRpcV1('POST', { ...common, ...business }, accessKeySecret);
      const query = encodePairs({ ...common, Signature: signature });
      return {
        secrets: [signature, ...credentialSecrets],
        method: 'POST',
        url: `${base.origin}/?${query}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
        body,
      };
    }
    const { headers, signature } = signAcs3(
      {
        method: 'POST',
        host: base.host,
        pathname: '/',
        body,
        contentType: 'application/x-www-form-urlencoded',
        action: req.action,
        version: req.version,
        date: formatTimestamp(new Date()),
        nonce,
      },
      key,
    );
    const { host: _host, ...sent } = headers;
    return {
      secrets: [signature, ...credentialSecrets],
      method: 'POST',
      url: `${base.origin}/`,
      headers: { ...sent, 'user-agent': userAgent },
      body,
    };
  }
}

function encodePairs(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

/** Connection refused, an unknown host or a connect timeout means nothing reached the service. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'DEADLINE_PASSED',
]);
/** What no retry can change: an endpoint refused before sending, an answer past the size any answer has. */
const FINAL_CODES = new Set(['PLAIN_HTTP', 'ANSWER_TOO_LARGE']);

export function transportFailure(cause: unknown): FailureClass {
  const code = (cause as { code?: string })?.code ?? '';
  if (FINAL_CODES.has(code)) return 'final';
  return NOT_SENT_CODES.has(code) ? 'not-sent' : 'uncertain';
}

export function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

export function describeCause(cause: unknown): string {
  const { code, message } = (cause ?? {}) as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(': ') || String(cause);
}

export function withOutcomeUnknown(error: AliyunApiError): AliyunApiError {
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

/** The call gave up because waiting for its next attempt would end past the deadline (the outcome is as before). */
export function pastDeadline(
  error: AliyunApiError,
  outcome: { retryAfterMs?: number | undefined },
  deadline: number,
): AliyunApiError {
  const hint =
    outcome.retryAfterMs !== undefined
      ? `the service asked to wait ${Math.ceil(outcome.retryAfterMs / 1000)}s`
      : 'the next retry';
  const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
  return new AliyunApiError({
    action: error.action,
    code: error.code,
    message: `${error.message}; ${hint}, past this run's deadline (${left}s left), so it was not retried`,
    status: error.status,
    requestId: error.requestId,
    recommend: error.recommend,
    outcomeUnknown: error.outcomeUnknown,
    deadlineReached: true,
    cause: error,
  });
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
