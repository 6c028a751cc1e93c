// `verify-url`: what clients get, seen as they see it. A TLS handshake with the URL's name as SNI reads the served
// leaf; the deployment counts as done only when its SHA-256 fingerprint is the new certificate's, checked again
// until deploy-timeout (an edge takes a while to show a change). Trust is not the question here: the fingerprint is
// compared exactly, so the chain is not checked (docs/deploy.md).
import { connect } from 'node:tls';
import type { ServedUrl } from '../core/result.js';
import type { ServedCheck } from './target.js';

export interface ServedLeaf {
  /** Upper-case hex without colons. */
  sha256: string;
  subject: string;
  notAfter: string;
}

/** One handshake: the leaf the endpoint serves for the check's name, or why none was read. */
export function readServedLeaf(check: ServedCheck, timeoutMs: number): Promise<ServedLeaf> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: check.host,
      port: check.port,
      ...(check.servername ? { servername: check.servername } : {}),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no TLS handshake within ${Math.round(timeoutMs / 1000)}s`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const leaf = socket.getPeerX509Certificate();
      socket.end();
      if (!leaf) return reject(new Error('the endpoint served no certificate'));
      resolve({
        sha256: leaf.fingerprint256.replace(/:/g, ''),
        subject: leaf.subject.replace(/\n/g, ', '),
        notAfter: new Date(leaf.validTo).toISOString(),
      });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

export interface ServedCheckDeps {
  log: { info(message: string): void };
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Between handshakes: the deploy step's poll interval, with its backoff. */
  delayMs(attempt: number, deadline: number): number;
}

/**
 * Every URL at once: handshakes until the leaf served is the certificate (by SHA-256), or until the deadline.
 * Nothing here changes anything: a URL that never serves it is a failure naming the URL and what it serves.
 */
export async function verifyServed(
  deps: ServedCheckDeps,
  checks: readonly ServedCheck[],
  cert: { certId: string; sha256?: string },
  deadline: number,
): Promise<ServedUrl[]> {
  const wanted = cert.sha256?.replace(/:/g, '').toUpperCase();
  return Promise.all(
    checks.map(async (check): Promise<ServedUrl> => {
      if (!wanted) {
        return {
          url: check.url,
          outcome: 'not-served',
          problem: `the service gave no SHA-256 of certificate ${cert.certId} to compare ${check.url} with`,
        };
      }
      let seen = '';
      for (let attempt = 1; ; attempt++) {
        const left = deadline - deps.now().getTime();
        try {
          const leaf = await readServedLeaf(check, Math.max(1000, Math.min(10_000, left)));
          if (leaf.sha256 === wanted) {
            deps.log.info(
              `${check.url} serves certificate ${cert.certId} (SHA-256 ${wanted.slice(0, 16)}…).`,
            );
            return { url: check.url, outcome: 'served', servedAt: deps.now() };
          }
          const now = `a different certificate (${leaf.subject}, SHA-256 ${leaf.sha256.slice(0, 16)}…, not after ${leaf.notAfter})`;
          if (now !== seen) deps.log.info(`${check.url} still serves ${now}: waiting.`);
          seen = now;
        } catch (error) {
          const now = `no certificate: ${(error as Error).message}`;
          if (now !== seen) deps.log.info(`${check.url}: ${now}; trying again.`);
          seen = now;
        }
        const rest = deadline - deps.now().getTime();
        if (rest <= 0) {
          return {
            url: check.url,
            outcome: 'not-served',
            seen,
            problem: `${check.url} did not serve certificate ${cert.certId} within deploy-timeout (it serves ${seen})`,
          };
        }
        await deps.sleep(Math.min(deps.delayMs(attempt, deadline), rest));
      }
    }),
  );
}
