// Certificate Management Service, order API 2020-04-07 (docs/vendor-facts.md): packages, orders and the operations.
// Orders move on lazily (see cas-lifecycle.ts): whenever an operation reads an order, it is advanced first.
import { parseCsr, type TestCa } from './ca.js';
import { type ParsedOrderCsr, readContact, readCsr, requiredValidateType } from './cas-inputs.js';
import { OrderLifecycle, toMs } from './cas-lifecycle.js';
import { listUserCertificateOrder } from './cas-list.js';
import {
  type CasKnobs,
  type Contact,
  type CreateOperation,
  checkDomainNames,
  FILE_VALIDATION_URI,
  isFreeProduct,
  newInstanceId,
  newValidationToken,
  type Order,
  type OrderState,
  parseDomainParameter,
  type ValidateType,
  withoutWildcard,
} from './cas-model.js';
import { recordDomainOf, validationNameOf } from './cas-validation-names.js';
import type { Clock } from './clock.js';
import type { DnsService } from './dns.js';
import { ApiError, invalidParameter, missingParameter } from './errors.js';
import { HeldCertificateStore } from './held-certificates.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export type { CasKnobs };

export const CAS_VERSION = '2020-04-07';
export const DEFAULT_PRODUCT_CODE = 'symantec-free-1-free';
export const DEFAULT_PACKAGES: Readonly<Record<string, number>> = {
  'digicert-free-1-free': 20,
  'symantec-free-1-free': 20,
  'symantec-dv-1-starter': 5,
  'geotrust-dv-w-starter': 5,
};

const DAY_MS = 86_400_000;
const REFUND_WINDOW_MS = 30 * DAY_MS;
/** First id after 2^53: not representable as a double, so a client parsing it as a number loses it. */
const LARGE_ID_START = 9_007_199_254_740_993n;
const NORMAL_ID_START = 10_000_000_001n;

export interface PackageQuota {
  productCode: string;
  total: number;
  used: number;
  issued: number;
}

export interface CasServiceOptions extends Partial<CasKnobs> {
  /** Product code -> number of certificates bought. Default DEFAULT_PACKAGES. */
  packages?: Record<string, number>;
  /** Allocate order ids above 2^53. */
  largeIds?: boolean;
}

export interface SeedOrderInput {
  domains: string[];
  state?: OrderState;
  productCode?: string;
  validateType?: ValidateType;
  orderId?: bigint | number | string;
  buyDate?: Date | number;
  notBefore?: Date | number;
  notAfter?: Date | number;
  /** Issue for this CSR's key (no private key kept). */
  csrPem?: string;
  /** Count the order against its package (without the limit check). Default true. */
  consumeQuota?: boolean;
}

function orderStateError(order: Order, wanted: string): ApiError {
  return new ApiError(
    403,
    'OrderStateError',
    `The order ${order.orderId} is in state ${order.state}; this operation needs ${wanted}.`,
  );
}

export class CasService {
  readonly knobs: CasKnobs;
  private readonly quotas = new Map<string, PackageQuota>();
  private readonly orderMap = new Map<bigint, Order>();
  private readonly lifecycle: OrderLifecycle;
  /** Every certificate at the service (orders' issued ones, uploaded ones), shared with the 2018 API. */
  readonly certificates: HeldCertificateStore;
  private nextOrderId: bigint;
  private nextCertId: bigint;
  private readonly idStep: bigint;
  constructor(
    ca: TestCa,
    private readonly dns: DnsService,
    private readonly clock: Clock,
    options: CasServiceOptions = {},
  ) {
    this.knobs = {
      issuanceDelayMs: options.issuanceDelayMs ?? 0,
      verifyFailDomains: options.verifyFailDomains ?? [],
      recordDomainStyle: options.recordDomainStyle ?? 'zone-relative',
      validateWwwAtBase: options.validateWwwAtBase ?? false,
      validationDelayMs: options.validationDelayMs ?? 0,
      autoDnsRecord: options.autoDnsRecord ?? false,
      willExpireSpelling: options.willExpireSpelling ?? 'WILLEXPRIED',
      orderIdJson: options.orderIdJson ?? 'number',
      certificateValidityDays: options.certificateValidityDays ?? 90,
      recycleLeafKeys: options.recycleLeafKeys ?? false,
    };
    if (options.webRoot !== undefined) this.knobs.webRoot = options.webRoot;
    if (options.maxPageSize !== undefined) this.knobs.maxPageSize = options.maxPageSize;
    for (const [productCode, total] of Object.entries(options.packages ?? DEFAULT_PACKAGES)) {
      this.setPackage(productCode, total);
    }
    this.nextOrderId = options.largeIds ? LARGE_ID_START : NORMAL_ID_START;
    this.nextCertId = options.largeIds ? LARGE_ID_START : 14_000_001n;
    // Step 2 above 2^53 keeps every id odd, hence unrepresentable as a double.
    this.idStep = options.largeIds ? 2n : 1n;
    const allocateCertId = () => {
      const certId = this.nextCertId;
      this.nextCertId += this.idStep;
      return certId;
    };
    this.certificates = new HeldCertificateStore(() => clock.now(), allocateCertId, this.knobs);
    Object.assign(this.actions, this.certificates.actions2020);
    this.lifecycle = new OrderLifecycle(ca, dns, clock, this.knobs, allocateCertId, (order) => {
      const quota = this.quotas.get(order.productCode);
      if (quota) quota.issued++;
      this.holdIssuedCertificate(order);
    });
  }

  // --- direct state access for tests -------------------------------------------------------------

  setPackage(productCode: string, total: number, used = 0, issued = 0): PackageQuota {
    const quota = { productCode, total, used, issued };
    this.quotas.set(productCode, quota);
    return quota;
  }

  packages(): PackageQuota[] {
    return [...this.quotas.values()];
  }

  package(productCode: string): PackageQuota | undefined {
    return this.quotas.get(productCode);
  }

  orders(): Order[] {
    return [...this.orderMap.values()];
  }

  order(orderId: bigint | number | string): Order | undefined {
    return this.orderMap.get(BigInt(orderId));
  }

  /** Moves an order on as a read would (validation check, issuance). */
  async refresh(orderId: bigint | number | string): Promise<Order | undefined> {
    const order = this.order(orderId);
    if (order) await this.lifecycle.advance(order);
    return order;
  }

  /** Creates an order directly in any state, with any dates; certificates are really issued by the test CA. */
  async seedOrder(input: SeedOrderInput): Promise<Order> {
    const now = this.clock.now();
    const domains = checkDomainNames(input.domains, 'Domain');
    const orderId = input.orderId === undefined ? this.allocateOrderId() : BigInt(input.orderId);
    if (this.orderMap.has(orderId)) throw new Error(`Order ${orderId} already exists`);
    const csr = input.csrPem === undefined ? undefined : await parseCsr(input.csrPem);
    const state = input.state ?? 'certificate';
    const order = this.newOrder({
      orderId,
      productCode: input.productCode ?? DEFAULT_PRODUCT_CODE,
      domains,
      validateType: input.validateType ?? 'DNS',
      operation: 'seed',
      contact: {},
      csrPublicKeyPem: csr?.publicKeyPem,
      algorithm: csr?.keyAlgorithm === 'EC' ? 'ECC' : 'RSA',
    });
    order.state = state;
    order.buyDate =
      input.buyDate === undefined ? Math.min(now, toMs(input.notBefore ?? now)) : toMs(input.buyDate);
    if (state === 'process') order.processSince = now;
    if (state === 'certificate' || state === 'revoked') {
      await this.lifecycle.issueCertificate(order, input.notBefore, input.notAfter);
      this.holdIssuedCertificate(order);
      if (state === 'revoked') {
        order.revokedAt = now;
        this.certificates.markRevoked(order.certificate?.certId ?? 0);
      }
    }
    if (input.consumeQuota !== false) {
      const quota = this.quotas.get(order.productCode);
      if (quota) {
        quota.used++;
        if (order.certificate) quota.issued++;
      }
    }
    return order;
  }

  /** The issued certificate of an order (after moving it on), for the CDN emulation. */
  async issuedCertificate(orderId: bigint | number | string) {
    const order = await this.refresh(orderId);
    return order?.certificate;
  }

  // --- operations ---------------------------------------------------------------------------------

  readonly actions: Record<string, ActionHandler> = {
    DescribePackageState: (params) => this.describePackageState(params),
    CreateCertificateForPackageRequest: (params) => this.createForPackage(params),
    CreateCertificateRequest: (params) => this.createCertificateRequest(params),
    CreateCertificateWithCsrRequest: (params) => this.createWithCsr(params),
    DescribeCertificateState: (params) => this.describeCertificateState(params),
    CancelOrderRequest: (params) => this.cancelOrder(params),
    DeleteCertificateRequest: (params) => this.deleteOrder(params),
    CancelCertificateForPackageRequest: (params) => this.revoke(params),
    RenewCertificateOrderForPackageRequest: (params) => this.renew(params),
    ListUserCertificateOrder: (params) => this.list(params),
  };

  private describePackageState(params: RequestParams): Record<string, JsonValue> {
    const productCode = params.optional('ProductCode') ?? DEFAULT_PRODUCT_CODE;
    const quota = this.quotas.get(productCode);
    return {
      ProductCode: productCode,
      TotalCount: quota?.total ?? 0,
      UsedCount: quota?.used ?? 0,
      IssuedCount: quota?.issued ?? 0,
    };
  }

  private async createForPackage(params: RequestParams): Promise<Record<string, JsonValue>> {
    const csrText = params.optional('Csr');
    const domainText = params.optional('Domain');
    if (csrText === undefined && domainText === undefined) throw missingParameter('Domain');
    const productCode = params.optional('ProductCode') ?? DEFAULT_PRODUCT_CODE;
    const validateType = params.oneOf<ValidateType>('ValidateType', ['DNS', 'FILE'], 'DNS');
    const contact = readContact(params, false);
    // With both, the CSR's names are ordered (docs/vendor-facts.md).
    const csr = csrText === undefined ? undefined : await readCsr(csrText);
    const domains = csr?.domains ?? parseDomainParameter(domainText ?? '');
    const order = this.createOrder(
      'CreateCertificateForPackageRequest',
      productCode,
      domains,
      validateType,
      contact,
      csr,
    );
    return { OrderId: this.orderIdJson(order.orderId, 'CreateCertificateForPackageRequest') };
  }

  private createCertificateRequest(params: RequestParams): Record<string, JsonValue> {
    const productCode = params.optional('ProductCode') ?? DEFAULT_PRODUCT_CODE;
    const contact = readContact(params, true);
    const domainText = params.required('Domain');
    const validateType = requiredValidateType(params);
    const domains = parseDomainParameter(domainText);
    if (domains.length !== 1)
      throw invalidParameter('Domain', 'CreateCertificateRequest takes exactly one domain name');
    const order = this.createOrder('CreateCertificateRequest', productCode, domains, validateType, contact);
    return { OrderId: this.orderIdJson(order.orderId, 'CreateCertificateRequest') };
  }

  private async createWithCsr(params: RequestParams): Promise<Record<string, JsonValue>> {
    const csrText = params.required('Csr');
    const productCode = params.optional('ProductCode') ?? DEFAULT_PRODUCT_CODE;
    const contact = readContact(params, true);
    const validateType = requiredValidateType(params);
    const csr = await readCsr(csrText);
    const order = this.createOrder(
      'CreateCertificateWithCsrRequest',
      productCode,
      csr.domains,
      validateType,
      contact,
      csr,
    );
    return { OrderId: this.orderIdJson(order.orderId, 'CreateCertificateWithCsrRequest') };
  }

  /** Chaos: a read of an order in flight that answers `unknow` for a moment (emulator/chaos.ts). */
  transientUnknown?: () => boolean;
  /** Chaos: extra time each new order spends in `process`. */
  extraProcessMs?: () => number;

  private async describeCertificateState(params: RequestParams): Promise<Record<string, JsonValue>> {
    const order = await this.findOrder(params);
    const inFlight = order.state === 'domain_verify' || order.state === 'process';
    if (inFlight && this.transientUnknown?.()) return { Type: 'unknow' };
    // Each field only in the state it belongs to (docs/vendor-facts.md, "Order parameters and answers").
    switch (order.state) {
      case 'domain_verify':
        if (order.validateType === 'DNS') {
          const first = validationNameOf(order.domains[0] ?? '', this.knobs.validateWwwAtBase);
          return {
            Type: 'domain_verify',
            ValidateType: 'DNS',
            RecordDomain: recordDomainOf(first, this.knobs.recordDomainStyle, this.dns),
            RecordType: 'TXT',
            RecordValue: order.validationToken,
          };
        }
        return {
          Type: 'domain_verify',
          ValidateType: 'FILE',
          Domain: withoutWildcard(order.domains[0] ?? ''),
          Uri: FILE_VALIDATION_URI,
          Content: order.validationToken,
        };
      case 'certificate': {
        const certificate = order.certificate;
        if (!certificate) throw new ApiError(500, 'InternalError', 'Issued order without certificate.');
        return {
          Type: 'certificate',
          // The service returns the chain: leaf, then the intermediate.
          Certificate: `${certificate.certificatePem}${certificate.chainPem}`,
          PrivateKey: certificate.privateKeyPem,
          CertId: certificate.certId,
        };
      }
      case 'revoked':
        // Not a documented Type: a revoked order reads as unknown here, REVOKED in lists.
        return { Type: 'unknow' };
      default:
        return { Type: order.state };
    }
  }

  private async cancelOrder(params: RequestParams): Promise<Record<string, JsonValue>> {
    const order = await this.findOrder(params);
    if (order.state !== 'domain_verify' && order.state !== 'process')
      throw orderStateError(order, 'domain_verify or process');
    order.state = 'payed';
    return {};
  }

  private async deleteOrder(params: RequestParams): Promise<Record<string, JsonValue>> {
    const order = await this.findOrder(params);
    if (order.state !== 'verify_fail' && order.state !== 'payed')
      throw orderStateError(order, 'verify_fail or payed');
    this.orderMap.delete(order.orderId);
    const quota = this.quotas.get(order.productCode);
    if (quota && quota.used > 0) quota.used--;
    return {};
  }

  private async revoke(params: RequestParams): Promise<Record<string, JsonValue>> {
    const order = await this.findOrder(params);
    if (order.state !== 'certificate') throw orderStateError(order, 'certificate');
    const now = this.clock.now();
    order.state = 'revoked';
    order.revokedAt = now;
    if (order.certificate) this.certificates.markRevoked(order.certificate.certId);
    // Revoked within 30 days of issue, the package count comes back (docs/vendor-facts.md, "Order lifecycle").
    const issuedAt = order.certificate?.notBefore ?? now;
    const quota = this.quotas.get(order.productCode);
    if (quota && now - issuedAt <= REFUND_WINDOW_MS) {
      if (quota.used > 0) quota.used--;
      if (quota.issued > 0) quota.issued--;
    }
    return {};
  }

  private async renew(params: RequestParams): Promise<Record<string, JsonValue>> {
    const order = await this.findOrder(params);
    const csrText = params.optional('Csr');
    if (isFreeProduct(order.productCode)) {
      throw new ApiError(
        403,
        'OrderStateError',
        `Free certificates (${order.productCode}) cannot be renewed; apply for a new certificate instead.`,
      );
    }
    if (order.state !== 'certificate') throw orderStateError(order, 'certificate');
    if ((order.certificate?.notAfter ?? 0) <= this.clock.now()) {
      throw new ApiError(
        403,
        'OrderStateError',
        `The certificate of order ${order.orderId} has expired and cannot be renewed.`,
      );
    }
    const csr = csrText === undefined ? undefined : await readCsr(csrText);
    const renewed = this.createOrder(
      'RenewCertificateOrderForPackageRequest',
      order.productCode,
      csr?.domains ?? order.domains,
      order.validateType,
      order.contact,
      csr,
    );
    renewed.renewedFrom = order.orderId;
    return { OrderId: this.orderIdJson(renewed.orderId, 'RenewCertificateOrderForPackageRequest') };
  }

  private async list(params: RequestParams): Promise<Record<string, JsonValue>> {
    const orders = this.orders();
    await Promise.all(orders.map((order) => this.lifecycle.advance(order)));
    // CERT (issued and uploaded certificates) and UPLOAD list certificates, not orders.
    const orderType = params.optional('OrderType')?.toUpperCase();
    if (orderType === 'CERT' || orderType === 'UPLOAD')
      return this.certificates.listCertificates(params, orderType, this.knobs.willExpireSpelling);
    const context = {
      now: this.clock.now(),
      orderIdJson: (orderId: bigint) => this.orderIdJson(orderId, 'ListUserCertificateOrder'),
      ...(this.knobs.maxPageSize === undefined ? {} : { maxPageSize: this.knobs.maxPageSize }),
      willExpireSpelling: this.knobs.willExpireSpelling,
    };
    // The lag is behind a create call: orders seeded as the account's existing state are listed at once.
    const lag = this.knobs.listLagMs ?? 0;
    const listed =
      lag > 0
        ? this.orders().filter((o) => !o.createdByCall || context.now - o.buyDate >= lag)
        : this.orders();
    return listUserCertificateOrder(listed, params, context);
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** An order's issued certificate is held at the service under its CertId, as `cert-<id>`. */
  private holdIssuedCertificate(order: Order): void {
    const issued = order.certificate;
    if (!issued || this.certificates.get(issued.certId)) return;
    const input = {
      name: `cert-${issued.certId}`,
      pem: `${issued.certificatePem}${issued.chainPem}`,
      source: 'order' as const,
      orderId: order.orderId,
      instanceId: order.instanceId,
      certId: BigInt(issued.certId),
    };
    this.certificates.add(
      issued.privateKeyPem === undefined ? input : { ...input, privateKeyPem: issued.privateKeyPem },
    );
  }

  private orderIdJson(orderId: bigint, action: string): JsonValue {
    const style = this.knobs.orderIdJson;
    if (style === 'string') return orderId.toString();
    const quotedInDocs =
      action === 'CreateCertificateWithCsrRequest' || action === 'RenewCertificateOrderForPackageRequest';
    return style === 'as-documented' && quotedInDocs ? orderId.toString() : orderId;
  }

  private allocateOrderId(): bigint {
    const id = this.nextOrderId;
    this.nextOrderId += this.idStep;
    return id;
  }

  private async findOrder(params: RequestParams): Promise<Order> {
    // The reference spells it `Orderid` in places; the service's name is OrderId (docs/vendor-facts.md): both
    // are accepted.
    const orderId = params.requiredLong('OrderId', 'Orderid');
    const order = this.orderMap.get(orderId);
    if (!order) throw new ApiError(404, 'NotFoundOrder', `The certificate order ${orderId} does not exist.`);
    await this.lifecycle.advance(order);
    return order;
  }

  private createOrder(
    operation: CreateOperation,
    productCode: string,
    domains: string[],
    validateType: ValidateType,
    contact: Contact,
    csr?: ParsedOrderCsr,
  ): Order {
    const quota = this.quotas.get(productCode);
    if (!quota)
      throw new ApiError(
        404,
        'NotFoundPackage',
        `No certificate package of product ${productCode} was bought.`,
      );
    if (quota.used >= quota.total) {
      throw new ApiError(
        404,
        'NotRemainCount',
        `The package of product ${productCode} has no certificates left.`,
      );
    }
    quota.used++;
    const order: Order = this.newOrder({
      orderId: this.allocateOrderId(),
      productCode,
      domains,
      validateType,
      operation,
      contact,
      csrPublicKeyPem: csr?.publicKeyPem,
      algorithm: csr?.algorithm ?? 'RSA',
    });
    order.createdByCall = true;
    if (validateType === 'DNS' && this.knobs.autoDnsRecord) this.addValidationRecordsItself(order);
    return order;
  }

  /** Automatic DNS validation: the service writes the TXT record of every name whose zone is in the account. */
  private addValidationRecordsItself(order: Order): void {
    for (const domain of order.domains) {
      const fqdn = validationNameOf(domain, this.knobs.validateWwwAtBase);
      if (!this.dns.zoneFor(fqdn)) continue;
      if (this.dns.lookup(fqdn, 'TXT').some((r) => r.value === order.validationToken)) continue;
      this.dns.addRecord({ fqdn, type: 'TXT', value: order.validationToken });
    }
  }

  private newOrder(input: {
    orderId: bigint;
    productCode: string;
    domains: string[];
    validateType: ValidateType;
    operation: CreateOperation;
    contact: Contact;
    csrPublicKeyPem: string | undefined;
    algorithm: 'RSA' | 'ECC';
  }): Order {
    const now = this.clock.now();
    const order: Order = {
      orderId: input.orderId,
      instanceId: newInstanceId(),
      aliyunOrderId: 230_000_000_000_000n + (input.orderId % 1_000_000_000_000n),
      productCode: input.productCode,
      domains: input.domains,
      validateType: input.validateType,
      state: 'domain_verify',
      createOperation: input.operation,
      contact: input.contact,
      algorithm: input.algorithm,
      validationToken: newValidationToken(now),
      buyDate: now,
    };
    if (input.csrPublicKeyPem !== undefined) order.csrPublicKeyPem = input.csrPublicKeyPem;
    const extra = this.extraProcessMs?.();
    if (extra) order.extraProcessMs = extra;
    this.orderMap.set(order.orderId, order);
    return order;
  }
}
