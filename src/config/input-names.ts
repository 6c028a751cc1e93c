// Pure: every input name action.yml declares (test/unit/input-names.test.ts holds the two equal), and the inputs
// that one mode alone reads: what main warns about when a step passes a name it does not know, or one its mode
// ignores (README, "Troubleshooting").
import { closestName } from './near-miss.js';

export const ACTION_INPUTS: readonly string[] = [
  'mode',
  'access-key-id',
  'access-key-secret',
  'security-token',
  'role-arn',
  'oidc-provider-arn',
  'audience',
  'role-session-name',
  'role-duration',
  'sts-endpoint',
  'region',
  'endpoint',
  'dns-endpoint',
  'cdn-endpoint',
  'dcdn-endpoint',
  'clb-endpoint',
  'esa-endpoint',
  'nlb-endpoint',
  'oss-endpoint',
  'alb-endpoint',
  'apigw-endpoint',
  'waf-endpoint',
  'ga-endpoint',
  'fc-endpoint',
  'order-id',
  'certificate-api',
  'instance-id',
  'certificate-type',
  'key-algorithm',
  'contact-id',
  'company-id',
  'province',
  'city',
  'domains',
  'product-code',
  'create-operation',
  'csr',
  'validation-method',
  'dns-provider',
  'dns-hook',
  'dns-hook-env',
  'dns-wait-propagation',
  'dns-resolvers',
  'dns-ttl',
  'file-validation-root',
  'contact-name',
  'contact-phone',
  'contact-email',
  'company-name',
  'renew-before-days',
  'force',
  'wait-timeout',
  'poll-interval',
  'max-poll-interval',
  'fail-on-pending',
  'output-dir',
  'pfx-password',
  'private-key-passphrase',
  'keep-files',
  'artifact-name',
  'artifact-retention-days',
  'cdn-domain',
  'certificates',
  'alert',
  'alert-before-days',
  'github-token',
  'api-version',
  'certificate',
  'certificate-file',
  'private-key',
  'private-key-file',
  'certificate-name',
  'cert-id',
  'cdn-domains',
  'dcdn-domains',
  'deploy',
  'deploy-timeout',
  'verify-url',
  'verify-connect-to',
  'delete-superseded',
  'allow-paid-deployment-job',
  'acme-directory',
  'acme-email',
  'acme-account-key',
  'acme-eab-kid',
  'acme-eab-hmac-key',
  'upload',
];

/** Inputs only some modes read, and the input meant instead when a near name is (`cdn-domain` for `cdn-domains`). */
const MODE_ONLY_INPUTS: Readonly<
  Record<string, { modes: readonly string[]; instead?: string; ignoredValue?: string }>
> = {
  'cdn-domain': { modes: ['status'], instead: 'cdn-domains' },
  certificates: { modes: ['plan'] },
  // The runner passes action.yml's default `false` to every mode: only `true` is worth a word.
  force: { modes: ['renew'], ignoredValue: 'false' },
  certificate: { modes: ['upload'] },
  'certificate-file': { modes: ['upload'] },
  'private-key': { modes: ['upload'] },
  'private-key-file': { modes: ['upload'] },
  'certificate-name': { modes: ['upload'] },
};

/** The input of a runner's variable: `INPUT_CDN-DOMAINS` → `cdn-domains` (a space of a `with:` key stays `_`). */
const inputNameOf = (variable: string) => variable.slice('INPUT_'.length).toLowerCase();

/**
 * One warning per input the step was given that this action does not read: an unknown name (with the closest
 * known one), or a name the mode ignores (with the mode that reads it). Warnings, as the runner's own: a step
 * still runs with them, and an input its mode requires is refused by the config.
 */
export function unreadInputWarnings(
  env: Readonly<Record<string, string | undefined>>,
  mode: string,
): string[] {
  const warnings: string[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (!/^INPUT_/i.test(variable) || !value?.trim()) continue;
    const name = inputNameOf(variable);
    if (!ACTION_INPUTS.includes(name)) {
      const near = closestName(name, ACTION_INPUTS);
      warnings.push(
        `Input '${name}' is not an input of this action${near ? ` (did you mean ${near}?)` : ''}; it is ignored.`,
      );
      continue;
    }
    const only = MODE_ONLY_INPUTS[name];
    if (only && !only.modes.includes(mode) && value.trim() !== only.ignoredValue) {
      warnings.push(
        `Input '${name}' is read by mode ${only.modes.join(' or ')} only, not ${mode}: it is ignored` +
          `${only.instead ? ` (did you mean ${only.instead}?)` : ''}.`,
      );
    }
  }
  return warnings;
}

/** For an input refused in this mode: the near input that this mode does read (`cdn-domains` → `cdn-domain`). */
export function meantForMode(input: string, mode: string): string | undefined {
  return Object.entries(MODE_ONLY_INPUTS).find(
    ([, only]) => only.instead === input && only.modes.includes(mode),
  )?.[0];
}
