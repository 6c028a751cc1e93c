/** The one error type of the cloud client: a service error, or a transport failure that the service never answered. */
class AliyunApiError extends Error {
    name = 'AliyunApiError';
    action;
    /** The service's `Code`, or `NetworkError` / `MalformedResponse` for failures with no answer. */
    code;
    status;
    requestId;
    recommend;
    /**
     * True when a call that changes state may or may not have taken effect (sent, then no clear answer).
     * The caller must reconcile (look the result up) before anything else: never retry it blindly.
     */
    outcomeUnknown;
    constructor(init) {
        super(init.message, { cause: init.cause });
        this.action = init.action;
        this.code = init.code;
        this.status = init.status;
        this.requestId = init.requestId;
        this.recommend = init.recommend;
        this.outcomeUnknown = init.outcomeUnknown ?? false;
    }
    /** One line for logs and failure messages: action, code, message, request id. */
    describe() {
        const request = this.requestId ? ` (RequestId ${this.requestId})` : '';
        return `${this.action} failed: ${this.code}: ${this.message}${request}`;
    }
}

/** A failure the user can act on: one sentence naming the order or operation and what to do next. */
class FlowError extends Error {
    name = 'FlowError';
}
function emptyResult(status, orderId) {
    return { status, orderId, timeline: [], details: [] };
}

export { AliyunApiError as A, FlowError as F, emptyResult as e };
