// `issue` from an ACME CA: with upload, reuse the certificate in CAS while it is not due; else one new order, each
// authorization proved through the validation providers (DNS-01: a TXT `_acme-challenge.<name>` through alidns or
// hook; HTTP-01: a file in `/.well-known/acme-challenge/` under file-validation-root), removed after; then a new
// key and CSR (or the user's csr), finalize, fetch, check, and with upload put in CAS for the deploy targets.
import {
  type AcmeAuthorization,
  type AcmeChallengeOffer,
  type AcmeOrder,
  AcmeProblemError,
} from '../../authority/acme.js';
import type { Challenge } from '../../authority/vocabulary.js';
import { acceptCertificate } from '../../core/accept-certificate.js';
import { FlowError } from '../../core/errors.js';
import type { FlowResult, TimelineEntry } from '../../core/result.js';
import type { FlowContext } from '../../flows/context.js';
import type { ValidationStrategy } from '../../validation/strategy.js';
import { reuseHeld, uploadToCas } from './acme-held.js';

export async function issueFromAcme(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const { config, log } = ctx;
  const acme = ctx.authorities.acme;
  try {
    if (config.upload) {
      const reused = await reuseHeld(ctx, domains);
      if (reused) return reused;
    }
    const deadline = Date.now() + config.waitTimeoutSeconds * 1000;
    const timeline: TimelineEntry[] = [];
    const at = (state: string) => {
      timeline.push({ at: ctx.now(), state });
    };
    log.info(`ACME CA: ${config.acme?.directoryUrl} (acme-directory ${config.acme?.directory}).`);
    await acme.account();
    const order = await acme.newOrder(domains);
    at('ordered');
    log.info(`ACME order ${order.url}: ${order.status}.`);
    await proveControl(ctx, order, deadline);
    at('validated');
    const { privateKeyPem, csrPem } = config.csr
      ? { privateKeyPem: undefined, csrPem: config.csr }
      : await acme.keyAndCsr(domains, config.keyAlgorithm);
    // Masked the moment it exists, before anything else can print it.
    if (privateKeyPem) ctx.maskSecret(privateKeyPem);
    const pem = await acme.finalize(order, csrPem, deadline);
    at('issued');
    log.info(`ACME order ${order.url}: certificate`);
    const certificate = acceptCertificate(`The certificate of ACME order ${order.url}`, {
      certificatePem: pem,
      ...(privateKeyPem ? { privateKeyPem } : { csrPem }),
      domains,
      now: ctx.now(),
    });
    const details: Array<[string, string]> = [['ACME order', order.url]];
    if (!config.upload) return { status: 'issued', certificate, timeline, details };
    if (!certificate.privateKeyPem)
      throw new FlowError(
        'upload needs the private key, which stays with you with a csr; set upload: false.',
      );
    const certId = await uploadToCas(ctx, certificate);
    return { status: 'issued', certId, certificate, timeline, details };
  } catch (error) {
    if (error instanceof AcmeProblemError) throw new FlowError(`${error.message}.`);
    throw error;
  }
}

/** Presents every pending authorization's challenge, tells the CA, waits for each; removes every record after. */
async function proveControl(ctx: FlowContext, order: AcmeOrder, deadline: number): Promise<void> {
  const acme = ctx.authorities.acme;
  const authorizations = await acme.authorizations(order);
  const strategies: ValidationStrategy[] = [];
  const wanted = ctx.config.validationMethod === 'FILE' ? 'http-01' : 'dns-01';
  try {
    const ready: Array<[AcmeAuthorization, AcmeChallengeOffer]> = [];
    for (const [index, authz] of authorizations.entries()) {
      if (authz.status === 'valid') {
        ctx.log.info(`ACME: ${authz.identifier} is proved already (a valid authorization of this account).`);
        continue;
      }
      const offer = authz.challenges.find((c) => c.type === wanted);
      if (!offer) {
        throw new FlowError(
          `The ACME CA offers no ${wanted} challenge for ${authz.wildcard ? '*.' : ''}${authz.identifier} ` +
            `(it offers ${authz.challenges.map((c) => c.type).join(', ') || 'none this action answers'})` +
            (authz.wildcard ? '; a wildcard is proved by DNS-01 only: use validation-method DNS.' : '.'),
        );
      }
      // One strategy per authorization: a strategy holds one challenge, and the post step sees all of them.
      const strategy = await ctx.validation(`${lastSegment(order.url)}-${index + 1}`);
      strategies.push(strategy);
      await strategy.present(challengeOf(authz, offer), [authz.identifier]);
      ready.push([authz, offer]);
    }
    for (const [authz, offer] of ready) {
      await acme.answer(authz, offer, deadline);
      ctx.log.info(`ACME: ${authz.wildcard ? '*.' : ''}${authz.identifier} proved (${offer.type}).`);
    }
  } finally {
    for (const strategy of strategies) await strategy.cleanup();
  }
}

/** The challenge in the providers' words (src/authority/vocabulary.ts). */
function challengeOf(authz: AcmeAuthorization, offer: AcmeChallengeOffer): Challenge {
  if (offer.type === 'dns-01') {
    return {
      method: 'DNS',
      recordDomain: `_acme-challenge.${authz.identifier}`,
      recordType: 'TXT',
      recordValue: offer.proof,
      acme: true,
    };
  }
  return {
    method: 'FILE',
    domain: authz.identifier,
    uri: `/.well-known/acme-challenge/${offer.token}`,
    content: offer.proof,
    acme: true,
  };
}

const lastSegment = (url: string) => url.replace(/\/+$/, '').split('/').at(-1) ?? url;
