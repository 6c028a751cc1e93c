// The order adapter: CAS 2020-04-07's certificate order API (docs/vendor-facts.md), one function per operation.
import type { RpcClient } from '../aliyun/rpc.js';
import { checkPageLimit } from '../core/paging.js';
import { dateField, idField, listField, numberField, textField } from '../services/fields.js';
import type { CertificateAuthority } from './port.js';
import {
  type Challenge,
  type CreateOrderInput,
  type ListOrdersQuery,
  type OrderState,
  type OrderStatus,
  type OrderSummary,
  type PackageState,
  parseListStatus,
} from './vocabulary.js';

export const CAS_VERSION = '2020-04-07';
const PAGE_SIZE = 50;
const KNOWN_STATES: readonly OrderState[] = [
  'domain_verify',
  'process',
  'verify_fail',
  'certificate',
  'payed',
];

export function createOrderApi(
  client: RpcClient,
  endpoint: string,
  maskSecret: (secret: string) => void,
): CertificateAuthority {
  const call = (action: string, params: Record<string, string | number | undefined>, changesState: boolean) =>
    client.call({ endpoint, version: CAS_VERSION, action, params, changesState });

  return {
    async describePackageState(productCode) {
      const r = await call('DescribePackageState', { ProductCode: productCode }, false);
      return {
        productCode: textField(r.ProductCode) ?? productCode ?? '',
        total: numberField(r.TotalCount),
        used: numberField(r.UsedCount),
        issued: numberField(r.IssuedCount),
      } satisfies PackageState;
    },

    async createOrder(input: CreateOrderInput) {
      const { contact } = input;
      const params: Record<string, string | undefined> = {
        ProductCode: input.productCode,
        ValidateType: input.validationMethod,
        Username: contact.name,
        Phone: contact.phone,
        Email: contact.email,
      };
      if (input.operation === 'CreateCertificateWithCsrRequest') {
        params.Csr = input.csr;
      } else if (input.operation === 'CreateCertificateRequest') {
        params.Domain = input.domains.join(',');
      } else {
        params.Domain = input.domains.join(',');
        params.Csr = input.csr;
        params.CompanyName = contact.companyName;
      }
      const r = await call(input.operation, params, true);
      return { orderId: requireId(r.OrderId, input.operation) };
    },

    async describeOrder(orderId) {
      const r = await call('DescribeCertificateState', { OrderId: orderId }, false);
      // Masked where it enters, before any caller (or log line) can see it.
      const key = textField(r.PrivateKey);
      if (key) maskSecret(key);
      return parseOrderStatus(orderId, r);
    },

    async cancelOrder(orderId) {
      await call('CancelOrderRequest', { OrderId: orderId }, true);
    },

    async deleteOrder(orderId) {
      await call('DeleteCertificateRequest', { OrderId: orderId }, true);
    },

    async revokeOrder(orderId) {
      await call('CancelCertificateForPackageRequest', { OrderId: orderId }, true);
    },

    async renewOrder(orderId, csr) {
      const r = await call('RenewCertificateOrderForPackageRequest', { OrderId: orderId, Csr: csr }, true);
      return { orderId: requireId(r.OrderId, 'RenewCertificateOrderForPackageRequest') };
    },

    async listOrders(query: ListOrdersQuery) {
      const orders: OrderSummary[] = [];
      for (let page = 1; ; page++) {
        const r = await call(
          'ListUserCertificateOrder',
          {
            Keyword: query.keyword,
            Status: query.status,
            OrderType: 'CPACK',
            CurrentPage: page,
            ShowSize: PAGE_SIZE,
          },
          false,
        );
        const items = listField(r.CertificateOrderList);
        for (const item of items) {
          const summary = parseOrderSummary(item);
          if (summary) orders.push(summary);
        }
        // The service may serve smaller pages than asked for: stop on the total, or on an empty page.
        if (items.length === 0 || orders.length >= numberField(r.TotalCount)) return orders;
        checkPageLimit('ListUserCertificateOrder', page, numberField(r.TotalCount));
      }
    },
  };
}

export function parseOrderStatus(orderId: string, r: Record<string, unknown>): OrderStatus {
  const type = textField(r.Type) ?? 'unknow';
  const state = (KNOWN_STATES as readonly string[]).includes(type) ? (type as OrderState) : 'unknow';
  let challenge: Challenge | undefined;
  if (state === 'domain_verify' && textField(r.ValidateType) === 'FILE') {
    challenge = {
      method: 'FILE',
      domain: textField(r.Domain) ?? '',
      uri: textField(r.Uri) ?? '',
      content: textField(r.Content) ?? '',
    };
  } else if (state === 'domain_verify' && textField(r.RecordValue)) {
    challenge = {
      method: 'DNS',
      recordDomain: textField(r.RecordDomain) ?? '',
      recordType: textField(r.RecordType) ?? 'TXT',
      recordValue: textField(r.RecordValue) ?? '',
    };
  }
  return {
    orderId,
    state,
    challenge,
    certificate: state === 'certificate' ? textField(r.Certificate) : undefined,
    privateKey: state === 'certificate' ? textField(r.PrivateKey) : undefined,
    certId: idField(r.CertId) ?? textField(r.CertId),
  };
}

function parseOrderSummary(item: Record<string, unknown>): OrderSummary | undefined {
  const orderId = idField(item.OrderId);
  if (!orderId) return undefined;
  const names = textField(item.Sans) ?? textField(item.Domain) ?? '';
  return {
    orderId,
    domains: names
      .split(/[,\s]+/)
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    status: parseListStatus(textField(item.Status)),
    productCode: textField(item.ProductCode),
    instanceId: textField(item.InstanceId),
    certStartTime: dateField(item.CertStartTime),
    certEndTime: dateField(item.CertEndTime),
    buyDate: dateField(item.BuyDate),
  };
}

function requireId(value: unknown, action: string): string {
  const id = idField(value);
  if (!id) throw new Error(`${action} answered without an OrderId`);
  return id;
}
