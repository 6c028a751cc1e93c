// mode: renew — renew an issued certificate in place (the order API: a renewal order), then validate, wait and
// fetch as `issue` does, on the source that holds it (src/sources/registry.ts, `sourceOfExisting`).
import type { FlowResult } from '../core/result.js';
import type { FlowContext } from '../flows/context.js';
import { openSource, sourceOfExisting, unsupported } from '../sources/registry.js';

export async function renewCertificate(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const source = await openSource(ctx, sourceOfExisting(ctx.config));
  if (!source.renew) throw unsupported(source, 'renew');
  return source.renew(domains);
}
