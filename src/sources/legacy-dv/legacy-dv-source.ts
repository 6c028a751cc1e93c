// The 2018-07-13 DV API as a certificate source (docs/certificate-apis.md): the instance flow on the 2018
// client. It has no operation to withdraw or revoke, renews nothing in place, and its list names no domains, so
// it adds nothing to the account report or the plan. Loaded only when it serves the run.
import type { FlowContext } from '../../flows/context.js';
import { issueOnInstance } from '../instance/instance-issue.js';
import { reportInstance } from '../instance/instance-modes.js';
import type { CertificateSource } from '../port.js';

export function createLegacyDvSource(ctx: FlowContext): CertificateSource {
  const api = ctx.authorities['legacy-dv'];
  return {
    api: 'legacy-dv',
    title: 'the 2018 DV API',
    obtain: (domains, chosen) => issueOnInstance(ctx, api, domains, chosen),
    describe: () => reportInstance(ctx, api),
  };
}
