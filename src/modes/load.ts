// How each mode loads: `issue`, the no-op scheduled check, with the entry; every other mode only when asked
// (README, "Development"). One line per mode of the registry (registry.ts); tsc refuses a missing one.
import type { FlowResult } from '../core/result.js';
import type { FlowContext } from '../flows/context.js';
import { issueCertificate } from './issue.js';
import type { Mode } from './registry.js';

export type RunMode = (ctx: FlowContext, domains: string[]) => Promise<FlowResult>;

const LOADERS = {
  issue: async () => issueCertificate,
  renew: async () => (await import('./renew.js')).renewCertificate,
  cancel: async () => (await import('./cancel.js')).cancelOrder,
  revoke: async () => (await import('./revoke.js')).revokeCertificate,
  status: async () => (await import('./status.js')).reportStatus,
  upload: async () => (await import('./upload.js')).uploadCertificate,
  download: async () => (await import('./download.js')).downloadCertificate,
  delete: async () => (await import('./delete.js')).deleteCertificate,
  list: async () => (await import('./list.js')).listCertificates,
  deploy: async () => (await import('./deploy.js')).deployHeldCertificate,
  plan: async () => (await import('./plan.js')).planRenewals,
} satisfies Record<Mode, () => Promise<RunMode>>;

export function loadMode(mode: Mode): Promise<RunMode> {
  return LOADERS[mode]();
}
