// `cancel`, `revoke` and `status` of an instance (docs/certificate-apis.md): CancelPendingCertificate,
// RevokeCertificate and GetInstanceDetail; never the order operations for an instance. Loaded only when used.
import { AliyunApiError } from '../../aliyun/errors.js';
import type { InstanceAuthority, InstanceSummary } from '../../authority/port.js';
import { daysRemaining } from '../../core/certificate.js';
import { FlowError } from '../../core/errors.js';
import { emptyResult, type FlowResult, statusReport } from '../../core/result.js';
import { dayCount } from '../../core/time.js';
import type { FlowContext } from '../../flows/context.js';
import { removeChallengeRecords } from '../../validation/index.js';
import { fetchChecked } from './instance-certificate.js';

function requireInstanceId(ctx: FlowContext): string {
  const id = ctx.config.instanceId;
  if (!id) throw new FlowError("Input 'instance-id' is required to act on an instance.");
  return id;
}

export async function cancelInstance(ctx: FlowContext, api: InstanceAuthority): Promise<FlowResult> {
  const { log } = ctx;
  const instanceId = requireInstanceId(ctx);
  const status = await api.describeInstance(instanceId);
  const result = emptyResult('cancelled');
  result.instanceId = instanceId;
  result.details.push(['Previous state', status.serviceStatus || status.state]);
  if (status.state === 'issued') {
    throw new FlowError(
      `Instance ${instanceId} is already issued, so its application cannot be cancelled; revoke its certificate ` +
        `with mode: revoke and instance-id ${instanceId}.`,
    );
  }
  if (status.state === 'inactive') {
    const task = await api.applicationTask(instanceId);
    if (task !== 'processing') {
      log.notice(`Instance ${instanceId} has no application pending, so there is nothing to cancel.`);
      return result;
    }
  } else if (status.state !== 'pending') {
    throw new FlowError(
      `Instance ${instanceId} is '${status.serviceStatus}', which has no application to cancel; look at it with mode: status.`,
    );
  }
  await api.cancel(instanceId);
  // Asynchronous at the service: the instance may read pending for minutes after (docs/certificate-apis.md).
  log.info(`Instance ${instanceId}: the pending application is cancelled (CancelPendingCertificate).`);
  result.details.push(['Calls', 'CancelPendingCertificate']);
  const removed: string[] = [];
  for (const { domain, challenge } of status.challenges) {
    if (challenge.method === 'DNS') removed.push(await removeChallengeRecords(challenge, [domain], ctx));
  }
  if (removed.length > 0) result.details.push(['Validation records', removed.join('; ')]);
  return result;
}

export async function revokeInstance(ctx: FlowContext, api: InstanceAuthority): Promise<FlowResult> {
  const { log } = ctx;
  const instanceId = requireInstanceId(ctx);
  const status = await api.describeInstance(instanceId);
  const result = emptyResult('revoked');
  result.instanceId = instanceId;
  if (status.state === 'revoked') {
    log.notice(`Instance ${instanceId} is already revoked, so there is nothing to do.`);
    result.details.push(['Previous state', 'already revoked']);
    return result;
  }
  if (status.state !== 'issued') {
    throw new FlowError(
      `Instance ${instanceId} is '${status.serviceStatus || status.state}' and has no issued certificate to revoke` +
        (status.state === 'pending' ? '; withdraw its application with mode: cancel.' : '.'),
    );
  }
  const certificate = await fetchChecked(ctx, api, status, [], false);
  await api.revoke(instanceId, status.certId);
  const { info } = certificate;
  log.info(
    `Instance ${instanceId}: the certificate for ${info.names.join(', ')} is revoked (RevokeCertificate).`,
  );
  result.certId = status.certId;
  result.details.push(
    ['Revoked certificate', `${info.names.join(', ')}, serial ${info.serialNumber}`],
    ['SHA-256 fingerprint', info.fingerprintSha256],
  );
  return result;
}

export async function reportInstance(ctx: FlowContext, api: InstanceAuthority): Promise<FlowResult> {
  const { log } = ctx;
  const instanceId = requireInstanceId(ctx);
  const status = await api.describeInstance(instanceId);
  const result = emptyResult('active');
  result.instanceId = instanceId;
  result.state = status.serviceStatus || status.state;
  result.certId = status.certId;
  result.challenge = status.challenges[0]?.challenge;
  if (status.state === 'issued') {
    result.certificate = await fetchChecked(ctx, api, status, [], false);
    const { info } = result.certificate;
    log.info(
      `Instance ${instanceId}: issued, certificate for ${info.names.join(', ')} valid, ` +
        `${dayCount(daysRemaining(info.notAfter, ctx.now()))} left (until ${info.notAfter.toISOString()}).`,
    );
  } else {
    log.info(`Instance ${instanceId}: ${result.state}.`);
  }
  result.details.push(['Instance state', result.state]);
  return result;
}

/** `status` of the account: the instances, when the instance API answers (an account without it is no failure). */
export async function listAccountInstances(
  ctx: FlowContext,
  api: InstanceAuthority,
  result: FlowResult,
): Promise<void> {
  let instances: InstanceSummary[];
  try {
    instances = await api.listInstances();
  } catch (error) {
    if (!(error instanceof AliyunApiError) || error.outcomeUnknown) throw error;
    ctx.log.info(`The V2.0 instance API did not answer (${error.code}): no instances reported.`);
    return;
  }
  const counts = new Map<string, number>();
  for (const i of instances) counts.set(i.serviceStatus, (counts.get(i.serviceStatus) ?? 0) + 1);
  const byStatus = [...counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'none';
  ctx.log.info(`V2.0 instances: ${instances.length} (${byStatus}).`);
  result.details.push(['V2.0 instances', `${instances.length} (${byStatus})`]);
  statusReport(result).instances = instances.map((i) => ({
    instanceId: i.instanceId,
    status: i.serviceStatus,
    domains: i.domains,
    ...(i.notAfter ? { notAfter: i.notAfter } : {}),
  }));
}
