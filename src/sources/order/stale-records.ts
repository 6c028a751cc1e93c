// `cancel` of an order in `process` or `verify_fail`: the service no longer names the order's validation record
// (DescribeCertificateState gives RecordValue in domain_verify only, docs/vendor-facts.md), yet the record written
// for it is still in the zone. It is found by its name (`_dnsauth.<name>`) and removed, unless its value is the
// token of another order for the same names that is still waiting for validation.

import type { Challenge } from '../../authority/vocabulary.js';
import { validationBaseName } from '../../core/domains.js';
import type { FlowContext } from '../../flows/context.js';
import { removeChallengeRecords } from '../../validation/index.js';
import { validationRecordNames, zoneForName } from '../../validation/records.js';
import { describeExistingOrder } from './order-lookup.js';
import { inFlightOrder, listOrdersForDomains } from './orders.js';

/** The host record the service names for every DNS challenge of these products (docs/validation-records.md). */
const VALIDATION_HOST = '_dnsauth';

export async function removeRecordsOfPastChallenge(
  ctx: FlowContext,
  orderId: string,
  names: string[],
): Promise<string> {
  const { config, dns, log } = ctx;
  if (names.length === 0) return 'not looked up (names unknown)';
  if (config.validationMethod !== 'DNS') return 'not applicable';
  if (config.dnsProvider !== 'alidns') {
    const where = names.map((n) => `${VALIDATION_HOST}.${validationBaseName(n)}`).join(', ');
    log.notice(
      `Order ${orderId} was past validation: remove its TXT record (${where}) yourself if it is there.`,
    );
    return `not looked up (dns-provider ${config.dnsProvider}); check ${where}`;
  }
  const zones = await dns.listZones();
  // In full, under the order's first name: relative, `_dnsauth` would be read under the zone's apex, whose record
  // belongs to another name.
  const recordDomain = `${VALIDATION_HOST}.${validationBaseName(names[0] ?? '')}`;
  const recordNames = validationRecordNames(recordDomain, names, (n) => zoneForName(n, zones)?.zone);
  const values = new Set<string>();
  for (const full of recordNames) {
    const match = zoneForName(full, zones);
    if (!match) continue;
    for (const record of await dns.findRecords(match.zone, match.rr, 'TXT')) values.add(record.value);
  }
  // Another order for the same names still waiting for validation keeps its record.
  const others = (await listOrdersForDomains(ctx.authorities.order, names)).filter(
    (o) => o.orderId !== orderId,
  );
  const waiting = inFlightOrder(others);
  if (waiting) {
    const status = await describeExistingOrder(ctx, waiting.orderId);
    if (status?.challenge?.method === 'DNS') values.delete(status.challenge.recordValue);
  }
  if (values.size === 0) return 'none found';
  const outcomes: string[] = [];
  for (const recordValue of values) {
    const challenge: Challenge = {
      method: 'DNS',
      recordDomain,
      recordType: 'TXT',
      recordValue,
    };
    outcomes.push(await removeChallengeRecords(challenge, names, ctx));
  }
  return outcomes.join('; ');
}
