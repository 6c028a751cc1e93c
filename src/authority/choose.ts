// Pure: `certificate-api: auto` — which API serves this run, and why, from what the account shows
// (docs/certificate-apis.md). The caller gathers the facts lazily: `need` names the next one to read.

import type { CertificateApi, CertificateApiInput, InstanceSummary } from './port.js';
import type { PackageState } from './vocabulary.js';

export interface ApiFacts {
  requested: CertificateApiInput;
  instanceId?: string;
  orderId?: string;
  certificateType: string;
  productCode?: string;
  /** DescribePackageState for `product-code` (or the default product). */
  quota?: PackageState;
  /** The order list was read for these domains. */
  ordersChecked?: boolean;
  /** An order for exactly these domains that is in flight, or issued and not yet due. */
  activeOrderId?: string;
  /** ListInstances, every page; undefined when the instance API did not answer. */
  instances?: InstanceSummary[];
  /** The instance API's error, when it had one. */
  instancesError?: string;
  /** A certificate ending by then is due (now + renew-before-days). */
  dueBy?: Date;
}

export type ApiChoice =
  | { api: CertificateApi; reason: string; instanceId?: string }
  | { need: 'quota' | 'orders' | 'instances' }
  | { error: string };

/**
 * An instance already used for exactly these domains, to resume or reuse before a new one: pending, or issued and
 * not due by `dueBy` (an issued instance cannot apply again, so a due one makes way for an inactive one).
 */
export function instanceForDomains(
  instances: readonly InstanceSummary[],
  domains: readonly string[],
  dueBy?: Date,
): InstanceSummary | undefined {
  const wanted = [...new Set(domains.map((d) => d.toLowerCase()))].sort().join(',');
  const due = (i: InstanceSummary) => dueBy !== undefined && i.notAfter !== undefined && i.notAfter <= dueBy;
  return instances.find(
    (i) =>
      (i.state === 'pending' || (i.state === 'issued' && !due(i))) &&
      [...new Set(i.domains)].sort().join(',') === wanted &&
      wanted !== '',
  );
}

export function firstInactive(
  instances: readonly InstanceSummary[],
  certificateType: string,
): InstanceSummary | undefined {
  return instances.find(
    (i) =>
      i.state === 'inactive' && (i.certificateType ?? 'DV').toUpperCase() === certificateType.toUpperCase(),
  );
}

/**
 * The documented rule (docs/certificate-apis.md, `auto`), with one guard first so a scheduled run stays idempotent: an order already serving these domains
 * (in flight, or issued and not due) keeps the order API whatever the quota says.
 */
export function chooseCertificateApi(facts: ApiFacts, domains: readonly string[]): ApiChoice {
  if (facts.requested !== 'auto')
    return { api: facts.requested, reason: `certificate-api is ${facts.requested}` };
  if (facts.instanceId) return { api: 'instance', reason: `instance-id ${facts.instanceId} is given` };
  if (facts.orderId) return { api: 'order', reason: `order-id ${facts.orderId} is given` };
  if (domains.length > 0 && !facts.ordersChecked) return { need: 'orders' };
  if (facts.activeOrderId) {
    return { api: 'order', reason: `order ${facts.activeOrderId} already serves these domains` };
  }
  if (!facts.quota) return { need: 'quota' };
  const q = facts.quota;
  const product = q.productCode || facts.productCode || 'the default product';
  const room = q.total - q.used;
  if (room > 0) return { api: 'order', reason: `${room} of ${q.total} left in the V1.0 quota of ${product}` };
  const noQuota = `no V1.0 quota left for ${product} (${q.used} of ${q.total} used)`;
  if (!facts.instances && !facts.instancesError) return { need: 'instances' };
  const instances = facts.instances ?? [];
  const held = instanceForDomains(instances, domains, facts.dueBy);
  if (held) {
    return {
      api: 'instance',
      instanceId: held.instanceId,
      reason: `${noQuota}; instance ${held.instanceId} already holds these domains (${held.serviceStatus})`,
    };
  }
  const inactive = firstInactive(instances, facts.certificateType);
  if (inactive) {
    return {
      api: 'instance',
      instanceId: inactive.instanceId,
      reason: `${noQuota}; ${inactive.instanceId} is an inactive ${facts.certificateType} instance`,
    };
  }
  const instanceLack = facts.instancesError
    ? `the V2.0 instance API did not answer (${facts.instancesError})`
    : `the V2.0 instance API has no inactive ${facts.certificateType} instance (${instances.length} instance(s) listed)`;
  return {
    error:
      `certificate-api auto found no room in either certificate API: the 2020 order API has ${noQuota}, and ` +
      `${instanceLack}; buy a certificate package or a V2.0 instance, or cancel an unused order to return its quota.`,
  };
}
