import { describe, expect, it } from 'vitest';
import { describeHookFailure, hookEnvironment, runHook } from '../../src/validation/hook.js';

const record = { domain: '_dnsauth.example.com', type: 'TXT', value: 'token-1' };

describe('hookEnvironment', () => {
  it('passes the basics, the listed names and the record, never inputs, state, Alibaba Cloud keys, tokens or secrets', () => {
    const env = hookEnvironment(
      {
        PATH: '/usr/bin',
        CF_API_TOKEN: 'other-provider-token',
        'INPUT_ACCESS-KEY-SECRET': 's3cret',
        'INPUT_PFX-PASSWORD': 'pfx',
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's3cret',
        ALICLOUD_SECRET_KEY: 's3cret',
        'STATE_validation-cleanup': '[]',
        ACTIONS_RUNTIME_TOKEN: 'runtime',
        COPY_OF_SECRET: 'prefix-s3cret-suffix',
        GITHUB_TOKEN: 'ghs_job-token',
        GITHUB_OUTPUT: '/runner/output',
        UNLISTED: 'not-asked-for',
        UNSET: undefined,
      },
      'present',
      record,
      ['s3cret', ''],
      // Listed, yet withheld all the same: an Alibaba Cloud name, and a value that holds a secret.
      ['CF_API_TOKEN', 'COPY_OF_SECRET', 'ALICLOUD_SECRET_KEY', 'UNSET'],
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      CF_API_TOKEN: 'other-provider-token',
      CAS_VALIDATION_ACTION: 'present',
      CAS_VALIDATION_RECORD_DOMAIN: '_dnsauth.example.com',
      CAS_VALIDATION_RECORD_TYPE: 'TXT',
      CAS_VALIDATION_RECORD_VALUE: 'token-1',
    });
  });
});

describe('runHook', () => {
  it('runs the command through sh with the record and reports exit code and output without secrets', async () => {
    const ok = await runHook(
      {
        command: 'echo "$CAS_VALIDATION_ACTION $CAS_VALIDATION_RECORD_DOMAIN=$CAS_VALIDATION_RECORD_VALUE"',
        secrets: [],
      },
      'cleanup',
      record,
    );
    expect(ok).toMatchObject({
      exitCode: 0,
      timedOut: false,
      output: 'cleanup _dnsauth.example.com=token-1\n',
    });

    const failed = await runHook(
      {
        command: 'echo "denied for key s3cret" >&2; exit 7',
        secrets: ['s3cret'],
        env: { PATH: process.env.PATH },
      },
      'present',
      record,
    );
    expect(failed.exitCode).toBe(7);
    const message = describeHookFailure('present', record, failed);
    expect(message).toBe(
      'dns-hook present for the TXT record _dnsauth.example.com exited with code 7; its output: denied for key ***',
    );
  });

  it('kills a hook that runs past its time', async () => {
    const slow = await runHook({ command: 'sleep 5', secrets: [], timeoutMs: 100 }, 'present', record);
    expect(slow.timedOut).toBe(true);
    expect(describeHookFailure('present', record, slow)).toContain('timed out');
  });
});
