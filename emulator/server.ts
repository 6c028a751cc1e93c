// The emulator's HTTP server: one loopback endpoint answering for CAS, Alidns and CDN, told apart by Version.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_TOKEN_HEADER, handleAdminRequest } from './admin.js';
import { ALB_VERSION, type AlbListenerSeed, AlbService } from './alb.js';
import {
  APIGW_VERSION,
  type ApigDomainSeed,
  type ApigwDomainSeed,
  ApigwService,
  leafSha256,
} from './apigw.js';
import { createTestCa, type TestCa } from './ca.js';
import { CAS_VERSION, CasService, type CasServiceOptions } from './cas.js';
import { type CloudResourceSeed, DeploymentJobService } from './cas-deployment-jobs.js';
import { type InstanceKnobs, InstanceService, type SeedInstanceInput } from './cas-instances.js';
import { type DvKnobs, type DvListStatus, LEGACY_VERSIONS, LegacyDvService } from './cas-legacy-dv.js';
import { CDN_VERSION, CdnService, DCDN_VERSION } from './cdn.js';
import { Chaos, type ChaosSettings, chaosFromEnvironment } from './chaos.js';
import { type ClbLoadBalancerSeed, ClbService, SLB_VERSION } from './clb.js';
import { Clock } from './clock.js';
import { DNS_VERSION, DnsService } from './dns.js';
import { type DnsServer, type DnsServerOptions, startDnsServer } from './dns-server.js';
import { ApiError } from './errors.js';
import { ESA_VERSION, EsaService, type EsaSiteSeed } from './esa.js';
import {
  type ChaosOptions,
  type FaultKind,
  type FaultSpec,
  Faults,
  faultError,
  faultPhase,
} from './faults.js';
import { type FcDomainSeed, FcService } from './fc.js';
import { GA_VERSION, type GaListenerSeed, GaService } from './ga.js';
import { type AccessKey, Gateway, type IncomingCall, type ParsedCall } from './gateway.js';
import { GitHubOidc, ID_TOKEN_PATH } from './github-oidc.js';
import { type JsonValue, toJsonText } from './json.js';
import { NLB_VERSION, type NlbListenerSeed, NlbService } from './nlb.js';
import { OssService } from './oss.js';
import { RequestParams } from './params.js';
import { parseRoaBody, type RoaMatch, RoaRouter, recordedRoaParams, redactedKey } from './roa.js';
import { ServedCertificates } from './served.js';
import { STS_VERSION, StsService } from './sts.js';
import { WAF_VERSION, type WafInstanceSeed, WafService } from './waf.js';

export const EMULATOR_ACCESS_KEY_ID = 'emulator-access-key-id';
export const EMULATOR_ACCESS_KEY_SECRET = 'emulator-access-key-secret';
export const ADMIN_PREFIX = '/__emulator/';
export { ADMIN_TOKEN_HEADER };

export type ProductName =
  | 'cas'
  | 'dns'
  | 'cdn'
  | 'dcdn'
  | 'sts'
  | 'clb'
  | 'esa'
  | 'nlb'
  | 'oss'
  | 'alb'
  | 'waf'
  | 'ga'
  | 'fc'
  | 'apigw'
  | 'apig'
  | 'waf';

export interface EmulatorOptions extends CasServiceOptions {
  /** Default 0: any free port. The server always binds 127.0.0.1. */
  port?: number;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Makes the default key an STS key: requests must carry this SecurityToken. */
  securityToken?: string;
  securityTokenExpiresAt?: Date | number;
  /** More keys besides the default one. */
  accessKeys?: AccessKey[];
  /** Zones in the emulated Alidns account. */
  zones?: string[];
  /** Also answer those zones over DNS (UDP, loopback; emulator/dns-server.ts): what an ACME server validates. */
  dnsServer?: boolean | DnsServerOptions;
  /** CDN domains that exist (without HTTPS) from the start. */
  cdnDomains?: string[];
  /** DCDN domains that exist (without HTTPS) from the start. */
  dcdnDomains?: string[];
  /** Classic Load Balancer instances with their listeners (emulator/clb.ts). */
  clbLoadBalancers?: ClbLoadBalancerSeed[];
  /** ESA sites (active unless said), by name; a 13-digit id is made when none is given. */
  esaSites?: EsaSiteSeed[];
  /** NLB listeners (emulator/nlb.ts), TCPSSL unless told, with the certificates they serve from the start. */
  nlbListeners?: NlbListenerSeed[];
  /** OSS buckets (emulator/oss.ts) and the custom domains bound to each. */
  ossBuckets?: Array<{ bucket: string; region: string; domains?: string[] }>;
  /** Resources CAS lists for deployment jobs beside the CDN domains (emulator/cas-deployment-jobs.ts). */
  casCloudResources?: CloudResourceSeed[];
  /** How long a started CAS deployment job runs before it ends (default 0). */
  deploymentJobDelayMs?: number;
  /** ALB listeners that exist from the start (emulator/alb.ts). */
  albListeners?: AlbListenerSeed[];
  /** Classic API Gateway: custom domains of API groups (emulator/apigw.ts). */
  apigwDomains?: ApigwDomainSeed[];
  /** Cloud-native API Gateway domains (`d-…`, emulator/apigw.ts). */
  apigDomains?: ApigDomainSeed[];
  /** WAF 3.0 instances (emulator/waf.ts), one a region, with their CNAME domains and cloud-resource ports. */
  wafInstances?: WafInstanceSeed[];
  /** Global Accelerator listeners that exist from the start (emulator/ga.ts). */
  gaListeners?: GaListenerSeed[];
  /** Function Compute 3.0 custom domains (emulator/fc.ts), HTTP only unless told. */
  fcDomains?: FcDomainSeed[];
  /** Reuse a CA (RSA key generation is the slow part of start-up). Default: one shared per process. */
  ca?: TestCa;
  timestampWindowMs?: number;
  chaos?: ChaosOptions;
  /** Chaos mode (emulator/chaos.ts): a seed, or settings; EMULATOR_CHAOS_SEED turns it on from outside. */
  chaosMode?: ChaosSettings | false;
  /** Called after every API call is answered (the CLI's --verbose). */
  onCall?: (call: CallRecord) => void;
  /** V2.0 instances bought beforehand (cas-instances.ts), and the store's knobs. */
  instances?: SeedInstanceInput[];
  instanceKnobs?: Partial<InstanceKnobs>;
  /** 2018 DV instances (cas-legacy-dv.ts), and that store's knobs. */
  dvInstances?: Array<{ instanceId?: string; status?: DvListStatus }>;
  dvKnobs?: Partial<DvKnobs>;
}

export interface CallRecord {
  action?: string;
  version?: string;
  product?: ProductName;
  signatureStyle?: 'rpc-v1' | 'acs3';
  /** A ROA call's method and path (emulator/roa.ts), as sent. */
  method?: string;
  path?: string;
  /** Request parameters, percent-decoded, without Signature. */
  params: Record<string, string>;
  /** HTTP status sent; 0 when the connection was dropped without an answer. */
  status: number;
  code?: string;
  requestId: string;
  /** When the call arrived (ms since epoch, real clock). */
  at: number;
  fault?: FaultKind;
  /** The fault came from chaos mode. */
  chaos?: boolean;
}

export interface Emulator {
  url: string;
  port: number;
  accessKeyId: string;
  accessKeySecret: string;
  /** Fresh for each emulator: admin requests carry it in the ADMIN_TOKEN_HEADER header (emulator/admin.ts). */
  adminToken: string;
  calls: CallRecord[];
  faults: Faults;
  /** Chaos mode, when on; its calls refused before processing are in `chaosCalls`, not `calls`. */
  chaos: Chaos | undefined;
  chaosCalls: CallRecord[];
  cas: CasService;
  /** The V2.0 instance API (same version as the order API). */
  instances: InstanceService;
  /** The 2018-07-13 DV instances. */
  legacyDv: LegacyDvService;
  dns: DnsService;
  /** With the `dnsServer` option: the zones over DNS, at `dnsServer.address`. */
  dnsServer: DnsServer | undefined;
  cdn: CdnService;
  dcdn: CdnService;
  /** Classic Load Balancer (SLB 2014-05-15). */
  clb: ClbService;
  esa: EsaService;
  nlb: NlbService;
  /** Buckets and their custom domains (REST, signature V4). */
  oss: OssService;
  alb: AlbService;
  /** API Gateway: the classic API (RPC) and the cloud-native one (ROA, `/v1/domains`). */
  apigw: ApigwService;
  waf: WafService;
  /** Global Accelerator (one endpoint, RegionId cn-hangzhou). */
  ga: GaService;
  /** CAS's own deployment: cloud resources and deployment jobs (same version as the order API). */
  deploymentJobs: DeploymentJobService;
  /** Function Compute 3.0 custom domains (ROA under /2023-03-30/). */
  fc: FcService;
  sts: StsService;
  /** What clients get: `await served.listen('cdn:static.example.com')` is that resource's HTTPS front. */
  served: ServedCertificates;
  /** GitHub's ID-token service: point ACTIONS_ID_TOKEN_REQUEST_URL at `idTokenRequestUrl`. */
  github: GitHubOidc;
  idTokenRequestUrl: string;
  ca: TestCa;
  clock: Clock;
  gateway: Gateway;
  /** The ROA products by path prefix (emulator/roa.ts): a product registers its routes there. */
  roa: RoaRouter;
  /** Shifts business time (order dates, expiry, list statuses). */
  setClockOffset(ms: number): void;
  /** Shifts the gateway's clock, to emulate a client whose clock is off. */
  setGatewayClockOffset(ms: number): void;
  /** Calls of one action (successful or not). */
  callsTo(action: string): CallRecord[];
  close(): Promise<void>;
}

interface Product {
  name: ProductName;
  host: string;
  actions: CasService['actions'];
}

interface Answer {
  status: number;
  text: string;
  headers: Record<string, string>;
  code?: string;
}

let sharedCa: Promise<TestCa> | undefined;

/** One CA per process: every emulator in a test worker reuses its keys. */
export function sharedTestCa(): Promise<TestCa> {
  sharedCa ??= createTestCa({ commonName: 'CAS Emulator' });
  return sharedCa;
}

const MAX_BODY_BYTES = 1 << 20;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function headersOf(request: IncomingMessage): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (values) headers[name] = values;
  }
  return headers;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new Clock();
  const ca = options.ca ?? (await sharedTestCa());
  const accessKeyId = options.accessKeyId ?? EMULATOR_ACCESS_KEY_ID;
  const accessKeySecret = options.accessKeySecret ?? EMULATOR_ACCESS_KEY_SECRET;
  const defaultKey: AccessKey = { accessKeyId, accessKeySecret };
  if (options.securityToken !== undefined) defaultKey.securityToken = options.securityToken;
  if (options.securityTokenExpiresAt !== undefined) {
    defaultKey.securityTokenExpiresAt = new Date(options.securityTokenExpiresAt).getTime();
  }

  const dns = new DnsService(options.zones ?? [], () => clock.now());
  const cas = new CasService(ca, dns, clock, options);
  const shared = {
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
    recycleLeafKeys: options.recycleLeafKeys ?? false,
  };
  // An instance's certificate joins the one store of certificates at the service, as an order's does.
  const instances = new InstanceService(
    ca,
    dns,
    clock,
    { ...shared, ...options.instanceKnobs },
    (instance, certificate) =>
      cas.certificates.add({
        name: `instance-${instance.instanceId}`,
        pem: `${certificate.certificatePem}${certificate.chainPem}`,
        ...(certificate.privateKeyPem === undefined ? {} : { privateKeyPem: certificate.privateKeyPem }),
        source: 'instance',
        instanceId: instance.instanceId,
        certId: certificate.certId,
      }),
  );
  for (const seed of options.instances ?? []) instances.addInstance(seed);
  const legacyDv = new LegacyDvService(ca, dns, clock, { ...shared, ...options.dvKnobs });
  for (const seed of options.dvInstances ?? []) legacyDv.addInstance(seed);
  const legacyProduct: Product = { name: 'cas', host: 'cas.aliyuncs.com', actions: legacyDv.actions };
  const cdnOptions = {
    now: () => clock.now(),
    lookUpOrder: async (orderId: bigint) => cas.issuedCertificate(orderId),
    lookUpCertificate: async (certId: string) => {
      const held = cas.certificates.get(certId);
      return (
        held && { certificatePem: held.certificatePem, chainPem: held.chainPem, certId: String(held.certId) }
      );
    },
  };
  const cdn = new CdnService({ product: 'cdn', ...cdnOptions });
  const dcdn = new CdnService({ product: 'dcdn', ...cdnOptions });
  for (const domain of options.cdnDomains ?? []) cdn.addDomain(domain);
  for (const domain of options.dcdnDomains ?? []) dcdn.addDomain(domain);
  const served = new ServedCertificates(clock, ca, (certId) =>
    /^\d+$/.test(certId) ? cas.certificates.get(certId) : undefined,
  );
  served.register('cdn', (domain) => cdn.servedSet(domain));
  served.register('dcdn', (domain) => dcdn.servedSet(domain));
  const clb = new ClbService(
    () => clock.now(),
    (certId) => {
      const held = /^\d+$/.test(certId) ? cas.certificates.get(certId) : undefined;
      return held && { certificatePem: held.certificatePem, chainPem: held.chainPem, name: held.name };
    },
  );
  for (const seed of options.clbLoadBalancers ?? []) clb.addLoadBalancer(seed);
  served.register('clb', (listener) => clb.servedSet(listener));
  const esa = new EsaService(
    () => clock.now(),
    (certId) => (/^\d+$/.test(certId) ? cas.certificates.get(certId) : undefined),
  );
  for (const site of options.esaSites ?? []) esa.addSite(site);
  // Keyed by the site's name (or id): its CAS certificates in effect, picked by SNI.
  served.register('esa', (site) => esa.servedSet(site));
  const nlb = new NlbService({
    now: () => clock.now(),
    holds: (certId) => cas.certificates.get(certId) !== undefined,
  });
  for (const listener of options.nlbListeners ?? []) nlb.addListener(listener);
  served.register('nlb', (listenerId) => nlb.servedSet(listenerId));
  const alb = new AlbService({
    now: () => clock.now(),
    holds: (certId) => cas.certificates.get(certId) !== undefined,
  });
  for (const listener of options.albListeners ?? []) alb.addListener(listener);
  served.register('alb', (listenerId) => alb.servedSet(listenerId));
  const apigw = new ApigwService({
    now: () => clock.now(),
    held: (certId) => (/^\d+$/.test(certId) ? cas.certificates.get(certId) : undefined),
    casIdOfPem: (pem) => {
      const sha256 = leafSha256(pem);
      const held = cas.certificates.all().find((c) => sha256 !== undefined && c.sha256 === sha256);
      return held && String(held.certId);
    },
  });
  for (const seed of options.apigwDomains ?? []) apigw.addClassicDomain(seed);
  for (const seed of options.apigDomains ?? []) apigw.addNativeDomain(seed);
  // `apigw:d-…` (cloud-native) or `apigw:<groupId>/<domain>` (classic).
  served.register('apigw', (resource) => apigw.servedSet(resource));
  const waf = new WafService({
    now: () => clock.now(),
    holds: (certId) => cas.certificates.get(certId) !== undefined,
  });
  for (const instance of options.wafInstances ?? []) waf.addInstance(instance);
  // Keyed by the domain (`waf:www.example.com`) or the cloud resource's port (`waf:lb-1:443`).
  served.register('waf', (resource) => waf.servedSet(resource));
  const ga = new GaService({
    now: () => clock.now(),
    holds: (certId) => cas.certificates.get(certId) !== undefined,
  });
  for (const listener of options.gaListeners ?? []) ga.addListener(listener);
  served.register('ga', (listenerId) => ga.servedSet(listenerId));
  const deploymentJobs = new DeploymentJobService({
    clock,
    cdn,
    lookUpCertificate: (certId) => (/^\d+$/.test(certId) ? cas.certificates.get(certId) : undefined),
    contactExists: (contactId) => instances.contacts.some((c) => c.contactId === contactId),
  });
  deploymentJobs.delayMs = options.deploymentJobDelayMs ?? 0;
  for (const seed of options.casCloudResources ?? []) deploymentJobs.addResource(seed);
  served.register('cas-job', (resourceId) => deploymentJobs.servedSet(resourceId));
  const github = new GitHubOidc();
  // Keys STS grants become gateway keys (the gateway is built below, once every product's version is known).
  const sts = new StsService(clock, github, (key) => gateway.setKey(key));
  const products: Record<string, Product> = {
    // One version, two families: the order API and the V2.0 instance API.
    [CAS_VERSION]: {
      name: 'cas',
      host: 'cas.aliyuncs.com',
      actions: { ...cas.actions, ...instances.actions, ...deploymentJobs.actions },
    },
    // The 2018 API: the DV instances and the same store of certificates; its document names both version
    // strings (held-certificates.ts, cas-legacy-dv.ts).
    ...Object.fromEntries(
      LEGACY_VERSIONS.map((version) => [
        version,
        { ...legacyProduct, actions: { ...cas.certificates.actions2018, ...legacyDv.actions } } as Product,
      ]),
    ),
    [DNS_VERSION]: { name: 'dns', host: 'alidns.aliyuncs.com', actions: dns.actions },
    [CDN_VERSION]: { name: 'cdn', host: 'cdn.aliyuncs.com', actions: cdn.actions },
    [DCDN_VERSION]: { name: 'dcdn', host: 'dcdn.aliyuncs.com', actions: dcdn.actions },
    [SLB_VERSION]: { name: 'clb', host: 'slb.aliyuncs.com', actions: clb.actions },
    [ESA_VERSION]: { name: 'esa', host: 'esa.cn-hangzhou.aliyuncs.com', actions: esa.actions },
    [NLB_VERSION]: { name: 'nlb', host: 'nlb.cn-hangzhou.aliyuncs.com', actions: nlb.actions },
    [ALB_VERSION]: { name: 'alb', host: 'alb.cn-hangzhou.aliyuncs.com', actions: alb.actions },
    [APIGW_VERSION]: { name: 'apigw', host: 'apigateway.cn-hangzhou.aliyuncs.com', actions: apigw.actions },
    [WAF_VERSION]: { name: 'waf', host: 'wafopenapi.cn-hangzhou.aliyuncs.com', actions: waf.actions },
    [GA_VERSION]: { name: 'ga', host: 'ga.cn-hangzhou.aliyuncs.com', actions: ga.actions },
    [STS_VERSION]: { name: 'sts', host: 'sts.aliyuncs.com', actions: sts.actions },
  };
  // ROA products add their versions as they register (emulator/roa.ts).
  const knownVersions = Object.keys(products);
  const gatewayOptions = {
    keys: [defaultKey, ...(options.accessKeys ?? [])],
    clock,
    knownVersions,
    ...(options.timestampWindowMs === undefined ? {} : { timestampWindowMs: options.timestampWindowMs }),
  };
  const gateway = new Gateway(gatewayOptions);
  const roa = new RoaRouter((version) => knownVersions.push(version));
  const fc = new FcService({ now: () => clock.now() });
  for (const domain of options.fcDomains ?? []) fc.addDomain(domain);
  roa.register(fc.product);
  served.register('fc', (domain) => fc.servedSet(domain));
  roa.register(apigw.roaProduct());
  const faults = new Faults();
  if (options.chaos) faults.chaos = { ...options.chaos };
  const calls: CallRecord[] = [];
  const chaosCalls: CallRecord[] = [];
  const chaos =
    options.chaosMode === false
      ? undefined
      : options.chaosMode
        ? new Chaos(options.chaosMode)
        : chaosFromEnvironment();
  const oss = new OssService({
    clock,
    lookUpKey: (id, token) => gateway.lookUpKey(id, token),
    lookUpCertificate: (certId) => (/^\d+$/.test(certId) ? cas.certificates.get(certId) : undefined),
    faults,
    chaos,
    record: (call) => {
      const record: CallRecord = { ...call, product: 'oss' };
      if (record.chaos && faultPhase(record.fault ?? 'throttle') === 'before') chaosCalls.push(record);
      else calls.push(record);
      options.onCall?.(record);
    },
    ...(options.timestampWindowMs === undefined ? {} : { timestampWindowMs: options.timestampWindowMs }),
  });
  for (const { bucket, region, domains = [] } of options.ossBuckets ?? []) {
    oss.addBucket(bucket, region);
    for (const domain of domains) oss.bindDomain(bucket, domain);
  }
  served.register('oss', (key) => oss.servedSet(key));
  if (chaos) {
    cas.knobs.listLagMs = chaos.listLagMs;
    if (cas.knobs.maxPageSize === undefined) cas.knobs.maxPageSize = chaos.pageSize;
    cas.transientUnknown = () => chaos.transientUnknown();
    cas.extraProcessMs = () => chaos.extraProcessMs();
  }

  function errorAnswer(error: ApiError, requestId: string, product?: Pick<Product, 'name' | 'host'>): Answer {
    const host = product?.host ?? 'cas.aliyuncs.com';
    const body = {
      RequestId: requestId,
      HostId: host,
      Code: error.code,
      Message: error.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product?.name ?? 'cas'}&requestId=${requestId}`,
    };
    return { status: error.status, text: toJsonText(body), headers: error.headers, code: error.code };
  }

  /** A ROA operation: an ACS3 signature, the product's own version, then its route with the JSON body. */
  async function processRoaCall(
    incoming: IncomingCall,
    parsed: ParsedCall,
    requestId: string,
    match: RoaMatch,
  ): Promise<Answer> {
    const product = { name: match.product.name as ProductName, host: match.product.host };
    try {
      if (parsed.style !== 'acs3') {
        throw new ApiError(400, 'IncompleteSignature', 'A ROA request must be signed with ACS3-HMAC-SHA256.');
      }
      const call = gateway.authenticate(incoming, parsed);
      if (call.version !== match.product.version) {
        throw new ApiError(
          400,
          'InvalidVersion',
          `Specified parameter Version "${call.version}" is not valid.`,
        );
      }
      const result = await match.route.handle({
        path: match.path,
        query: new Map(call.params),
        body: parseRoaBody(incoming.body),
      });
      return { status: 200, text: toJsonText(result as JsonValue), headers: {} };
    } catch (error) {
      if (error instanceof ApiError) return errorAnswer(error, requestId, product);
      console.error('[emulator] internal error:', error);
      return errorAnswer(new ApiError(500, 'InternalError', (error as Error).message), requestId, product);
    }
  }

  /** Authentication, dispatch and the operation itself; never throws. */
  async function processCall(incoming: IncomingCall, parsed: ParsedCall, requestId: string): Promise<Answer> {
    const product = parsed.version === undefined ? undefined : products[parsed.version];
    try {
      const anonymous = parsed.action !== undefined && StsService.anonymousActions.has(parsed.action);
      const call = anonymous
        ? { ...parsed, action: parsed.action ?? '' }
        : gateway.authenticate(incoming, parsed);
      const handler = product?.actions[call.action];
      if (!product || !handler) {
        throw new ApiError(
          404,
          'InvalidAction.NotFound',
          'Specified api is not found, please check your url and method.',
        );
      }
      const result = await handler(new RequestParams(call.params));
      return { status: 200, text: toJsonText({ RequestId: requestId, ...result }), headers: {} };
    } catch (error) {
      if (error instanceof ApiError) return errorAnswer(error, requestId, product);
      console.error('[emulator] internal error:', error);
      return errorAnswer(new ApiError(500, 'InternalError', (error as Error).message), requestId, product);
    }
  }

  function send(
    response: ServerResponse,
    answer: Answer,
    requestId: string,
    contentType = 'application/json;charset=utf-8',
  ) {
    response.writeHead(answer.status, {
      'content-type': contentType,
      'x-acs-request-id': requestId,
      ...answer.headers,
    });
    response.end(answer.text);
  }

  function drop(request: IncomingMessage, response: ServerResponse) {
    // No answer at all: the client sees a reset connection.
    request.socket.destroy();
    response.destroy();
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL, body: Buffer) {
    const requestId = randomUUID().toUpperCase();
    const record: CallRecord = { params: {}, status: 0, requestId, at: Date.now() };
    const finish = () => {
      // A call chaos refused before processing never reached the service: the tests' call counts leave it out.
      if (record.chaos && faultPhase(record.fault ?? 'throttle') === 'before') chaosCalls.push(record);
      else calls.push(record);
      options.onCall?.(record);
    };
    const incoming: IncomingCall = {
      method: request.method ?? 'GET',
      path: url.pathname,
      rawQuery: url.search.replace(/^\?/, ''),
      headers: headersOf(request),
      body,
    };
    let parsed: ParsedCall;
    // A path under a ROA product's prefix is that product's (emulator/roa.ts); every other API call posts to `/`.
    const roaProduct = roa.claims(url.pathname);
    let roaMatch: RoaMatch | undefined;
    try {
      if (roaProduct) {
        roaMatch = roa.match(roaProduct, incoming.method, url.pathname);
      } else if (url.pathname !== '/' || (incoming.method !== 'GET' && incoming.method !== 'POST')) {
        throw new ApiError(
          404,
          'InvalidAction.NotFound',
          'Specified api is not found, please check your url and method.',
        );
      }
      parsed = gateway.parse(incoming);
      if (roaMatch) {
        parsed.action = roaMatch.route.action;
        parsed.version = roaMatch.product.version;
      }
    } catch (error) {
      const answer = errorAnswer(
        error instanceof ApiError ? error : new ApiError(400, 'InvalidParameter', String(error)),
        requestId,
        roaProduct && { name: roaProduct.name as ProductName, host: roaProduct.host },
      );
      if (roaProduct) record.product = roaProduct.name as ProductName;
      Object.assign(record, { status: answer.status, code: answer.code });
      send(response, answer, requestId);
      finish();
      return;
    }
    const product = roaProduct
      ? { name: roaProduct.name as ProductName, host: roaProduct.host, actions: {} }
      : parsed.version === undefined
        ? undefined
        : products[parsed.version];
    record.signatureStyle = parsed.style;
    if (parsed.action !== undefined) record.action = parsed.action;
    if (parsed.version !== undefined) record.version = parsed.version;
    if (product) record.product = product.name;
    // A private key sent (classic API Gateway's CertificatePrivateKey) only as its length and hash, as ROA's.
    record.params = Object.fromEntries(
      [...parsed.params]
        .filter(([name]) => name !== 'Signature')
        .map(([name, value]) => [name, redactedKey(value)]),
    );
    if (roaMatch) {
      record.method = incoming.method;
      record.path = url.pathname;
      // The path's names and the JSON body's fields, flat; a private key only as its length and hash.
      let body: Record<string, unknown> = {};
      try {
        body = parseRoaBody(incoming.body);
      } catch {}
      Object.assign(record.params, roaMatch.path, recordedRoaParams(body));
    }

    const planned = faults.take(parsed.action) ?? faults.throttle(parsed.action);
    if (planned && chaos) chaos.notePlannedFault(parsed.action);
    const chaotic = planned ? undefined : chaos?.pick(parsed.action);
    const fault = planned ?? chaotic;
    const waitMs = faults.chaosDelayMs() + (fault && fault.kind !== 'delay' ? (fault.delayMs ?? 0) : 0);
    if (waitMs > 0) await sleep(waitMs);
    if (fault) record.fault = fault.kind;
    if (chaotic) record.chaos = true;

    if (fault && faultPhase(fault.kind) === 'before') {
      const error = faultError(fault, incoming.rawQuery);
      if (error) {
        const answer = errorAnswer(error, requestId, product);
        Object.assign(record, { status: answer.status, code: answer.code });
        send(response, answer, requestId);
      } else if (fault.kind === 'drop-before') {
        drop(request, response);
      } else {
        record.status = 200;
        send(response, malformedAnswer(), requestId, 'text/html');
      }
      finish();
      return;
    }

    const answer = roaMatch
      ? await processRoaCall(incoming, parsed, requestId, roaMatch)
      : await processCall(incoming, parsed, requestId);
    record.status = answer.status;
    if (answer.code !== undefined) record.code = answer.code;
    switch (fault?.kind) {
      case 'drop-after':
        // Chaos keeps the processed status, so that counts of calls that took effect stay true.
        if (!record.chaos) record.status = 0;
        drop(request, response);
        break;
      case 'malformed':
        record.status = 200;
        send(response, malformedAnswer(), requestId, 'text/html');
        break;
      case 'truncated':
        send(
          response,
          { ...answer, text: answer.text.slice(0, Math.max(1, Math.floor(answer.text.length / 2))) },
          requestId,
        );
        break;
      case 'delay':
        await sleep(fault.delayMs ?? 0);
        send(response, answer, requestId);
        break;
      default:
        send(response, answer, requestId);
    }
    finish();
  }

  let emulator: Emulator;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    readBody(request)
      .then((body) => {
        if (url.pathname.startsWith(ADMIN_PREFIX))
          return handleAdminRequest(emulator, request, url, body, response);
        if (url.pathname === ID_TOKEN_PATH)
          return github.handle(request.method ?? 'GET', url, request.headers.authorization, response);
        if (OssService.claims(request, url)) return oss.handle(request, response, url, body);
        return handleApi(request, response, url, body);
      })
      .catch((error: unknown) => {
        if (response.headersSent || response.destroyed) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(500, 'InternalError', String(error));
        const requestId = randomUUID().toUpperCase();
        send(response, errorAnswer(apiError, requestId), requestId);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const dnsServer = options.dnsServer
    ? await startDnsServer(dns, options.dnsServer === true ? {} : options.dnsServer)
    : undefined;

  emulator = {
    url: `http://127.0.0.1:${port}`,
    port,
    accessKeyId,
    accessKeySecret,
    adminToken: randomBytes(24).toString('hex'),
    calls,
    faults,
    chaos,
    chaosCalls,
    cas,
    instances,
    legacyDv,
    dns,
    dnsServer,
    cdn,
    dcdn,
    clb,
    esa,
    nlb,
    oss,
    alb,
    apigw,
    waf,
    ga,
    deploymentJobs,
    fc,
    sts,
    served,
    github,
    idTokenRequestUrl: `http://127.0.0.1:${port}${ID_TOKEN_PATH}?api-version=2.0`,
    ca,
    clock,
    gateway,
    roa,
    setClockOffset: (ms) => clock.setOffset(ms),
    setGatewayClockOffset: (ms) => clock.setGatewayOffset(ms),
    callsTo: (action) => calls.filter((call) => call.action === action),
    close: async () => {
      await served.closeAll();
      await dnsServer?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return emulator;
}

function malformedAnswer(): Answer {
  return {
    status: 200,
    text: '<html><head><title>502 Bad Gateway</title></head><body>upstream error</body></html>',
    headers: {},
  };
}

export type { FaultSpec };
