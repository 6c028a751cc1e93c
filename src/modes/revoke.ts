// mode: revoke — give back an issued certificate (the order API returns the quota within 30 days of issue), on
// the source that holds it (src/sources/registry.ts, `sourceOfExisting`).
import type { FlowResult } from '../core/result.js';
import type { FlowContext } from '../flows/context.js';
import { openSource, sourceOfExisting, unsupported } from '../sources/registry.js';

export async function revokeCertificate(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const source = await openSource(ctx, sourceOfExisting(ctx.config));
  if (!source.revoke) throw unsupported(source, 'revoke');
  return source.revoke(domains);
}
