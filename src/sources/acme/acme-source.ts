// An ACME CA (Let's Encrypt, ZeroSSL, Google, any RFC 8555 directory) as a certificate source (README,
// "Certificates from Let's Encrypt"): issue only; renewing is issuing again, and the CA keeps nothing this
// action could list. Loaded only when certificate-api is acme.

import { FlowError } from '../../core/errors.js';
import type { FlowContext } from '../../flows/context.js';
import type { CertificateSource } from '../port.js';
import { issueFromAcme } from './acme-issue.js';

export function createAcmeSource(ctx: FlowContext): CertificateSource {
  return {
    api: 'acme',
    title: 'an ACME CA',
    obtain: (domains) => issueFromAcme(ctx, domains),
    describe: async () => {
      throw new FlowError(
        'An ACME CA keeps no certificate this action can report on; with upload the certificate is in CAS: use mode list.',
      );
    },
  };
}
