// The ACME port (RFC 8555): what the ACME source (src/sources/acme/) asks of an ACME certificate authority, in its
// words. The adapter over the acme-client library is acme-api.ts, loaded only when certificate-api is acme
// (src/action/wiring.ts). Pure at import time: the config reads the directory names from here.

/** `acme-directory` shorthands; anything else must be an https URL of a directory. */
export const ACME_DIRECTORIES: Readonly<Record<string, string>> = {
  letsencrypt: 'https://acme-v02.api.letsencrypt.org/directory',
  'letsencrypt-staging': 'https://acme-staging-v02.api.letsencrypt.org/directory',
  zerossl: 'https://acme.zerossl.com/v2/DV90',
  google: 'https://dv.acme-v02.api.pki.goog/directory',
};

/** The CAs that refuse an account without External Account Binding. */
export const EAB_REQUIRED: readonly string[] = ['zerossl', 'google'];

/** What the adapter is built with (src/config: the acme-* inputs). */
export interface AcmeSettings {
  /** The shorthand as given, or the URL. */
  directory: string;
  directoryUrl: string;
  email?: string;
  /** PEM; masked by main before anything is printed. */
  accountKey: string;
  eab?: { kid: string; hmacKey: string };
  /** Polling of authorizations and the order. */
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  /** The run's end (epoch ms, wait-timeout): a rate limit that lasts past it ends the run at once. */
  deadline?: number;
}

export type AcmeChallengeType = 'dns-01' | 'http-01';

export interface AcmeChallengeOffer {
  type: AcmeChallengeType;
  url: string;
  token: string;
  /** What proves control: the TXT value for dns-01 (the key authorization's digest), the file content for http-01. */
  proof: string;
}

export interface AcmeAuthorization {
  url: string;
  /** The name as the CA validates it: a wildcard's base, without `*.`. */
  identifier: string;
  wildcard: boolean;
  status: string;
  challenges: AcmeChallengeOffer[];
}

export interface AcmeOrder {
  url: string;
  status: string;
  names: string[];
}

/** A problem document of the CA (RFC 8555 section 6.7), or a failure to reach it. */
export class AcmeProblemError extends Error {
  override readonly name = 'AcmeProblemError';
  constructor(
    readonly operation: string,
    /** `urn:ietf:params:acme:error:rateLimited`; undefined when no problem document came back. */
    readonly type: string | undefined,
    readonly detail: string,
  ) {
    super(`ACME ${operation} failed: ${type ? `${type}: ` : ''}${detail}`);
  }
}

export interface AcmeAuthority {
  /** Registers the account key (or finds its account: the same key always has the same account); its URL. */
  account(): Promise<string>;
  /** A new order for these names (a wildcard as `*.example.com`). */
  newOrder(names: string[]): Promise<AcmeOrder>;
  authorizations(order: AcmeOrder): Promise<AcmeAuthorization[]>;
  /** Tells the CA the challenge is ready, then waits (within the deadline) until the authorization is valid. */
  answer(authorization: AcmeAuthorization, challenge: AcmeChallengeOffer, deadline: number): Promise<void>;
  /**
   * Finalizes with the CSR and waits for the certificate; an answer that is lost is re-read from the order URL,
   * so the order is never finalized twice. Leaf then chain, PEM.
   */
  finalize(order: AcmeOrder, csrPem: string, deadline: number): Promise<string>;
  /** A private key (PKCS#8 PEM) and a CSR for these names: `RSA_2048`…, `ECC_256`. */
  keyAndCsr(names: string[], keyAlgorithm: string): Promise<{ privateKeyPem: string; csrPem: string }>;
  /**
   * The CA's suggested renewal window for this certificate (ACME Renewal Information, RFC 9773), or undefined when
   * the directory offers none.
   */
  renewalWindow(certificatePem: string): Promise<{ start: Date; end: Date } | undefined>;
}

/** Pure: the directory URL of an `acme-directory` value, or undefined when it is neither a shorthand nor an https URL. */
export function acmeDirectoryUrl(value: string): string | undefined {
  const known = ACME_DIRECTORIES[value.toLowerCase()];
  if (known) return known;
  try {
    return new URL(value).protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}
