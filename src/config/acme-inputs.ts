// The acme-* inputs and `upload` (README, "Certificates from Let's Encrypt"): read and checked before any call, each
// problem naming its input. Read for every run, so that an acme-* input given without certificate-api acme is said.
import { createPrivateKey } from 'node:crypto';
import { ACME_DIRECTORIES, acmeDirectoryUrl, EAB_REQUIRED } from '../authority/acme.js';
import type { CertificateApiInput } from '../authority/port.js';
import { isWildcard } from '../core/domains.js';
import type { InputReader, ReportProblem } from './readers.js';

/** The one command that makes an account key (README, "Certificates from Let's Encrypt"). */
export const ACCOUNT_KEY_COMMAND =
  'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out acme-account.pem';

export interface AcmeInputs {
  directory: string;
  directoryUrl: string;
  email?: string;
  /** PEM, masked by main. */
  accountKey: string;
  eab?: { kid: string; hmacKey: string };
}

export interface AcmeReading {
  acme?: AcmeInputs;
  /** `upload`: the ACME certificate goes to CAS (default: true when something is deployed). */
  upload: boolean;
}

export function readAcmeInputs(
  read: InputReader,
  fail: ReportProblem,
  facts: {
    certificateApi: CertificateApiInput;
    mode: string;
    domains: readonly string[];
    validationMethod: string;
    dnsProvider: string;
    fileValidationRoot?: string;
    deploys: boolean;
    flag: (name: string, fallback: boolean) => boolean;
  },
): AcmeReading {
  const text = (name: string) => read(name).trim() || undefined;
  const upload = facts.flag('upload', facts.deploys);
  if (facts.certificateApi !== 'acme') {
    for (const name of ['acme-account-key', 'acme-eab-kid', 'acme-eab-hmac-key', 'acme-email'])
      if (text(name)) fail(name, 'is read with certificate-api acme only');
    return { upload };
  }
  if (facts.mode !== 'issue')
    fail(
      'certificate-api',
      `acme serves mode issue only (got mode ${facts.mode}); renewing is issuing again`,
    );
  const directory = text('acme-directory') ?? 'letsencrypt';
  const directoryUrl = acmeDirectoryUrl(directory);
  if (!directoryUrl)
    fail(
      'acme-directory',
      `must be ${Object.keys(ACME_DIRECTORIES).join(', ')} or an https URL of an ACME directory (got '${directory}')`,
    );
  const accountKey = text('acme-account-key');
  if (!accountKey) {
    fail(
      'acme-account-key',
      'is required with certificate-api acme: the PEM of your ACME account key, from a secret (made once, ' +
        `kept: a new key each run would be a new account and meet the CA's rate limits). Make one with: ${ACCOUNT_KEY_COMMAND}`,
    );
  } else if (!readablePrivateKey(accountKey)) {
    fail(
      'acme-account-key',
      `is not a readable PEM private key (EC P-256 or RSA); make one with: ${ACCOUNT_KEY_COMMAND}`,
    );
  }
  const kid = text('acme-eab-kid');
  const hmacKey = text('acme-eab-hmac-key');
  if (Boolean(kid) !== Boolean(hmacKey))
    fail(
      kid ? 'acme-eab-hmac-key' : 'acme-eab-kid',
      'and the other External Account Binding input go together',
    );
  if (hmacKey && !/^[A-Za-z0-9_-]+={0,2}$/.test(hmacKey))
    fail('acme-eab-hmac-key', 'must be the base64url HMAC key the CA gave with the key id');
  if (!kid && EAB_REQUIRED.includes(directory.toLowerCase()))
    fail(
      'acme-eab-kid',
      `is required with acme-directory ${directory} (with acme-eab-hmac-key: its External Account Binding)`,
    );
  const email = text('acme-email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    fail('acme-email', `must be an email address (got '${email}')`);
  checkChallengeInputs(facts, fail);
  if (facts.deploys && !upload)
    fail(
      'upload',
      'must be true when something is deployed: the deploy targets take certificates held in CAS',
    );
  return {
    upload,
    acme: {
      directory,
      directoryUrl: directoryUrl ?? '',
      ...(email ? { email } : {}),
      accountKey: accountKey ?? '',
      ...(kid && hmacKey ? { eab: { kid, hmacKey } } : {}),
    },
  };
}

/** Which challenge proves the names: DNS-01 through alidns, hook or by hand, HTTP-01 into file-validation-root. */
function checkChallengeInputs(facts: Parameters<typeof readAcmeInputs>[2], fail: ReportProblem): void {
  if (facts.validationMethod === 'FILE') {
    const wildcard = facts.domains.find(isWildcard);
    if (wildcard)
      fail(
        'validation-method',
        `FILE (ACME HTTP-01) cannot prove the wildcard ${wildcard}: the CA takes DNS-01 only for a wildcard; use validation-method DNS`,
      );
    if (!facts.fileValidationRoot)
      fail(
        'file-validation-root',
        'is required with certificate-api acme and validation-method FILE (HTTP-01)',
      );
  }
}

function readablePrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}
