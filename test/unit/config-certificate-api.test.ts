// The certificate-API inputs (docs/certificate-apis.md): defaults, and every rule checked before a call.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import type { InputError } from '../../src/core/errors.js';

const base = { 'access-key-id': 'id', 'access-key-secret': 'secret', domains: 'example.com' };
const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const problems = (inputs: Record<string, string>) => {
  try {
    parseConfig(read({ ...base, ...inputs }), {});
    return [];
  } catch (error) {
    return (error as InputError).problems.map((p) => `${p.input}: ${p.problem}`);
  }
};

describe('certificate-api inputs', () => {
  it('defaults: auto, DV, RSA_2048, Zhejiang / Hangzhou', () => {
    expect(parseConfig(read(base), {})).toMatchObject({
      certificateApi: 'auto',
      certificateType: 'DV',
      keyAlgorithm: 'RSA_2048',
      province: 'Zhejiang',
      city: 'Hangzhou',
    });
    expect(
      parseConfig(read({ ...base, 'certificate-api': 'Instance', 'key-algorithm': 'ecc_256' }), {}),
    ).toMatchObject({ certificateApi: 'instance', keyAlgorithm: 'ECC_256' });
  });

  it('refuses unknown values and ids that do not fit', () => {
    expect(problems({ 'certificate-api': 'v2' })).toEqual([
      "certificate-api: must be one of auto, order, instance, legacy-dv, acme (got 'v2')",
    ]);
    expect(
      problems({ 'certificate-type': 'XV', 'key-algorithm': 'RSA_1024', 'contact-id': 'ops' }),
    ).toHaveLength(3);
    expect(problems({ 'certificate-api': 'order', 'instance-id': 'cas-1' })[0]).toMatch(
      /^instance-id: names an instance/,
    );
    expect(problems({ 'certificate-api': 'instance', 'order-id': '12' })[0]).toMatch(
      /^order-id: names an order/,
    );
  });

  it('legacy-dv: the applicant, one domain, no CSR, a cas- instance id, no cancel or revoke', () => {
    expect(
      problems({
        'certificate-api': 'legacy-dv',
        domains: 'a.example.com,b.example.com',
        'instance-id': 'x1',
      }),
    ).toEqual([
      "instance-id: must be a 2018 DV instance id (cas-cn-…) with certificate-api legacy-dv (got 'x1')",
      'contact-name: is required with certificate-api legacy-dv (CreateDVOrderAudit needs it)',
      'contact-phone: is required with certificate-api legacy-dv (CreateDVOrderAudit needs it)',
      'contact-email: is required with certificate-api legacy-dv (CreateDVOrderAudit needs it)',
      'domains: must hold exactly one name with certificate-api legacy-dv',
    ]);
    expect(
      problems({ mode: 'revoke', 'certificate-api': 'legacy-dv', 'instance-id': 'cas-cn-1' })[0],
    ).toMatch(/^certificate-api: legacy-dv has no operation for mode revoke/);
  });

  it('cancel and revoke take instance-id instead of order-id', () => {
    expect(problems({ mode: 'cancel', 'instance-id': 'cas-ivauto-1' })).toEqual([]);
    expect(problems({ mode: 'revoke' })).toEqual(['order-id: (or instance-id) is required for mode revoke']);
  });
});
