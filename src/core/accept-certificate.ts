// A certificate a run hands out (issue, renew, download): checked, and a failed check told as the run's failure.
// Apart from certificate.ts, which stays below the flows' error vocabulary (errors.ts reads result.ts, which
// reads certificate.ts).
import {
  CertificateCheckError,
  type CheckedCertificate,
  checkIssuedCertificate,
  type IssuedCertificateInput,
} from './certificate.js';
import { FlowError } from './errors.js';

/** checkIssuedCertificate for a certificate a run hands out: a failed check is the run's failure, naming `what`. */
export function acceptCertificate(what: string, input: IssuedCertificateInput): CheckedCertificate {
  try {
    return checkIssuedCertificate(input);
  } catch (error) {
    if (error instanceof CertificateCheckError)
      throw new FlowError(`${what} failed its checks: ${error.message}`);
    throw error;
  }
}
