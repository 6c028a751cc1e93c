// The certificate of an issued instance, fetched and checked like one being handed out (names, key, chain), and
// what the instance flows share: the name of the API for messages.
import type { InstanceAuthority, InstanceStatus } from '../../authority/port.js';
import { acceptCertificate } from '../../core/accept-certificate.js';
import {
  type CheckedCertificate,
  describeCertificate,
  momentInsideValidity,
  splitPemBundle,
} from '../../core/certificate.js';
import { FlowError } from '../../core/errors.js';
import type { FlowContext } from '../../flows/context.js';

export const API_NAMES = { instance: 'the V2.0 instance API', 'legacy-dv': 'the 2018 DV API' } as const;

/** The DNS names and end of a PEM certificate (leaf first); no names when it does not parse. */
export function certificateFacts(pem: string): { names: string[]; notAfter?: Date } {
  const leaf = splitPemBundle(pem)[0];
  try {
    if (!leaf) return { names: [] };
    const { names, notAfter } = describeCertificate(leaf);
    return { names, notAfter };
  } catch {
    return { names: [] };
  }
}

/** The issued certificate and key, checked: names cover the domains, key matches (the key masked on arrival). */
export async function fetchChecked(
  ctx: FlowContext,
  api: InstanceAuthority,
  status: InstanceStatus,
  domains: string[],
  expectKey: boolean,
): Promise<CheckedCertificate> {
  const id = status.instanceId;
  const { certificate, privateKey } = await api.fetchCertificate(status);
  if (!certificate)
    throw new FlowError(`Instance ${id} is issued but the service returned no certificate; run again.`);
  if (expectKey && !privateKey) {
    throw new FlowError(
      `Instance ${id} is issued but the service returned no private key; an application made with a CSR keeps ` +
        'its key with you: pass the same csr input.',
    );
  }
  return acceptCertificate(`The certificate of instance ${id}`, {
    certificatePem: certificate,
    // With a csr the key is the user's: one the service sends is dropped, and the leaf must carry the CSR's key.
    ...(expectKey ? { privateKeyPem: privateKey } : { csrPem: ctx.config.csr }),
    domains,
    now: domains.length === 0 ? certificateMoment(certificate) : ctx.now(),
  });
}

/** A moment inside the certificate's validity: reading one (status, the reuse check) judges its dates apart. */
function certificateMoment(pem: string): Date {
  const leaf = splitPemBundle(pem)[0];
  if (!leaf) return new Date();
  try {
    return momentInsideValidity(describeCertificate(leaf), new Date());
  } catch {
    return new Date();
  }
}
