// Every deploy target, loaded only when its domains are listed. A new target: a file and one line here.
import type { DeployConfig } from '../config/config.js';
import type { DeployTargetFactory } from './target.js';

interface TargetEntry {
  domains(config: DeployConfig): string[];
  load(): Promise<DeployTargetFactory>;
}

export const DEPLOY_TARGETS: readonly TargetEntry[] = [
  { domains: (c) => c.cdnDomains, load: async () => (await import('./cdn.js')).createCdnTarget },
  { domains: (c) => c.dcdnDomains, load: async () => (await import('./dcdn.js')).createDcdnTarget },
];

/** Whether the config names any domain to deploy to. */
export function wantsDeployment(config: DeployConfig): boolean {
  return DEPLOY_TARGETS.some((entry) => entry.domains(config).length > 0);
}
