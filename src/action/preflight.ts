// What main checks after the inputs and before the mode's first call that could cost anything: output-dir can be
// written, every listed deploy resource exists; and what it says once: the site and endpoints in use, a region
// newer than the action's list, inputs the step passed that nothing reads (README, "Troubleshooting").
import type { Config } from '../config/config.js';
import { unreadInputWarnings } from '../config/input-names.js';
import { isKnownRegion } from '../config/regions.js';
import { InputError, type InputProblem } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { wantsDeployment } from '../deploy/registry.js';
import { modeEntry } from '../modes/registry.js';
import type { Services } from './wiring.js';

/** One line: which site the region picks, and where each product is called. */
export function describeEndpoints(config: Config): string {
  const site = config.certRegion === 'cn-hangzhou' ? 'China site' : 'international site';
  const { cas, dns, cdn, dcdn, sts } = config.endpoints;
  return `Region ${config.region}: ${site}; endpoints CAS ${cas}, DNS ${dns}, CDN ${cdn}, DCDN ${dcdn}, STS ${sts}.`;
}

/** The notes of this run's inputs: the endpoints line, then a warning per input nothing will read. */
export function reportInputs(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  log: Logger,
): void {
  log.info(describeEndpoints(config));
  if (!isKnownRegion(config.region))
    log.warning(
      `The region '${config.region}' is not in the list this action knows; it is used because endpoint is set ` +
        '(a region newer than the action).',
    );
  for (const warning of unreadInputWarnings(env, config.mode)) log.warning(warning);
}

/** output-dir and the deploy resources, every problem naming its input; throws them as one InputError. */
export async function checkBeforeRun(config: Config, services: Services): Promise<void> {
  const problems: InputProblem[] = [];
  if (config.outputDir) {
    const { outputDirProblem } = await import('../deliver/output-dir.js');
    const problem = await outputDirProblem(config.outputDir);
    if (problem)
      problems.push({
        input: 'output-dir',
        problem: `(${config.outputDir}) ${problem}; give a folder the job can write, such as \${{ runner.temp }}/certs`,
      });
  }
  // The modes that deploy as their run (deploy) read the resources first anyway; those that deploy after it would
  // have ordered by then.
  if (modeEntry(config.mode).deploys === 'after-run' && wantsDeployment(config.deploy))
    problems.push(...(await services.deploy.preflight()));
  if (problems.length > 0) throw new InputError(problems);
}
