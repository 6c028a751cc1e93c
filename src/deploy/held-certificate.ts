// What a certificate at the service is (its names, expiry and SHA-256), as the deploy step needs it: GetUserCertificateDetail with CertFilter=true, so the
// private key is never fetched (src/held/ fetches the whole certificate, for `download`). A product that takes PEM
// rather than a CAS id (Function Compute 3.0) gets the chain and key with CertFilter=false, the key masked first.
import type { RpcClient } from '../aliyun/rpc.js';
import { FlowError } from '../core/errors.js';
import { namesOf } from '../held/port.js';
import { textField } from '../services/fields.js';
import type { HeldCertificateFacts, HeldCertificateWithKey } from './target.js';

const CAS_VERSION = '2020-04-07';

export async function heldCertificateFacts(
  client: RpcClient,
  endpoint: string,
  certId: string,
): Promise<HeldCertificateFacts> {
  const r = await client.call({
    endpoint,
    version: CAS_VERSION,
    action: 'GetUserCertificateDetail',
    params: { CertId: certId, CertFilter: 'true' },
    changesState: false,
  });
  // The same reading of `Sans` and `Common` as the held-certificate adapters (src/held/port.ts).
  const names = namesOf(textField(r.Sans), textField(r.Common));
  if (names.length === 0) {
    throw new FlowError(
      `Certificate ${certId} (input 'cert-id') names no domain at the service; check cert-id.`,
    );
  }
  const notAfter = Number(textField(r.NotAfter));
  const sha256 = textField(r.Sha2)?.replace(/:/g, '').toUpperCase();
  return {
    names,
    ...(Number.isFinite(notAfter) && notAfter > 0 ? { notAfter: new Date(notAfter) } : {}),
    ...(sha256 && /^[0-9A-F]{64}$/.test(sha256) ? { sha256 } : {}),
  };
}

/**
 * The certificate's PEM chain and private key (GetUserCertificateDetail CertFilter=false, as src/held/api-2020.ts
 * reads it). The key is given to `maskSecret` (the runner's masking, src/deliver/outputs.ts) before this returns,
 * so no later log line can show it.
 */
export async function heldCertificateWithKey(
  client: RpcClient,
  endpoint: string,
  certId: string,
  maskSecret: (secret: string) => void,
): Promise<HeldCertificateWithKey> {
  const r = await client.call({
    endpoint,
    version: CAS_VERSION,
    action: 'GetUserCertificateDetail',
    params: { CertId: certId, CertFilter: 'false' },
    changesState: false,
  });
  const privateKeyPem = textField(r.Key);
  if (privateKeyPem) maskSecret(privateKeyPem);
  const certificatePem = textField(r.Cert);
  if (!privateKeyPem || !certificatePem) {
    throw new FlowError(
      `Certificate ${certId} has no ${privateKeyPem ? 'certificate' : 'private key'} at the service: ` +
        'a product that takes the certificate itself needs both (a certificate issued with your own CSR has no key there).',
    );
  }
  const notAfter = Number(textField(r.NotAfter));
  return {
    certId,
    certificatePem,
    privateKeyPem,
    names: namesOf(textField(r.Sans), textField(r.Common)),
    ...(Number.isFinite(notAfter) && notAfter > 0 ? { notAfter: new Date(notAfter) } : {}),
  };
}
