// ListUserCertificateOrder: list statuses, filters and pages over the account's orders.
import { brandOf, certTypeOf, domainTypeOf, isWildcard, type Order } from './cas-model.js';
import { invalidParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { RequestParams } from './params.js';

export const LIST_STATUSES = [
  'PAYED',
  'CHECKING',
  'CHECKED_FAIL',
  'ISSUED',
  'WILLEXPRIED',
  'WILLEXPIRED',
  'EXPIRED',
  'NOTACTIVATED',
  'REVOKED',
] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

const DAY_MS = 86_400_000;
/** An issued certificate with fewer days left than this is "about to expire". */
export const WILL_EXPIRE_DAYS = 30;

export function listStatusOf(
  order: Order,
  now: number,
  willExpire: 'WILLEXPRIED' | 'WILLEXPIRED' = 'WILLEXPRIED',
): ListStatus {
  switch (order.state) {
    case 'payed':
      return 'PAYED';
    case 'domain_verify':
    case 'process':
      return 'CHECKING';
    case 'verify_fail':
      return 'CHECKED_FAIL';
    case 'revoked':
      return 'REVOKED';
    case 'certificate': {
      const notAfter = order.certificate?.notAfter ?? 0;
      if (notAfter <= now) return 'EXPIRED';
      return notAfter - now < WILL_EXPIRE_DAYS * DAY_MS ? willExpire : 'ISSUED';
    }
  }
}

function listItem(order: Order, context: ListContext, orderId: JsonValue): Record<string, JsonValue> {
  const now = context.now;
  const brand = brandOf(order.productCode);
  return {
    OrderId: orderId,
    InstanceId: order.instanceId,
    AliyunOrderId: order.aliyunOrderId,
    PartnerOrderId: `ca-${order.orderId}`,
    Domain: order.domains[0] ?? '',
    Sans: order.domains.join(','),
    DomainCount: order.domains.filter((domain) => !isWildcard(domain)).length,
    WildDomainCount: order.domains.filter(isWildcard).length,
    DomainType: domainTypeOf(order.domains),
    ProductCode: order.productCode,
    ProductName: brand,
    RootBrand: brand,
    CertType: certTypeOf(order.productCode),
    Algorithm: order.algorithm,
    Status: listStatusOf(order, now, context.willExpireSpelling),
    SourceType: 'cpack',
    TrusteeStatus: 'unTrustee',
    BuyDate: order.buyDate,
    CertStartTime: order.certificate?.notBefore,
    CertEndTime: order.certificate?.notAfter,
  };
}

export interface ListContext {
  now: number;
  /** Forced page-size ceiling (Pebble-style): clients must follow pages. */
  maxPageSize?: number;
  orderIdJson: (orderId: bigint) => JsonValue;
  /** The spelling this service uses; a Status filter in either spelling matches it. */
  willExpireSpelling?: 'WILLEXPRIED' | 'WILLEXPIRED';
}

export function listUserCertificateOrder(
  orders: Order[],
  params: RequestParams,
  context: ListContext,
): Record<string, JsonValue> {
  const keyword = params.optional('Keyword')?.toLowerCase();
  const asked = params.optional('Status')?.toUpperCase();
  const status =
    asked === 'WILLEXPRIED' || asked === 'WILLEXPIRED'
      ? (context.willExpireSpelling ?? 'WILLEXPRIED')
      : asked;
  if (status !== undefined && !(LIST_STATUSES as readonly string[]).includes(status)) {
    throw invalidParameter('Status', `"${status}" is not one of ${LIST_STATUSES.join(', ')}`);
  }
  const orderType = params.optional('OrderType')?.toUpperCase();
  if (orderType !== undefined && orderType !== 'CPACK' && orderType !== 'BUY') {
    throw invalidParameter('OrderType', `"${orderType}" is not one of CPACK, BUY, UPLOAD, CERT`);
  }
  const currentPage = params.positiveInteger('CurrentPage', 1);
  const requestedSize = params.positiveInteger('ShowSize', 50);
  const showSize = Math.min(requestedSize, context.maxPageSize ?? requestedSize);

  // Every order here comes from a resource package (CPACK); none is a purchase order (BUY).
  const matching =
    orderType === 'BUY'
      ? []
      : orders.filter((order) => {
          if (status !== undefined && listStatusOf(order, context.now, context.willExpireSpelling) !== status)
            return false;
          if (keyword === undefined) return true;
          return (
            order.instanceId.includes(keyword) || order.domains.some((domain) => domain.includes(keyword))
          );
        });
  matching.sort((a, b) => (a.buyDate !== b.buyDate ? b.buyDate - a.buyDate : a.orderId < b.orderId ? 1 : -1));
  const pageItems = matching.slice((currentPage - 1) * showSize, currentPage * showSize);
  return {
    ShowSize: showSize,
    CurrentPage: currentPage,
    TotalCount: matching.length,
    CertificateOrderList: pageItems.map((order) =>
      listItem(order, context, context.orderIdJson(order.orderId)),
    ),
  };
}
