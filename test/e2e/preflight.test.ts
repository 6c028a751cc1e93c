// Checks before anything costs quota, as GitHub runs the action (`node dist/index.js` against the emulator): an
// output-dir that cannot be written, deploy domains not in the account, wait-timeout 0, a region typo, OV/EV on an
// instance without a company, and inputs that are misspelt or given to a mode that ignores them. Each fails (or
// warns) naming the input, before the order.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], cdnDomains: ['cdn.example.com'] });
});
afterAll(() => emulator.close());

const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const warningsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'dcdn-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });

/** One error naming the input, no order placed, and nothing but the error in the outputs. */
function expectRefusedBeforeOrdering(run: ActionRun, ordersBefore: number, input: string): string {
  expect(run.exitCode, run.stdout).toBe(1);
  const errors = errorsOf(run);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`'${input}'`);
  expect(orders()).toBe(ordersBefore);
  expect(run.outputs['order-id']).toBeUndefined();
  return errors[0] ?? '';
}

describe('output-dir is checked before the order', () => {
  it('a path under a file (ENOTDIR) fails naming output-dir, with no order placed', async () => {
    const before = orders();
    const dir = await mkdtemp(join(tmpdir(), 'preflight-'));
    await writeFile(join(dir, 'a-file'), 'x');
    const run = await runAction(
      inputs({ domains: 'notdir.example.com', 'output-dir': join(dir, 'a-file', 'certs') }),
    );
    const error = expectRefusedBeforeOrdering(run, before, 'output-dir');
    expect(error).toContain(join(dir, 'a-file'));
    expect(error).toMatch(/is a file, not a folder/);
  });

  it('/etc/passwd/x fails at once naming output-dir', async () => {
    const before = orders();
    const run = await runAction(inputs({ domains: 'passwd.example.com', 'output-dir': '/etc/passwd/x' }));
    expect(expectRefusedBeforeOrdering(run, before, 'output-dir')).toContain('/etc/passwd');
  });

  it('/proc/cert (no folder can be made there) fails at once instead of spinning', async () => {
    const before = orders();
    const started = Date.now();
    const run = await runAction(inputs({ domains: 'proc.example.com', 'output-dir': '/proc/cert' }), {
      killAfterMs: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(expectRefusedBeforeOrdering(run, before, 'output-dir')).toContain('/proc/cert');
  });

  it('a folder nobody may write to (even root: sysfs) fails naming output-dir', async () => {
    const before = orders();
    const run = await runAction(inputs({ domains: 'readonly.example.com', 'output-dir': '/sys/kernel' }));
    expect(expectRefusedBeforeOrdering(run, before, 'output-dir')).toMatch(/cannot be written/);
  });

  it('a missing folder is created up front; the files land in it', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'preflight-')), 'new', 'certs');
    const run = await runAction(inputs({ domains: 'created.example.com', 'output-dir': dir }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['certificate-file']).toBe(join(dir, 'cert.pem'));
  });

  it('a failure while writing the files still sets the outputs and writes the failed summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'preflight-'));
    // The folder is writable, but cert.pem is a folder: only the delivery itself can find that out.
    await mkdir(join(dir, 'cert.pem'));
    const run = await runAction(inputs({ domains: 'delivery.example.com', 'output-dir': dir }));
    expect(run.exitCode).toBe(1);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'output-dir'");
    expect(errors[0]).toContain(join(dir, 'cert.pem'));
    const orderId = run.outputs['order-id'] ?? '';
    expect(orderId).toMatch(/^\d+$/);
    expect(run.outputs['cert-id']).toMatch(/^\d+$/);
    expect(run.outputs.certificate).toContain('-----BEGIN CERTIFICATE-----');
    expect(run.outputs['not-after']).toMatch(/Z$/);
    expect(run.summary).toMatch(/failed/i);
    expect(run.summary).toContain(orderId);
    expect(run.summary).toContain('delivery.example.com');
    expect(run.summary).toContain(run.outputs['cert-id'] ?? 'none');
  });
});

describe('deploy domains are read before the order', () => {
  it('a CDN domain not in the account fails naming cdn-domains and the domain; no order', async () => {
    const before = orders();
    const run = await runAction(
      inputs({
        domains: 'cdn.example.com,gone.example.com',
        'cdn-domains': 'cdn.example.com, gone.example.com',
      }),
    );
    const error = expectRefusedBeforeOrdering(run, before, 'cdn-domains');
    expect(error).toContain('gone.example.com');
    expect(error).not.toContain("'cdn.example.com'");
    expect(emulator.callsTo('SetCdnDomainSSLCertificate')).toHaveLength(0);
  });

  it('a DCDN domain not in the account fails naming dcdn-domains', async () => {
    const before = orders();
    const run = await runAction(inputs({ domains: 'dcdn.example.com', 'dcdn-domains': 'dcdn.example.com' }));
    expect(expectRefusedBeforeOrdering(run, before, 'dcdn-domains')).toContain('dcdn.example.com');
  });
});

describe('wait-timeout', () => {
  it('0 is refused, naming wait-timeout, before any call', async () => {
    const before = orders();
    const calls = emulator.calls.length;
    const run = await runAction(inputs({ domains: 'zero.example.com', 'wait-timeout': '0' }));
    expect(expectRefusedBeforeOrdering(run, before, 'wait-timeout')).toMatch(/above 0/);
    expect(emulator.calls.length).toBe(calls);
  });

  it('a provider that writes the record is never told to create it by hand', async () => {
    const slow = await createEmulator({ zones: ['example.com'], validationDelayMs: 60_000 });
    try {
      const run = await runAction(
        emulatorInputs(slow, { domains: 'slow.example.com', 'wait-timeout': '0.5' }),
      );
      expect(run.exitCode).toBe(1);
      const [error] = errorsOf(run);
      expect(error).toMatch(/is still 'domain_verify' after wait-timeout 0\.5s/);
      expect(error).not.toMatch(/create a TXT record/i);
      expect(error).toMatch(/dns-provider alidns writes/);
      expect(error).toContain('_dnsauth.slow.example.com');
      expect(run.summary).not.toMatch(/create a TXT record/i);
    } finally {
      await slow.close();
    }
  });
});

describe('region', () => {
  // No endpoint is given: the region alone picks them, so a typo would end in ENOTFOUND.
  const withoutEndpoints = (region: string) => {
    const {
      endpoint,
      'dns-endpoint': dns,
      'cdn-endpoint': cdn,
      ...rest
    } = inputs({ domains: 'r.example.com' });
    return { ...rest, region };
  };
  it.each([
    ['ap-southeast1', 'ap-southeast-1'],
    ['cn-hangzou', 'cn-hangzhou'],
    ['us-east', 'us-east-1'],
  ])('%s fails naming region, with did you mean %s', async (typo, meant) => {
    const run = await runAction(withoutEndpoints(typo));
    expect(run.exitCode).toBe(1);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      `input 'region' is not an Alibaba Cloud region (got '${typo}'); did you mean ${meant}?`,
    );
    expect(errors[0]).not.toContain('ENOTFOUND');
  });

  it('a region not in the list is accepted with endpoint set (a new region), with a warning', async () => {
    const run = await runAction(inputs({ mode: 'status', region: 'xx-newland-1' }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(warningsOf(run).join('\n')).toMatch(/region 'xx-newland-1' is not in the list .*endpoint is set/);
  });

  it('logs the site and the endpoints in use, in one line', async () => {
    const run = await runAction(inputs({ mode: 'status', region: 'ap-southeast-1' }));
    expect(run.exitCode, run.stdout).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('Region ap-southeast-1'));
    expect(line).toBe(
      `Region ap-southeast-1: international site; endpoints CAS ${emulator.url}, DNS ${emulator.url}, ` +
        `CDN ${emulator.url}, DCDN ${emulator.url}, STS https://sts.ap-southeast-1.aliyuncs.com.`,
    );
  });
});

describe('OV and EV instances need company-id before UpdateInstance', () => {
  it('certificate-type OV without company-id fails naming company-id; the instance is untouched', async () => {
    const instance = emulator.instances.addInstance({ certificateType: 'OV' });
    const run = await runAction(
      inputs({ 'certificate-api': 'instance', 'certificate-type': 'OV', domains: 'ov.example.com' }),
    );
    expect(run.exitCode).toBe(1);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("input 'company-id' is required with certificate-type OV");
    expect(emulator.callsTo('UpdateInstance')).toHaveLength(0);
    expect(emulator.instances.instance(instance.instanceId)?.domains).toEqual([]);
  });

  it('an OV instance named by instance-id without company-id fails before UpdateInstance', async () => {
    const instance = emulator.instances.addInstance({ certificateType: 'OV' });
    const run = await runAction(
      inputs({
        'certificate-api': 'instance',
        'instance-id': instance.instanceId,
        domains: 'ov2.example.com',
      }),
    );
    expect(run.exitCode).toBe(1);
    const [error] = errorsOf(run);
    expect(error).toContain(`Instance ${instance.instanceId} is an OV instance`);
    expect(error).toContain('company-id');
    expect(emulator.callsTo('UpdateInstance')).toHaveLength(0);
  });

  it('with company-id, UpdateInstance carries CompanyId and the application goes ahead', async () => {
    emulator.instances.addInstance({ certificateType: 'OV' });
    const run = await runAction(
      inputs({
        'certificate-api': 'instance',
        'certificate-type': 'OV',
        'company-id': '2000001',
        domains: 'ov3.example.com',
        'wait-timeout': '0.5',
        'fail-on-pending': 'false',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const [update] = emulator.callsTo('UpdateInstance').filter((c) => c.status === 200);
    expect(update?.params.CompanyId).toBe('2000001');
    expect(emulator.callsTo('ApplyCertificate').filter((c) => c.status === 200)).toHaveLength(1);
  });
});

describe('inputs misspelt or given to a mode that ignores them', () => {
  it('an unknown input gets a warning with the closest name', async () => {
    const run = await runAction({ ...inputs({ mode: 'status' }), 'cdn-domian': 'cdn.example.com' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(warningsOf(run)).toContain(
      "::warning::Input 'cdn-domian' is not an input of this action (did you mean cdn-domain?); it is ignored.",
    );
  });

  it('cdn-domain with mode issue warns naming the mode that reads it, and cdn-domains', async () => {
    const run = await runAction(inputs({ domains: 'cdn.example.com', 'cdn-domain': 'cdn.example.com' }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(warningsOf(run).join('\n')).toContain(
      "Input 'cdn-domain' is read by mode status only, not issue: it is ignored (did you mean cdn-domains?)",
    );
  });

  it('cdn-domains with mode status fails with did you mean cdn-domain', async () => {
    const run = await runAction(inputs({ mode: 'status', 'cdn-domains': 'cdn.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run)[0]).toMatch(
      /input 'cdn-domains' applies to mode .* not status \(did you mean cdn-domain\?\)/,
    );
  });
});
