// `issue` on an instance (the V2.0 instance API or the 2018 DV API; docs/certificate-apis.md): reuse what the
// instance holds while it is good, resume an application under way, otherwise apply once; then validate every
// entry of the validation list, wait for the CA, fetch. Loaded only when an instance API serves the run.
import { AliyunApiError } from '../../aliyun/errors.js';
import { firstInactive, instanceForDomains } from '../../authority/choose.js';
import type {
  InstanceApplication,
  InstanceAuthority,
  InstanceStatus,
  InstanceSummary,
} from '../../authority/port.js';
import { daysRemaining } from '../../core/certificate.js';
import { sameDomainSet } from '../../core/domains.js';
import { FlowError } from '../../core/errors.js';
import type { FlowResult, TimelineEntry } from '../../core/result.js';
import type { FlowContext } from '../../flows/context.js';
import { dueBy } from '../choice.js';
import type { ChosenApi } from '../port.js';
import { reuseUnlessDue } from '../reuse.js';
import { API_NAMES, certificateFacts, fetchChecked } from './instance-certificate.js';
import { pendingInstanceResult, waitForInstance } from './instance-wait.js';

export async function issueOnInstance(
  ctx: FlowContext,
  api: InstanceAuthority,
  domains: string[],
  chosen: ChosenApi,
): Promise<FlowResult> {
  const { config, log } = ctx;
  const expectKey = !config.csr;
  const instanceId =
    chosen.instanceId ?? config.instanceId ?? (await pickInstance(ctx, api, domains, chosen.instances));
  let status = await readInstance(api, instanceId);
  const timeline: TimelineEntry[] = [{ at: ctx.now(), state: status.serviceStatus || status.state }];

  if (status.state === 'issued') {
    const reused = await reuseIssued(ctx, api, status, domains, expectKey);
    if (reused) return reused;
    throw new FlowError(
      `Instance ${instanceId} already holds a certificate for ${status.domains.join(', ') || 'other names'} that is ` +
        'due or for other names, and an issued instance cannot apply again; give another instance-id, or leave ' +
        'instance-id out so an inactive instance is used.',
      { instanceId, timeline, details: [] },
    );
  }
  if (status.state === 'inactive') {
    const task = await api.applicationTask(instanceId);
    if (task === 'processing' || task === 'success') {
      log.info(`Instance ${instanceId}: an application is already under way (task ${task}): resuming it.`);
    } else {
      if (domains.length === 0) {
        throw new FlowError(
          `Instance ${instanceId} is inactive: give the domains input to apply for a certificate.`,
        );
      }
      requireCompany(status.certificateType, instanceId, config.companyId);
      await applyOnce(ctx, api, instanceId, applicationOf(ctx, domains));
    }
  } else if (status.state === 'pending') {
    log.info(
      `Instance ${instanceId} is already pending (${status.serviceStatus}): resuming it, not applying again.`,
    );
  } else {
    throw new FlowError(
      `Instance ${instanceId} is '${status.serviceStatus || status.state}', so it cannot issue a certificate; ` +
        'give another instance-id, or leave it out so an inactive instance is used.',
      { instanceId, state: status.state, timeline, details: [] },
    );
  }

  const ordered = domains.length > 0 ? domains : status.domains;
  const outcome = await waitForInstance(ctx, api, instanceId, timeline, ordered);
  status = outcome.status;
  if (status.state !== 'issued') return pendingInstanceResult(ctx, outcome, instanceId);
  const certificate = await fetchChecked(ctx, api, status, domains, expectKey);
  return {
    status: 'issued',
    instanceId,
    certId: status.certId,
    certificate,
    timeline: outcome.timeline,
    details: [['Certificate API', API_NAMES[api.api]]],
  };
}

/** The instance that serves these domains already, else the first usable one (every page). */
async function pickInstance(
  ctx: FlowContext,
  api: InstanceAuthority,
  domains: string[],
  listed?: InstanceSummary[],
): Promise<string> {
  const { config, log } = ctx;
  const instances = listed ?? (await api.listInstances());
  let held = instanceForDomains(instances, domains, dueBy(ctx));
  if (api.api === 'legacy-dv') held = await legacyInstanceForDomains(api, instances, domains, dueBy(ctx));
  if (held) {
    log.info(
      `Instance ${held.instanceId} already serves ${domains.join(', ')} (${held.serviceStatus}): using it.`,
    );
    return held.instanceId;
  }
  const inactive = firstInactive(instances, config.certificateType);
  if (inactive) {
    log.info(`Using the inactive ${config.certificateType} instance ${inactive.instanceId}.`);
    return inactive.instanceId;
  }
  throw new FlowError(
    `${API_NAMES[api.api]} lists ${instances.length} instance(s) and none is an inactive ${config.certificateType} ` +
      'instance; buy one, or give instance-id.',
  );
}

/** The 2018 list names no domains: the pending or issued instances are read one by one. */
async function legacyInstanceForDomains(
  api: InstanceAuthority,
  instances: InstanceSummary[],
  domains: string[],
  due: Date,
): Promise<InstanceSummary | undefined> {
  for (const candidate of instances.filter((i) => i.state === 'pending' || i.state === 'issued')) {
    const status = await api.describeInstance(candidate.instanceId);
    const facts = status.certificate
      ? certificateFacts(status.certificate)
      : { names: status.challenges.map((c) => c.domain), notAfter: undefined };
    // An issued one that is due cannot apply again: it makes way for a Paid one.
    if (facts.notAfter && facts.notAfter <= due) continue;
    if (facts.names.length > 0 && sameDomainSet(facts.names, domains)) return candidate;
  }
  return undefined;
}

/** The 2018 DV result answers only once applied: before that, the list says the instance is unused. */
async function readInstance(api: InstanceAuthority, instanceId: string): Promise<InstanceStatus> {
  if (api.api === 'legacy-dv') {
    const listed = (await api.listInstances()).find((i) => i.instanceId === instanceId);
    if (!listed) {
      throw new FlowError(
        `DV instance ${instanceId} is not in this account (DescribeOrderInstanceList); check instance-id.`,
      );
    }
    if (listed.state === 'inactive') return { ...listed, challenges: [] };
  }
  return api.describeInstance(instanceId);
}

function applicationOf(ctx: FlowContext, domains: string[]): InstanceApplication {
  const { config } = ctx;
  return {
    domains,
    csr: config.csr,
    validationMethod: config.validationMethod,
    keyAlgorithm: config.keyAlgorithm,
    contactId: config.contactId,
    companyId: config.companyId,
    contact: config.contact,
    province: config.province,
    city: config.city,
  };
}

/** An OV or EV instance is refused without a company before UpdateInstance changes it (ApplyCertificate would be). */
function requireCompany(type: string | undefined, instanceId: string, companyId: string | undefined): void {
  if (!type || type === 'DV' || companyId) return;
  throw new FlowError(
    `Instance ${instanceId} is an ${type} instance, and an ${type} certificate is issued to a company: give ` +
      'company-id (the company in the Certificate Management Service console); the instance was not changed.',
  );
}

/** Configure, then one application; an application whose outcome is unknown is reconciled by reading state. */
async function applyOnce(
  ctx: FlowContext,
  api: InstanceAuthority,
  instanceId: string,
  input: InstanceApplication,
): Promise<void> {
  const { log } = ctx;
  const action = api.api === 'instance' ? 'ApplyCertificate' : 'CreateDVOrderAudit';
  if (api.api === 'instance') {
    input.contactId ??= await api.firstContactId();
    if (!input.contactId) {
      throw new FlowError(
        `Instance ${instanceId} needs a contact and ListContact found none; add a contact in the Certificate ` +
          'Management Service console, or give contact-id.',
      );
    }
    await api.prepare(instanceId, input);
    // Some instances submit on UpdateInstance already (docs/certificate-apis.md): then no second application.
    const after = await api.describeInstance(instanceId);
    if (after.state !== 'inactive') {
      log.info(`Instance ${instanceId} went '${after.serviceStatus}' on UpdateInstance: not applying again.`);
      return;
    }
  }
  const apply = async () => {
    await api.apply(instanceId, input);
    log.info(
      `Applied for a certificate for ${input.domains.join(', ')} on instance ${instanceId} (${action}).`,
    );
  };
  try {
    return await apply();
  } catch (error) {
    if (!(error instanceof AliyunApiError && error.outcomeUnknown)) throw error;
    log.warning(`${error.describe()}; reading instance ${instanceId} before doing anything else.`);
    if (await applicationTookEffect(api, instanceId)) {
      log.info(`The uncertain ${action} did take effect: instance ${instanceId} is applying.`);
      return;
    }
    log.info(`The uncertain ${action} did not take effect (instance ${instanceId} still unused): applying.`);
  }
  // Proven not to have happened: one more application. If that one is uncertain too, the error says so and stops.
  return apply();
}

async function applicationTookEffect(api: InstanceAuthority, instanceId: string): Promise<boolean> {
  const status = await readInstance(api, instanceId);
  if (status.state !== 'inactive') return true;
  const task = await api.applicationTask(instanceId);
  return task === 'processing' || task === 'success';
}

async function reuseIssued(
  ctx: FlowContext,
  api: InstanceAuthority,
  status: InstanceStatus,
  domains: string[],
  expectKey: boolean,
): Promise<FlowResult | undefined> {
  const certificate = await fetchChecked(ctx, api, status, [], false);
  const { info } = certificate;
  if (domains.length > 0 && !sameDomainSet(info.names, domains)) return undefined;
  const held = {
    label: `Instance ${status.instanceId}`,
    left: daysRemaining(info.notAfter, ctx.now()),
    info,
    state: status.serviceStatus || status.state,
    whenDue: '',
  };
  return reuseUnlessDue(
    ctx,
    held,
    () => fetchChecked(ctx, api, status, domains.length > 0 ? domains : info.names, expectKey),
    {
      instanceId: status.instanceId,
      certId: status.certId,
      details: [['Certificate API', API_NAMES[api.api]]],
    },
  );
}
