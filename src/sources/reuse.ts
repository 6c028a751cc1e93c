// `issue`'s rule for a certificate a source already holds for these names (docs/fleet.md): handed out again while
// it has more days left than the renewal window (capped at a third of its lifetime), else it is due.
import { type CertificateInfo, type CheckedCertificate, renewalWindowDays } from '../core/certificate.js';
import type { FlowResult } from '../core/result.js';
import { dayCount, isoSeconds } from '../core/time.js';
import type { FlowContext } from '../flows/context.js';

export interface HeldForReuse {
  /** `Order 123`, `Instance cas-…`: for the log lines. */
  label: string;
  /** Days left, as the source reads them. */
  left: number;
  info: CertificateInfo;
  /** The source's state word, for the summary. */
  state: string;
  /** Appended to the line that says it is due (`: ordering anew`). */
  whenDue: string;
}

/** The `unchanged` result handing the held certificate out again, or undefined when it is due. */
export async function reuseUnlessDue(
  ctx: FlowContext,
  held: HeldForReuse,
  accept: () => CheckedCertificate | Promise<CheckedCertificate>,
  ids: Pick<FlowResult, 'orderId' | 'instanceId' | 'certId' | 'details'>,
): Promise<FlowResult | undefined> {
  const window = renewalWindowDays(ctx.config.renewBeforeDays, held.info);
  if (held.left <= window.days) {
    ctx.onDueCertificate?.(held.info.notAfter);
    ctx.log.info(
      `${held.label} expires in ${dayCount(held.left)} (renew within ${window.days})${held.whenDue}.`,
    );
    return undefined;
  }
  const certificate = await accept();
  ctx.log.info(`${held.label} is issued with ${dayCount(held.left)} left: reusing it.`);
  // No timeline: a row stamped with this run's time would read as when it was issued.
  const reused: [string, string] = [
    'Reused',
    `${held.label} (${held.state}), valid since ${isoSeconds(held.info.notBefore)}: not issued by this run`,
  ];
  return {
    status: 'unchanged',
    ...ids,
    certificate,
    timeline: [],
    details: [...(ids.details ?? []), reused],
  };
}
