// The one reading of the config for validation (src/config/validation-settings.ts): what each provider gets,
// and that the hook is told every secret it must neither see nor repeat.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { validationSettingsFrom } from '../../src/config/validation-settings.js';

const settingsOf = (inputs: Record<string, string>) =>
  validationSettingsFrom(
    parseConfig((name) => ({ mode: 'status', 'order-id': '1', ...inputs })[name] ?? '', {}),
  );

describe('validationSettingsFrom', () => {
  it('reads the validation inputs, with their defaults', () => {
    expect(settingsOf({ 'access-key-id': 'id', 'access-key-secret': 'secret' })).toEqual({
      dnsProvider: 'alidns',
      ttl: 600,
      waitPropagation: false,
      waitTimeoutSeconds: 600,
      fileRoot: undefined,
      hook: undefined,
    });
    const set = settingsOf({
      'access-key-id': 'id',
      'access-key-secret': 'secret',
      'dns-provider': 'manual',
      'dns-ttl': '120',
      'dns-wait-propagation': 'true',
      'wait-timeout': '30',
      'file-validation-root': '/srv/www',
    });
    expect(set).toMatchObject({
      dnsProvider: 'manual',
      ttl: 120,
      waitPropagation: true,
      waitTimeoutSeconds: 30,
      fileRoot: '/srv/www',
    });
  });

  it('gives the hook the key secret, the token and both passwords as secrets, and never the key id', () => {
    const { hook } = settingsOf({
      'access-key-id': 'key-id',
      'access-key-secret': 'key-secret',
      'security-token': 'sts-token',
      'pfx-password': 'pfx-pass-long-enough',
      'private-key-passphrase': 'key-pass-long-enough',
      'dns-provider': 'hook',
      'dns-hook': './dns.sh',
      'dns-hook-env': 'CF_API_TOKEN,\nCF_ZONE_ID',
    });
    expect(hook).toEqual({
      command: './dns.sh',
      secrets: ['key-secret', 'sts-token', 'pfx-pass-long-enough', 'key-pass-long-enough'],
      passEnv: ['CF_API_TOKEN', 'CF_ZONE_ID'],
    });
  });

  it('leaves out secrets that are not given', () => {
    const { hook } = settingsOf({ 'access-key-id': 'id', 'access-key-secret': 's', 'dns-hook': 'true' });
    expect(hook).toEqual({ command: 'true', secrets: ['s'], passEnv: [] });
  });
});
