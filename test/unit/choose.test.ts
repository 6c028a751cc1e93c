// certificate-api: auto is a pure decision over what the account shows (src/authority/choose.ts).
import { describe, expect, it } from 'vitest';
import { type ApiFacts, chooseCertificateApi } from '../../src/authority/choose.js';
import type { InstanceSummary } from '../../src/authority/port.js';

const base: ApiFacts = { requested: 'auto', certificateType: 'DV', productCode: 'digicert-free-1-free' };
const quota = (total: number, used: number) => ({
  productCode: 'digicert-free-1-free',
  total,
  used,
  issued: used,
});
const instance = (id: string, state: InstanceSummary['state'], extra: Partial<InstanceSummary> = {}) => ({
  instanceId: id,
  state,
  serviceStatus: state === 'issued' ? 'normal' : state,
  certificateType: 'DV',
  domains: [],
  ...extra,
});
const domains = ['example.com'];

describe('chooseCertificateApi', () => {
  it('an explicit certificate-api needs no facts', () => {
    expect(chooseCertificateApi({ ...base, requested: 'legacy-dv' }, domains)).toEqual({
      api: 'legacy-dv',
      reason: 'certificate-api is legacy-dv',
    });
  });

  it('instance-id before order-id before anything read', () => {
    expect(chooseCertificateApi({ ...base, instanceId: 'cas-1' }, domains)).toMatchObject({
      api: 'instance',
    });
    expect(chooseCertificateApi({ ...base, orderId: '7' }, domains)).toMatchObject({ api: 'order' });
  });

  it('asks for the facts one at a time, in order: orders, quota, instances', () => {
    expect(chooseCertificateApi(base, domains)).toEqual({ need: 'orders' });
    const listed = { ...base, ordersChecked: true };
    expect(chooseCertificateApi(listed, domains)).toEqual({ need: 'quota' });
    expect(chooseCertificateApi({ ...listed, quota: quota(20, 20) }, domains)).toEqual({ need: 'instances' });
    // Without domains (status, a CSR resolved later) the order list is not read.
    expect(chooseCertificateApi(base, [])).toEqual({ need: 'quota' });
  });

  it('an order already serving the domains keeps the order API, even with no quota', () => {
    expect(chooseCertificateApi({ ...base, ordersChecked: true, activeOrderId: '42' }, domains)).toEqual({
      api: 'order',
      reason: 'order 42 already serves these domains',
    });
  });

  it('quota left → order; else the instance holding the domains; else the first inactive of the type', () => {
    const facts = { ...base, ordersChecked: true };
    expect(chooseCertificateApi({ ...facts, quota: quota(20, 19) }, domains)).toMatchObject({
      api: 'order',
      reason: '1 of 20 left in the V1.0 quota of digicert-free-1-free',
    });
    const instances = [
      instance('ov-1', 'inactive', { certificateType: 'OV' }),
      instance('dv-1', 'inactive'),
      instance('dv-held', 'pending', { domains: ['example.com'] }),
    ];
    expect(chooseCertificateApi({ ...facts, quota: quota(20, 20), instances }, domains)).toMatchObject({
      api: 'instance',
      instanceId: 'dv-held',
    });
    expect(
      chooseCertificateApi({ ...facts, quota: quota(20, 20), instances }, ['other.example.com']),
    ).toEqual({
      api: 'instance',
      instanceId: 'dv-1',
      reason: 'no V1.0 quota left for digicert-free-1-free (20 of 20 used); dv-1 is an inactive DV instance',
    });
    expect(
      chooseCertificateApi({ ...facts, certificateType: 'OV', quota: quota(0, 0), instances }, [
        'a.example.com',
      ]),
    ).toMatchObject({ instanceId: 'ov-1' });
  });

  it('an issued instance that is due does not hold the domains: the next inactive one is chosen', () => {
    const dueBy = new Date('2026-06-01T00:00:00Z');
    const instances = [
      instance('old', 'issued', { domains: ['example.com'], notAfter: new Date('2026-05-20T00:00:00Z') }),
      instance('fresh', 'inactive'),
    ];
    const facts = { ...base, ordersChecked: true, quota: quota(0, 0), instances, dueBy };
    expect(chooseCertificateApi(facts, domains)).toMatchObject({ instanceId: 'fresh' });
    const notDue = { ...facts, dueBy: new Date('2026-05-01T00:00:00Z') };
    expect(chooseCertificateApi(notDue, domains)).toMatchObject({ instanceId: 'old' });
  });

  it('neither has room: one error naming both APIs and what each lacks', () => {
    const facts = {
      ...base,
      ordersChecked: true,
      quota: quota(20, 20),
      instances: [instance('x', 'issued')],
    };
    const choice = chooseCertificateApi(facts, domains);
    expect(choice).toEqual({
      error:
        'certificate-api auto found no room in either certificate API: the 2020 order API has no V1.0 quota left ' +
        'for digicert-free-1-free (20 of 20 used), and the V2.0 instance API has no inactive DV instance ' +
        '(1 instance(s) listed); buy a certificate package or a V2.0 instance, or cancel an unused order to return ' +
        'its quota.',
    });
    const unanswered = chooseCertificateApi(
      { ...facts, instances: undefined, instancesError: 'Forbidden.RAM' },
      domains,
    );
    expect(unanswered).toMatchObject({
      error: expect.stringContaining('the V2.0 instance API did not answer (Forbidden.RAM)'),
    });
  });
});
