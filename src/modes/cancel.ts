// mode: cancel — give back what is not issued yet (the order API withdraws and deletes the order, which returns
// its quota), on the source that holds it (src/sources/registry.ts, `sourceOfExisting`).
import type { FlowResult } from '../core/result.js';
import type { FlowContext } from '../flows/context.js';
import { openSource, sourceOfExisting, unsupported } from '../sources/registry.js';

export async function cancelOrder(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const source = await openSource(ctx, sourceOfExisting(ctx.config));
  if (!source.cancel) throw unsupported(source, 'cancel');
  return source.cancel(domains);
}
