/** The one error type of the cloud client: a service error, or a transport failure that the service never answered. */
export class AliyunApiError extends Error {
  override readonly name = 'AliyunApiError';
  readonly action: string;
  /** The service's `Code`, or `NetworkError` / `MalformedResponse` for failures with no answer. */
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly recommend: string | undefined;
  /**
   * True when a call that changes state may or may not have taken effect (sent, then no clear answer).
   * The caller must reconcile (look the result up) before anything else: never retry it blindly.
   */
  readonly outcomeUnknown: boolean;
  /** True when the client stopped retrying because the next wait would end past the run's deadline. */
  readonly deadlineReached: boolean;
  /** An STS refusal: the `sub` of the ID token it refused, what a trust policy's oidc:sub condition must match. */
  readonly idTokenSubject: string | undefined;

  constructor(init: {
    action: string;
    code: string;
    message: string;
    status?: number;
    requestId?: string;
    recommend?: string;
    outcomeUnknown?: boolean;
    deadlineReached?: boolean;
    idTokenSubject?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.action = init.action;
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.recommend = init.recommend;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.deadlineReached = init.deadlineReached ?? false;
    this.idTokenSubject = init.idTokenSubject;
  }

  /** One line for logs and failure messages: action, code, message, request id. */
  describe(): string {
    const request = this.requestId ? ` (RequestId ${this.requestId})` : '';
    return `${this.action} failed: ${this.code}: ${this.message}${request}`;
  }
}
