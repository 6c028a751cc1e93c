// The one place that reads the config for validation: src/validation/ takes these settings and knows no config.
import type { ValidationSettings } from '../validation/index.js';
import type { Config } from './config.js';
/** Pure: what validation reads of the inputs, with every secret the hook must never see nor repeat. */
export function validationSettingsFrom(config: Config): ValidationSettings {
  return {
    dnsProvider: config.dnsProvider,
    ttl: config.dnsTtl,
    waitPropagation: config.dnsWaitPropagation,
    waitTimeoutSeconds: config.waitTimeoutSeconds,
    ...(config.dnsResolvers.length > 0 ? { nameServers: config.dnsResolvers } : {}),
    fileRoot: config.fileValidationRoot,
    hook: config.dnsHook
      ? { command: config.dnsHook, secrets: hookSecrets(config), passEnv: config.dnsHookEnv }
      : undefined,
  };
}

/** The Alibaba Cloud key and token, and the PFX and private-key passwords: what the hook gets none of. */
function hookSecrets(config: Config): string[] {
  const { accessKeySecret, securityToken } =
    config.credentials.kind === 'access-key' ? config.credentials.key : {};
  const secrets = [accessKeySecret, securityToken, config.pfxPassword, config.privateKeyPassphrase];
  return secrets.filter((s): s is string => Boolean(s));
}
