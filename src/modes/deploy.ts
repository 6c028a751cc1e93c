// mode: deploy — deploy a certificate already at the service (`cert-id`) to the listed resources (`cdn-domains`,
// `dcdn-domains`); and the same step after `issue`, `renew` (and `upload`), run once the certificate is delivered
// (docs/deploy.md).

import { FlowError } from '../core/errors.js';
import type { DeploymentReport, FlowResult } from '../core/result.js';
import { type DeployableCertificate, type DeployDeps, deployCertificate } from '../deploy/rollout.js';
import type { FlowContext } from '../flows/context.js';

/** The one place a deployment's deps are taken from the flow's context (its services, logger and clock). */
function deployDeps(ctx: FlowContext): DeployDeps {
  const { config } = ctx;
  return {
    options: {
      timeoutSeconds: config.deploy.timeoutSeconds,
      deleteSuperseded: config.deploy.deleteSuperseded,
      pollIntervalSeconds: config.pollIntervalSeconds,
      maxPollIntervalSeconds: config.maxPollIntervalSeconds,
      verify: config.deploy.verify,
    },
    describeCertificate: (certId) => ctx.deploy.describeCertificate(certId),
    jobs: () => ctx.deploy.jobs(),
    held: ctx.held,
    log: ctx.log,
    now: ctx.now,
    sleep: ctx.sleep,
  };
}

export async function deployHeldCertificate(ctx: FlowContext): Promise<FlowResult> {
  const certId = ctx.config.certId;
  if (!certId) throw new FlowError("Input 'cert-id' is required for mode deploy.");
  const { names, sha256 } = await ctx.deploy.describeCertificate(certId);
  ctx.log.info(`Certificate ${certId} covers ${names.join(', ')}.`);
  const deployment = await deployCertificate(deployDeps(ctx), {
    certId,
    names,
    ...(sha256 ? { sha256 } : {}),
  });
  // A deployment that found every resource serving it changed nothing: a later step may skip on it.
  return { status: 'deployed', certId, deployment, changed: deployment.changed, timeline: [], details: [] };
}

/**
 * After a flow's result is delivered: deploys its certificate, or says why there is none to deploy (an order still
 * pending). An `unchanged` certificate is deployed too, only where it is not served yet.
 */
export async function deployFlowResult(
  ctx: FlowContext,
  result: FlowResult,
): Promise<DeploymentReport | undefined> {
  const names = result.certificate?.info.names;
  const sha256 = result.certificate?.info.fingerprintSha256;
  if (!result.certId || !names) {
    ctx.log.info(`No certificate in this run (${result.status}), so nothing is deployed.`);
    return undefined;
  }
  const cert: DeployableCertificate = { certId: result.certId, names, ...(sha256 ? { sha256 } : {}) };
  return deployCertificate(deployDeps(ctx), cert);
}
