// Plain http only where it never leaves the machine: a signed call carries the key id and the STS token, the STS
// exchange the job's ID token, GitHub's token request its bearer (SECURITY.md).

export const PLAIN_HTTP_LOOPBACK_ONLY =
  'must use https: plain http is allowed for loopback only (127.0.0.0/8, ::1, localhost)';

/** 127.0.0.0/8, ::1 and localhost (URL's hostname, IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why `url` may not be sent to, or undefined: an http URL off loopback. */
export function plainHttpProblem(url: URL): string | undefined {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname) ? PLAIN_HTTP_LOOPBACK_ONLY : undefined;
}

/** ACTIONS_ID_TOKEN_REQUEST_URL as the runner gives it (https), or a loopback stand-in; else why not. */
export function idTokenUrlProblem(raw: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    return `ACTIONS_ID_TOKEN_REQUEST_URL is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL (got ${url.protocol})`;
  const problem = plainHttpProblem(url);
  return problem ? `ACTIONS_ID_TOKEN_REQUEST_URL ${problem} (got ${url.origin})` : undefined;
}
