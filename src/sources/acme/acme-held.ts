// An ACME certificate in CAS (`upload`): uploaded under a name that carries its fingerprint, so a second run
// finds the same certificate under that name and reuses it rather than uploading a copy; and, for a scheduled
// run, the uploaded certificate for exactly these names, handed out again while it is not due.
import { acceptCertificate } from '../../core/accept-certificate.js';
import {
  type CheckedCertificate,
  daysRemaining,
  describeCertificate,
  splitPemBundle,
} from '../../core/certificate.js';
import { sameDomainSet } from '../../core/domains.js';
import type { FlowResult } from '../../core/result.js';
import { isoSeconds } from '../../core/time.js';
import type { FlowContext } from '../../flows/context.js';
import { NameTakenError } from '../../held/port.js';
import { reuseUnlessDue } from '../reuse.js';

/** `acme_www_example_com_1A2B3C4D5E6F`: at most 63 letters, digits and `_`; the fingerprint makes it this certificate's. */
export function acmeCertificateName(certificate: CheckedCertificate): string {
  const fingerprint = certificate.info.fingerprintSha256.replace(/:/g, '').slice(0, 16);
  const first = (certificate.info.names[0] ?? 'certificate')
    .replace(/^\*\./, 'wildcard.')
    .replace(/\W/g, '_');
  return `acme_${first.slice(0, 63 - 6 - fingerprint.length)}_${fingerprint}`;
}

/** Uploads to CAS, or finds the same certificate (same SHA-256) there already: its cert-id. */
export async function uploadToCas(ctx: FlowContext, certificate: CheckedCertificate): Promise<string> {
  const store = await ctx.held();
  const name = acmeCertificateName(certificate);
  const sameThere = async () => {
    const listed = (await store.list({ uploadedOnly: true })).find((c) => c.name === name);
    if (!listed) return undefined;
    const held = await store.download(listed.certId);
    const leaf = splitPemBundle(held?.certificatePem ?? '')[0];
    return leaf && describeCertificate(leaf).fingerprintSha256 === certificate.info.fingerprintSha256
      ? listed.certId
      : undefined;
  };
  const found = await sameThere();
  if (found) {
    ctx.log.info(`Certificate ${found} in CAS is this certificate already (${name}): reusing it.`);
    return found;
  }
  try {
    const { certId } = await store.upload({
      name,
      fullchainPem: certificate.fullchainPem,
      privateKeyPem: certificate.privateKeyPem ?? '',
    });
    ctx.log.info(`Uploaded the certificate to CAS as ${name}: cert-id ${certId}.`);
    return certId;
  } catch (error) {
    // Taken between the list and the upload, or an upload whose answer was lost: the name says which.
    const raced = await sameThere().catch(() => undefined);
    if (raced) return raced;
    if (error instanceof NameTakenError)
      throw new Error(`The name ${name} is taken in CAS by another certificate; nothing was uploaded.`);
    throw error;
  }
}

/** With upload: the newest certificate in CAS for exactly these names, reused (`unchanged`) while it is not due. */
export async function reuseHeld(ctx: FlowContext, domains: string[]): Promise<FlowResult | undefined> {
  const store = await ctx.held();
  const candidates = (await store.list({ uploadedOnly: true }))
    .filter((c) => c.name.startsWith('acme_') && sameDomainSet(c.domains, domains))
    .sort((a, b) => (b.notAfter?.getTime() ?? 0) - (a.notAfter?.getTime() ?? 0));
  const newest = candidates[0];
  if (!newest) return undefined;
  const held = await store.download(newest.certId);
  if (!held?.privateKeyPem) return undefined;
  const leaf = splitPemBundle(held.certificatePem)[0];
  if (!leaf) return undefined;
  const info = describeCertificate(leaf);
  const label = `Certificate ${newest.certId} in CAS (${newest.name})`;
  // The CA's renewal window (ARI) when it offers one, else renew-before-days (capped at a third of the lifetime).
  const window = await ctx.authorities.acme.renewalWindow(held.certificatePem);
  if (window) {
    const due = ctx.now() >= window.start;
    ctx.log.info(
      `The ACME CA suggests renewing ${label} between ${isoSeconds(window.start)} and ${isoSeconds(window.end)} ` +
        `(ARI)${due ? ': ordering anew' : ''}.`,
    );
    if (due) {
      ctx.onDueCertificate?.(info.notAfter);
      return undefined;
    }
  }
  const rule = window ? { ...ctx, config: { ...ctx.config, renewBeforeDays: 0 } } : ctx;
  return reuseUnlessDue(
    rule,
    {
      label,
      left: daysRemaining(info.notAfter, ctx.now()),
      info,
      state: 'uploaded',
      whenDue: ': ordering anew from the ACME CA',
    },
    () =>
      acceptCertificate(label, {
        certificatePem: held.certificatePem,
        privateKeyPem: held.privateKeyPem,
        domains,
        now: ctx.now(),
      }),
    { certId: newest.certId, details: [] },
  );
}
