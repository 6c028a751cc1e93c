// Unsigned JSON admin API under /__emulator/, so out-of-process programs (official SDK, curl, the demo)
// can inspect and drive the emulator. Never part of the emulated cloud API. A web page open in the developer's
// browser can reach loopback too, so every request must carry the emulator's per-process token in a header (a page
// cannot send one cross-origin without a preflight this server never answers) and name a loopback Host (DNS
// rebinding); the call log it serves never repeats a credential or a key.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AlbService } from './alb.js';
import type { TestCa } from './ca.js';
import type { CasKnobs, CasService, SeedOrderInput } from './cas.js';
import type { InstanceKnobs, InstanceService, SeedInstanceInput } from './cas-instances.js';
import type { DvListStatus, LegacyDvService } from './cas-legacy-dv.js';
import type { OrderState, ValidateType } from './cas-model.js';
import type { CdnService } from './cdn.js';
import type { Clock } from './clock.js';
import type { AddRecordInput, DnsService } from './dns.js';
import type { EsaService, EsaSiteStatus } from './esa.js';
import type { FaultSpec, Faults } from './faults.js';
import { type JsonValue, toJsonText } from './json.js';

/** What the admin routes read and drive: server.ts's Emulator is one (declared here, so admin does not import it). */
export interface AdminTarget {
  url: string;
  /** What ADMIN_TOKEN_HEADER must hold. */
  adminToken: string;
  /** The calls answered, as server.ts records them. */
  calls: unknown[];
  callsTo(action: string): unknown[];
  faults: Faults;
  cas: CasService;
  instances: InstanceService;
  legacyDv: LegacyDvService;
  dns: DnsService;
  cdn: CdnService;
  dcdn: CdnService;
  esa: EsaService;
  alb: AlbService;
  ca: TestCa;
  clock: Clock;
  setClockOffset(ms: number): void;
  setGatewayClockOffset(ms: number): void;
}

type Json = Record<string, unknown>;

/** The header every admin request carries the emulator's token in (`emulator.adminToken`, printed by the CLI). */
export const ADMIN_TOKEN_HEADER = 'x-emulator-admin-token';

/** Request parameters the call log never repeats: signatures, tokens, secrets, passwords and keys. */
const WITHHELD_PARAM = /^(Signature|Key|SecurityToken|OIDCToken)$|Secret|Password|PrivateKey|Token$/i;

function withoutCredentials(calls: unknown[]): unknown[] {
  return calls.map((call) => {
    const params = (call as { params?: Record<string, string> }).params ?? {};
    const kept = Object.entries(params).map(([name, value]) => [
      name,
      WITHHELD_PARAM.test(name) || /PRIVATE KEY/.test(value) ? '[withheld]' : value,
    ]);
    return { ...(call as object), params: Object.fromEntries(kept) };
  });
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** Why the request may not use the admin API, or undefined when it may. */
function refusal(emulator: AdminTarget, request: IncomingMessage): AdminError | undefined {
  if (!LOOPBACK_HOST.test(request.headers.host ?? ''))
    return new AdminError(403, 'The admin API answers only requests to a loopback Host');
  const given = Buffer.from(String(request.headers[ADMIN_TOKEN_HEADER] ?? ''));
  const expected = Buffer.from(emulator.adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return new AdminError(
      401,
      `The admin API needs the emulator's token in the ${ADMIN_TOKEN_HEADER} header`,
    );
  return undefined;
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseJsonBody(body: Buffer): Json {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value as Json;
  } catch (error) {
    throw new AdminError(400, `Body must be a JSON object or array: ${(error as Error).message}`);
  }
}

function optionalString(body: Json, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new AdminError(400, `${name} must be a string`);
  return String(value);
}

function requiredString(body: Json, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined) throw new AdminError(400, `${name} is required`);
  return value;
}

/** Everything the emulator holds, as JSON (order ids and Long values as exact digits). */
function stateSnapshot(emulator: AdminTarget): JsonValue {
  return {
    url: emulator.url,
    clock: emulator.clock.offsets(),
    knobs: { ...emulator.cas.knobs } as unknown as JsonValue,
    packages: emulator.cas.packages().map((quota) => ({ ...quota })),
    orders: emulator.cas.orders().map((order) => ({
      orderId: order.orderId,
      instanceId: order.instanceId,
      productCode: order.productCode,
      domains: order.domains,
      state: order.state,
      validateType: order.validateType,
      validationToken: order.validationToken,
      createOperation: order.createOperation,
      buyDate: order.buyDate,
      renewedFrom: order.renewedFrom,
      certId: order.certificate?.certId,
      notBefore: order.certificate?.notBefore,
      notAfter: order.certificate?.notAfter,
      certificatePem: order.certificate?.certificatePem,
      chainPem: order.certificate?.chainPem,
    })),
    instances: emulator.instances.instances().map((i) => ({
      instanceId: i.instanceId,
      certificateType: i.certificateType,
      status: i.status,
      domains: i.domains,
      certId: i.certificate?.certId,
      certificateStatus: i.certificate?.status,
    })),
    dvInstances: emulator.legacyDv.instances().map((i) => ({
      instanceId: i.instanceId,
      status: i.status,
      domain: i.domain,
    })),
    zones: emulator.dns.zones().map((zone) => ({ ...zone })),
    records: emulator.dns.records().map((record) => ({ ...record })),
    cdnDomains: emulator.cdn.domains().map((domain) => ({
      domainName: domain.domainName,
      certId: domain.certificate?.certId,
    })),
    dcdnDomains: emulator.dcdn.domains().map((domain) => ({
      domainName: domain.domainName,
      certId: domain.certificate?.certId,
    })),
    faults: emulator.faults.pending() as unknown as JsonValue,
    ca: { rootPem: emulator.ca.rootPem, intermediatePem: emulator.ca.intermediatePem },
  };
}

async function route(emulator: AdminTarget, method: string, url: URL, body: Buffer): Promise<JsonValue> {
  const path = url.pathname.replace(/^\/__emulator/, '').replace(/\/$/, '');
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /calls': {
      const action = url.searchParams.get('action');
      return withoutCredentials(
        action === null ? emulator.calls : emulator.callsTo(action),
      ) as unknown as JsonValue;
    }
    case 'DELETE /calls':
      emulator.calls.length = 0;
      return { ok: true };
    case 'GET /state':
      return stateSnapshot(emulator);
    case 'POST /faults': {
      const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
      const list = Array.isArray(parsed) ? parsed : [parsed];
      for (const item of list as Json[]) {
        if ('chaos' in item) emulator.faults.chaos = { ...(item.chaos as object) };
        else emulator.faults.add(item as unknown as FaultSpec);
      }
      return { pending: emulator.faults.pending() as unknown as JsonValue };
    }
    case 'DELETE /faults':
      emulator.faults.clear();
      return { ok: true };
    case 'POST /dns/zones': {
      const zone = emulator.dns.addZone(requiredString(parseJsonBody(body), 'domainName'));
      return { ...zone };
    }
    case 'POST /dns/records': {
      const input = parseJsonBody(body);
      const record: AddRecordInput = {
        type: requiredString(input, 'type'),
        value: requiredString(input, 'value'),
      };
      const domainName = optionalString(input, 'domainName');
      const rr = optionalString(input, 'rr');
      const fqdn = optionalString(input, 'fqdn');
      const ttl = optionalString(input, 'ttl');
      if (domainName !== undefined) record.domainName = domainName;
      if (rr !== undefined) record.rr = rr;
      if (fqdn !== undefined) record.fqdn = fqdn;
      if (ttl !== undefined) record.ttl = Number(ttl);
      return { ...emulator.dns.addRecord(record) };
    }
    case 'POST /cas/instances': {
      // A V2.0 instance bought beforehand: { certificateType?, instanceType?, status?, instanceId? }.
      const input = parseJsonBody(body) as SeedInstanceInput;
      const instance = emulator.instances.addInstance(input);
      return { instanceId: instance.instanceId, status: instance.status };
    }
    case 'POST /cas/instance-knobs': {
      Object.assign(emulator.instances.knobs, parseJsonBody(body) as Partial<InstanceKnobs>);
      return { ...emulator.instances.knobs } as unknown as JsonValue;
    }
    case 'POST /cas/dv-instances': {
      // A 2018 DV instance: { instanceId?, status? } (status as DescribeOrderInstanceList spells it).
      const input = parseJsonBody(body) as { instanceId?: string; status?: DvListStatus };
      const instance = emulator.legacyDv.addInstance(input);
      return { instanceId: instance.instanceId, status: instance.status };
    }
    case 'POST /cas/knobs': {
      Object.assign(emulator.cas.knobs, parseJsonBody(body) as Partial<CasKnobs>);
      return { ...emulator.cas.knobs } as unknown as JsonValue;
    }
    case 'POST /cas/packages': {
      const input = parseJsonBody(body);
      const quota = emulator.cas.setPackage(
        requiredString(input, 'productCode'),
        Number(requiredString(input, 'total')),
        Number(optionalString(input, 'used') ?? 0),
        Number(optionalString(input, 'issued') ?? 0),
      );
      return { ...quota };
    }
    case 'POST /cas/orders': {
      const input = parseJsonBody(body);
      const seed: SeedOrderInput = { domains: (input.domains as string[] | undefined) ?? [] };
      const state = optionalString(input, 'state');
      const productCode = optionalString(input, 'productCode');
      const validateType = optionalString(input, 'validateType');
      const orderId = optionalString(input, 'orderId');
      const notBefore = optionalString(input, 'notBefore');
      const notAfter = optionalString(input, 'notAfter');
      if (state !== undefined) seed.state = state as OrderState;
      if (productCode !== undefined) seed.productCode = productCode;
      if (validateType !== undefined) seed.validateType = validateType as ValidateType;
      if (orderId !== undefined) seed.orderId = orderId;
      if (notBefore !== undefined) seed.notBefore = new Date(notBefore);
      if (notAfter !== undefined) seed.notAfter = new Date(notAfter);
      const order = await emulator.cas.seedOrder(seed);
      return { orderId: order.orderId, state: order.state, certId: order.certificate?.certId };
    }
    case 'POST /cdn/certificates': {
      const input = parseJsonBody(body);
      const domainName = requiredString(input, 'domainName');
      const orderId = optionalString(input, 'orderId');
      const domain =
        orderId !== undefined
          ? await emulator.cdn.setDomainCertificate(domainName, { orderId })
          : await emulator.cdn.setDomainCertificate(domainName, {
              certificatePem: requiredString(input, 'certificatePem'),
            });
      return { domainName: domain.domainName, certId: domain.certificate?.certId };
    }
    case 'POST /alb/listeners': {
      // An ALB listener (emulator/alb.ts): its region, protocol, default certificate and how long a write settles.
      const input = parseJsonBody(body);
      const protocol = optionalString(input, 'protocol')?.toUpperCase();
      if (protocol !== undefined && !['HTTP', 'HTTPS', 'QUIC'].includes(protocol))
        throw new AdminError(400, 'protocol must be HTTP, HTTPS or QUIC');
      const regionId = optionalString(input, 'regionId');
      const defaultCertificate = optionalString(input, 'defaultCertificate');
      const delay = optionalString(input, 'settleDelayMs');
      const listener = emulator.alb.addListener({
        listenerId: requiredString(input, 'listenerId'),
        ...(regionId === undefined ? {} : { regionId }),
        ...(protocol === undefined ? {} : { protocol: protocol as 'HTTP' | 'HTTPS' | 'QUIC' }),
        ...(defaultCertificate === undefined ? {} : { defaultCertificate }),
        ...(delay === undefined ? {} : { settleDelayMs: Number(delay) }),
      });
      return { listenerId: listener.listenerId, regionId: listener.regionId, protocol: listener.protocol };
    }
    case 'POST /cdn/domains':
    case 'POST /dcdn/domains': {
      // An accelerated domain, with how long a new certificate takes to be served and a fault of its own.
      const input = parseJsonBody(body);
      const service = path.startsWith('/dcdn') ? emulator.dcdn : emulator.cdn;
      const delay = optionalString(input, 'deployDelayMs');
      const failStatus = optionalString(input, 'failStatus');
      const domain = service.addDomain(requiredString(input, 'domainName'), {
        ...(delay === undefined ? {} : { deployDelayMs: Number(delay) }),
        ...(failStatus === undefined ? {} : { failStatus }),
      });
      return { domainName: domain.domainName, deployDelayMs: domain.deployDelayMs };
    }
    case 'POST /esa/sites': {
      // An ESA site (docs/deploy.md), active unless said, with how long a certificate set on it is `Applying`.
      const input = parseJsonBody(body);
      const status = optionalString(input, 'status');
      if (status !== undefined && !['pending', 'active', 'offline', 'moved'].includes(status))
        throw new AdminError(400, 'status must be pending, active, offline or moved');
      const siteId = optionalString(input, 'siteId');
      const delay = optionalString(input, 'deployDelayMs');
      const site = emulator.esa.addSite({
        siteName: requiredString(input, 'siteName'),
        ...(siteId === undefined ? {} : { siteId }),
        ...(status === undefined ? {} : { status: status as EsaSiteStatus }),
        ...(delay === undefined ? {} : { deployDelayMs: Number(delay) }),
      });
      return { siteId: site.siteId, siteName: site.siteName, status: site.status };
    }
    case 'POST /clock': {
      const input = parseJsonBody(body);
      const offsetMs = optionalString(input, 'offsetMs');
      const gatewayOffsetMs = optionalString(input, 'gatewayOffsetMs');
      if (offsetMs !== undefined) emulator.setClockOffset(Number(offsetMs));
      if (gatewayOffsetMs !== undefined) emulator.setGatewayClockOffset(Number(gatewayOffsetMs));
      return emulator.clock.offsets();
    }
    default:
      throw new AdminError(404, `No admin route ${key}`);
  }
}

export async function handleAdminRequest(
  emulator: AdminTarget,
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  response: ServerResponse,
): Promise<void> {
  let status = 200;
  let payload: JsonValue;
  try {
    const refused = refusal(emulator, request);
    if (refused) throw refused;
    payload = await route(emulator, request.method ?? 'GET', url, body);
  } catch (error) {
    status = error instanceof AdminError ? error.status : 400;
    payload = { error: (error as Error).message };
  }
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  response.end(toJsonText(payload));
}
