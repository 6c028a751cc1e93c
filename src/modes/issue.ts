// mode: issue — the source that serves these names (src/sources/choice.ts) reuses what is still good, resumes
// what is in flight, otherwise starts once; then validates, waits and fetches (src/sources/port.ts, `obtain`).
import type { FlowResult } from '../core/result.js';
import type { FlowContext } from '../flows/context.js';
import { resolveCertificateApi } from '../sources/choice.js';
import { openSource } from '../sources/registry.js';

export async function issueCertificate(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const chosen = await resolveCertificateApi(ctx, domains);
  return (await openSource(ctx, chosen.api)).obtain(domains, chosen);
}
