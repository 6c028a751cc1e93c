// mode: deploy — deploy a certificate already at the service (`cert-id`) to `cdn-domains` / `dcdn-domains`; and the
// same step after `issue`, `renew` (and `upload`), run once the certificate is delivered (docs/deploy.md).

import { FlowError } from '../core/errors.js';
import type { DeploymentReport, FlowResult } from '../core/result.js';
import { describeHeldCertificate } from '../deploy/held-certificate.js';
import { type DeployableCertificate, type DeployDeps, deployCertificate } from '../deploy/rollout.js';

export type { DeployDeps };

export async function deployHeldCertificate(deps: DeployDeps): Promise<FlowResult> {
  const certId = deps.config.certId;
  if (!certId) throw new FlowError("Input 'cert-id' is required for mode deploy.");
  const held = await describeHeldCertificate(deps.client, deps.config.endpoints.cas, certId);
  deps.log.info(`Certificate ${certId} covers ${held.names.join(', ')}.`);
  const deployment = await deployCertificate(deps, held);
  return { status: 'deployed', certId, deployment, timeline: [], details: [] };
}

/**
 * After a flow's result is delivered: deploys its certificate, or says why there is none to deploy (an order still
 * pending). An `unchanged` certificate is deployed too, only where it is not served yet.
 */
export async function deployFlowResult(
  deps: DeployDeps,
  result: FlowResult,
): Promise<DeploymentReport | undefined> {
  const names = result.certificate?.info.names;
  if (!result.certId || !names) {
    deps.log.info(`No certificate in this run (${result.status}), so nothing is deployed.`);
    return undefined;
  }
  const cert: DeployableCertificate = { certId: result.certId, names };
  return deployCertificate(deps, cert);
}
