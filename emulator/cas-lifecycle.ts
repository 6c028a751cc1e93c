// How an order moves on: validation really checked (TXT record in the emulated DNS, or a file under the
// web root), then, after the issuance delay, a decision by the "CA": verify_fail or a real certificate.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestCa } from './ca.js';
import { type CasKnobs, FILE_VALIDATION_URI, type Order } from './cas-model.js';
import { validationNameOf } from './cas-validation-names.js';
import type { Clock } from './clock.js';
import type { DnsService } from './dns.js';

const DAY_MS = 86_400_000;

export function toMs(value: Date | number): number {
  return value instanceof Date ? value.getTime() : value;
}

export class OrderLifecycle {
  private readonly advancing = new WeakMap<Order, Promise<void>>();

  constructor(
    private readonly ca: TestCa,
    private readonly dns: DnsService,
    private readonly clock: Clock,
    private readonly knobs: CasKnobs,
    private readonly allocateCertId: () => bigint,
    /** Called when an order gets its certificate (counts it in the package). */
    private readonly onIssued: (order: Order) => void,
  ) {}

  /** One step of the lifecycle per read; concurrent reads of one order share the step. */
  advance(order: Order): Promise<void> {
    const running = this.advancing.get(order);
    if (running) return running;
    const step = this.step(order).finally(() => this.advancing.delete(order));
    this.advancing.set(order, step);
    return step;
  }

  private async step(order: Order): Promise<void> {
    const now = this.clock.now();
    if (order.state === 'domain_verify') {
      if (now - order.buyDate < this.knobs.validationDelayMs) return;
      if (await this.isValidated(order)) {
        order.state = 'process';
        order.processSince = now;
      }
      return;
    }
    const inProcess = now - (order.processSince ?? now);
    if (order.state !== 'process' || inProcess < this.knobs.issuanceDelayMs + (order.extraProcessMs ?? 0))
      return;
    const failing = new Set(this.knobs.verifyFailDomains.map((domain) => domain.toLowerCase()));
    if (order.domains.some((domain) => failing.has(domain))) {
      order.state = 'verify_fail';
      return;
    }
    await this.issueCertificate(order);
    order.state = 'certificate';
    this.onIssued(order);
  }

  private async isValidated(order: Order): Promise<boolean> {
    if (order.validateType === 'DNS') {
      return order.domains.every((domain) =>
        this.dns
          .lookup(validationNameOf(domain, this.knobs.validateWwwAtBase), 'TXT')
          .some((record) => record.value === order.validationToken),
      );
    }
    const webRoot = this.knobs.webRoot;
    if (webRoot === undefined) return false;
    try {
      const content = await readFile(join(webRoot, FILE_VALIDATION_URI), 'utf8');
      return content.replace(/\r?\n$/, '') === order.validationToken;
    } catch {
      return false;
    }
  }

  async issueCertificate(order: Order, notBefore?: Date | number, notAfter?: Date | number): Promise<void> {
    const now = this.clock.now();
    const validFrom = notBefore === undefined ? now - 60_000 : toMs(notBefore);
    const validTo =
      notAfter === undefined ? now + this.knobs.certificateValidityDays * DAY_MS : toMs(notAfter);
    const leaf = await this.ca.issueLeaf({
      names: order.domains,
      notBefore: new Date(validFrom),
      notAfter: new Date(validTo),
      recycleKey: this.knobs.recycleLeafKeys,
      ...(order.csrPublicKeyPem === undefined ? {} : { publicKeyPem: order.csrPublicKeyPem }),
    });
    const certId = this.allocateCertId();
    order.certificate = {
      certificatePem: leaf.certificatePem,
      chainPem: leaf.chainPem,
      certId: certId.toString(),
      notBefore: validFrom,
      notAfter: validTo,
      ...(leaf.privateKeyPem === undefined ? {} : { privateKeyPem: leaf.privateKeyPem }),
    };
  }
}
