// The signed OSS request: V4 signature (oss-signature.ts) over the client's own transport (transport.ts: the
// deadline, the size cap, proxies), the same credentials provider as the RPC client (so STS keys and roles sign
// it too), and the same retry rules: a read retried after any transient failure, a write only when it surely did
// not run (retry.ts). Errors are OSS's XML `<Error>`, read into the one error type (errors.ts).

import { createHash } from 'node:crypto';
import type { AccessKeyCredentials, CredentialsProvider } from './credentials.js';
import { AliyunApiError } from './errors.js';
import { ossAuthorization, ossDate, ossEncode, UNSIGNED_PAYLOAD } from './oss-signature.js';
import { xmlText } from './oss-xml.js';
import {
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
import {
  describeCause,
  headerValue,
  pastDeadline,
  type RpcCallRecord,
  transportFailure,
  withOutcomeUnknown,
} from './rpc.js';
import { scrubEchoedRequest } from './scrub.js';
import {
  createTransport,
  DEFAULT_TIMEOUTS,
  MAX_ANSWER_BYTES,
  type Transport,
  type TransportTimeouts,
} from './transport.js';

export interface OssRequest {
  /** The operation (`PutCname`, `ListCname`): for the call records and the errors. */
  action: string;
  method: 'GET' | 'POST';
  bucket: string;
  /** The bucket's region (`cn-shanghai`): its endpoint and the signature's scope. */
  region: string;
  /** Sub-resources and parameters, as sent: `{ cname: null, comp: 'add' }` is `?cname&comp=add`. */
  query: Readonly<Record<string, string | null>>;
  /** An XML body. */
  body?: string;
  changesState: boolean;
  /**
   * Every bucket at this origin, path-style (`http://127.0.0.1:8080/<bucket>/`: tests, a private endpoint);
   * without it the bucket's own endpoint, `https://<bucket>.oss-<region>.aliyuncs.com/`.
   */
  endpoint?: string | undefined;
  /** The root element a successful answer has (`ListCnameResult`): one without it is malformed. */
  answerRoot?: string;
}

export interface OssAnswer {
  status: number;
  text: string;
  requestId: string | undefined;
}

/** What the targets are given (src/deploy/target.ts `TargetServices.oss`). */
export interface OssRequester {
  request(req: OssRequest): Promise<OssAnswer>;
}

export interface OssClientOptions {
  credentials: AccessKeyCredentials | CredentialsProvider;
  /** Epoch ms: no wait of any call ends past it. */
  deadline?: number | undefined;
  retry?: Partial<RetryPolicy>;
  throttlingRetry?: Partial<RetryPolicy>;
  timeouts?: Partial<TransportTimeouts>;
  onCall?: ((record: RpcCallRecord) => void) | undefined;
  /** Told what a refusal leaves out of its message (OSS's string to sign), scrubbed. */
  onDebug?: ((message: string) => void) | undefined;
  userAgent?: string;
}

interface Attempt {
  answer?: OssAnswer;
  error: AliyunApiError;
  failure: FailureClass;
  retryAfterMs?: number | undefined;
}

/** How call records and the debug log name the product (OSS has no RPC version). */
export const OSS_VERSION = 'OSS';

const USER_AGENT = 'alibaba-cloud-ssl-certificate-action';

export function ossUrl(req: Pick<OssRequest, 'bucket' | 'region' | 'query' | 'endpoint'>): URL {
  const query = Object.entries(req.query)
    .map(([name, value]) => (value === null ? ossEncode(name) : `${ossEncode(name)}=${ossEncode(value)}`))
    .join('&');
  const base = req.endpoint
    ? `${new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`).origin}/${req.bucket}/`
    : `https://${req.bucket}.oss-${req.region}.aliyuncs.com/`;
  return new URL(`${base}${query ? `?${query}` : ''}`);
}

export class OssClient implements OssRequester {
  private readonly transport: Transport;
  private readonly policies: { default: RetryPolicy; throttling: RetryPolicy };

  constructor(private readonly options: OssClientOptions) {
    this.transport = createTransport({ ...DEFAULT_TIMEOUTS, ...options.timeouts });
    this.policies = {
      default: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      throttling: { ...THROTTLING_RETRY_POLICY, ...options.throttlingRetry },
    };
  }

  async request(req: OssRequest): Promise<OssAnswer> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(req, attempt);
      if (outcome.answer) return outcome.answer;
      const { error, failure } = outcome;
      if (!mayRetry(failure, req.changesState)) {
        if (outcomeUnknownAfter(failure, req.changesState)) throw withOutcomeUnknown(error);
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

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async attempt(req: OssRequest, attempt: number): Promise<Attempt> {
    const started = Date.now();
    const { credentials } = this.options;
    const key = typeof credentials === 'function' ? await credentials() : credentials;
    const url = ossUrl(req);
    const headers: Record<string, string> = {
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
    const authorization = ossAuthorization(
      {
        method: req.method,
        bucket: req.bucket,
        query: req.query,
        headers: { ...headers, host: url.host },
        additionalHeaders: ['host'],
        region: req.region,
      },
      key.accessKeyId,
      key.accessKeySecret,
    );
    const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '';
    const secrets = [signature, key.accessKeyId, key.accessKeySecret, key.securityToken];
    const scrub = (text: string) => scrubEchoedRequest(text, secrets);
    const record = (status?: number, code?: string, requestId?: string) =>
      this.options.onCall?.({
        action: req.action,
        version: OSS_VERSION,
        attempt,
        status,
        code,
        requestId,
        durationMs: Date.now() - started,
      });
    let answer: Awaited<ReturnType<Transport['request']>>;
    try {
      answer = await this.transport.request(
        req.method,
        url.href,
        { ...headers, authorization, 'user-agent': this.options.userAgent ?? USER_AGENT },
        req.body,
        { deadline: this.options.deadline },
      );
    } catch (cause) {
      const tooLarge = (cause as { code?: string })?.code === 'ANSWER_TOO_LARGE';
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
        return { answer: { status, text, requestId }, error: undefined as never, failure: 'final' };
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
    if (signingInput) this.options.onDebug?.(`${req.action}: ${code}: string to sign ${scrub(signingInput)}`);
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
