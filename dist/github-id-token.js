import { aZ as idTokenUrlProblem, a_ as createTransport, a$ as parseJsonObject } from './start.js';

// GitHub's OIDC ID token for a role (docs/keyless.md), asked for as core.getIDToken does. Our own small request,
// loaded only on the role path: core.getIDToken would pull @actions/http-client into every run's start.
/** `deadline` (epoch ms): the run's, past which the request is abandoned. */
async function requestGitHubIdToken(audience, env = process.env, deadline) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !bearer) {
        throw new Error("This job cannot ask GitHub for an ID token: add 'permissions: id-token: write' to the job (or workflow).");
    }
    // Checked with the inputs too (config/credentials.ts); here again, so that no path sends the bearer in clear.
    const problem = idTokenUrlProblem(url);
    if (problem)
        throw new Error(`This job cannot ask GitHub for an ID token: ${problem}.`);
    const target = new URL(url);
    target.searchParams.set('audience', audience);
    // The client's transport, so that a runner's proxy applies and a silent service cannot hold the run.
    const transport = createTransport();
    const answer = await transport
        .request('GET', target.href, { authorization: `Bearer ${bearer}`, accept: 'application/json; api-version=2.0' }, undefined, { deadline })
        .catch((cause) => {
        throw new Error(`GitHub's ID token service at ${target.origin} did not answer (${cause.message}); run again.`);
    })
        .finally(() => transport.close());
    const body = parseJsonObject(answer.text);
    if (answer.status !== 200 || typeof body?.value !== 'string' || body.value === '') {
        throw new Error(`GitHub's ID token service answered HTTP ${answer.status} without a token; run again.`);
    }
    return body.value;
}

export { requestGitHubIdToken };
