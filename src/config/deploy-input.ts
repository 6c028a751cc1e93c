// Pure: the deploy resources of a run, from the `deploy` input (one resource a line, `<target>: <resource>`) and
// the shorthands `cdn-domains` / `dcdn-domains`, each read under its target's own rule, every problem reported at
// once before any call (docs/deploy.md).
import { DEPLOY_INPUT, DEPLOY_TARGETS, deployTargetEntry, PLANNED_TARGETS } from '../deploy/registry.js';
import type { DeployResource } from '../deploy/target.js';
import { didYouMean } from './near-miss.js';
import type { ReportProblem } from './readers.js';

/** `alb: lsn-1@cn-hangzhou sni` → `{ target: 'alb', text: 'lsn-1@cn-hangzhou sni' }`; blank and `#` lines none. */
function deployLines(text: string): Array<{ line: string; target?: string; rest: string }> {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
      return match ? { line, target: match[1]?.toLowerCase(), rest: match[2] ?? '' } : { line, rest: line };
    });
}

export function readDeployResources(read: (name: string) => string, fail: ReportProblem): DeployResource[] {
  const resources: DeployResource[] = [];
  const add = (resource: DeployResource) => {
    if (!resources.some((r) => r.target === resource.target && r.resource === resource.resource))
      resources.push(resource);
  };
  for (const { target, input, resources: rule } of DEPLOY_TARGETS) {
    if (input === DEPLOY_INPUT) continue;
    const parsed = rule(read(input));
    for (const problem of parsed.problems) fail(input, problem);
    for (const resource of parsed.resources) add({ target, resource, input });
  }
  const known = DEPLOY_TARGETS.map((entry) => entry.target);
  for (const { line, target, rest } of deployLines(read(DEPLOY_INPUT))) {
    const entry = target ? deployTargetEntry(target) : undefined;
    if (!entry) {
      const problem = !target
        ? `has the line '${line}', which is not '<target>: <resource>' (targets: ${known.join(', ')})`
        : (PLANNED_TARGETS as readonly string[]).includes(target)
          ? `names the target '${target}' ('${line}'), which this version cannot deploy to yet (targets: ${known.join(', ')})`
          : `names the unknown target '${target}' ('${line}')${didYouMean(target, known)} (targets: ${known.join(', ')})`;
      fail(DEPLOY_INPUT, problem);
      continue;
    }
    const parsed = entry.resources(rest);
    for (const problem of parsed.problems) fail(DEPLOY_INPUT, `line '${line}': ${problem}`);
    if (parsed.problems.length === 0 && parsed.resources.length === 0)
      fail(DEPLOY_INPUT, `line '${line}' names no resource`);
    for (const resource of parsed.resources) add({ target: entry.target, resource, input: DEPLOY_INPUT });
  }
  return resources;
}
