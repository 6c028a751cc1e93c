import { u as textField, A as AliyunApiError, b0 as percentEncode, b1 as randomUUID, b2 as formatTimestamp, a_ as createTransport, a$ as parseJsonObject, b3 as classifyServiceError, b4 as DEFAULT_RETRY_POLICY, b5 as backoffDelayMs } from './start.js';

// STS 2015-04-01 AssumeRoleWithOIDC: a GitHub ID token for a temporary key (docs/keyless.md).
// The call is anonymous (the ID token is the proof), so it goes around the signed client.
const STS_VERSION = '2015-04-01';
const ACTION = 'AssumeRoleWithOIDC';
/** `deadline` (epoch ms): the run's; no request or retry of the exchange goes past it. */
function createStsService(endpoint, deadline) {
    return {
        async assumeRoleWithOidc(req) {
            const body = encode({
                OIDCProviderArn: req.oidcProviderArn,
                RoleArn: req.roleArn,
                OIDCToken: req.oidcToken,
                RoleSessionName: req.roleSessionName,
                DurationSeconds: String(req.durationSeconds),
            });
            const answer = await postWithRetries(endpoint, body, deadline);
            const c = (answer.Credentials ?? {});
            const accessKeyId = textField(c.AccessKeyId);
            const accessKeySecret = textField(c.AccessKeySecret);
            const securityToken = textField(c.SecurityToken);
            // Mask first: nothing below may run with a part of the key still printable.
            for (const part of [accessKeyId, accessKeySecret, securityToken])
                if (part)
                    req.maskSecret(part);
            const expiresAt = new Date(textField(c.Expiration) ?? '');
            if (!accessKeyId || !accessKeySecret || !securityToken || Number.isNaN(expiresAt.getTime())) {
                throw new AliyunApiError({
                    action: ACTION,
                    code: 'MalformedResponse',
                    message: 'the answer holds no complete Credentials (AccessKeyId, AccessKeySecret, SecurityToken, Expiration)',
                    requestId: textField(answer.RequestId),
                });
            }
            const user = (answer.AssumedRoleUser ?? {});
            return {
                credentials: { accessKeyId, accessKeySecret, securityToken },
                expiresAt,
                ...(textField(user.Arn) ? { assumedRoleArn: textField(user.Arn) } : {}),
            };
        },
    };
}
/** Throttling, 5xx and lost connections are retried: assuming a role again costs nothing and orders nothing. */
async function postWithRetries(endpoint, body, deadline) {
    const base = new URL(/^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`);
    for (let attempt = 1;; attempt++) {
        const query = encode({
            Action: ACTION,
            Format: 'JSON',
            Version: STS_VERSION,
            Timestamp: formatTimestamp(new Date()),
            SignatureNonce: randomUUID(),
        });
        let error;
        let retryable;
        try {
            // The same transport as every signed call, so a runner's HTTPS_PROXY / NO_PROXY apply here too.
            const transport = createTransport();
            const response = await transport
                .request('POST', `${base.origin}/?${query}`, { 'content-type': 'application/x-www-form-urlencoded' }, body, { deadline })
                .finally(() => transport.close());
            const fields = parseJsonObject(response.text);
            if (response.status >= 200 && response.status < 300 && fields)
                return fields;
            const code = textField(fields?.Code) ?? `HTTP${response.status}`;
            error = new AliyunApiError({
                action: ACTION,
                code,
                message: textField(fields?.Message) ?? `HTTP ${response.status}`,
                status: response.status,
                requestId: textField(fields?.RequestId),
            });
            retryable = classifyServiceError(response.status, textField(fields?.Code)) !== 'final';
        }
        catch (cause) {
            error = new AliyunApiError({
                action: ACTION,
                code: 'NetworkError',
                message: `no answer from ${base.origin} (${cause.message})`,
                cause,
            });
            // An answer past the size cap, or plain http off loopback, comes back the same on every try.
            retryable = !['ANSWER_TOO_LARGE', 'PLAIN_HTTP'].includes(cause?.code ?? '');
        }
        if (!retryable || attempt >= DEFAULT_RETRY_POLICY.maxAttempts)
            throw error;
        const waitMs = backoffDelayMs(attempt, DEFAULT_RETRY_POLICY);
        if (deadline !== undefined && Date.now() + waitMs > deadline)
            throw error;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
}
function encode(params) {
    return Object.entries(params)
        .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
        .join('&');
}

export { STS_VERSION, createStsService };
