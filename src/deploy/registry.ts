// Every deploy target: the input that lists its resources and how they are written (read by config, so pure at
// import time), and its code, loaded only when its resources are listed. A new target: a file and one line here.
import { acceleratedDomains } from './resources.js';
import type { DeployResource, DeployTargetFactory, ResourceRule } from './target.js';

export interface DeployTargetEntry {
  /** The key of its resources (`DeployResource.target`). */
  readonly target: string;
  /** The input that lists its resources. */
  readonly input: string;
  readonly resources: ResourceRule;
  load(): Promise<DeployTargetFactory>;
}

export const DEPLOY_TARGETS: readonly DeployTargetEntry[] = [
  {
    target: 'cdn',
    input: 'cdn-domains',
    resources: acceleratedDomains,
    load: async () => (await import('./cdn.js')).createCdnTarget,
  },
  {
    target: 'dcdn',
    input: 'dcdn-domains',
    resources: acceleratedDomains,
    load: async () => (await import('./dcdn.js')).createDcdnTarget,
  },
];

/** Whether any resource is listed to deploy to. */
export function wantsDeployment(deploy: { resources: readonly DeployResource[] }): boolean {
  return deploy.resources.length > 0;
}

/** The input that lists a target's resources. */
export function inputOf(target: string): string {
  return DEPLOY_TARGETS.find((entry) => entry.target === target)?.input ?? target;
}
