// Classic Load Balancer (product SLB, API 2014-05-15): load balancers with listeners, SLB's own server
// certificates, and an HTTPS listener's domain extensions (docs/deploy.md). The field names are the official Go SDK's
// models (alibabacloud-go/slb-20140515; the npm registry has no SLB SDK); the operations are the ones certimate's
// and certd's CLB deployers call. A server certificate made from a CAS certificate (`AliCloudCertificateId`) carries
// no key out of CAS. A set is answered at once, but the listener is `configuring` for its load balancer's
// `deployDelayMs`, and clients get the old certificate until then (emulator/served.ts).
import { X509Certificate } from 'node:crypto';
import { ApiError, invalidParameter, missingParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const SLB_VERSION = '2014-05-15';

export type ClbProtocol = 'http' | 'https' | 'tcp' | 'udp';

export interface ClbListenerSeed {
  port: number;
  protocol: ClbProtocol;
  status?: 'running' | 'stopped';
  /** A CAS certificate id the HTTPS listener serves from the start (an SLB copy of it is made). */
  casCertId?: string;
  /** SNI domain extensions: a domain and the CAS certificate it serves. */
  domainExtensions?: Array<{ domain: string; casCertId: string }>;
}

export interface ClbLoadBalancerSeed {
  loadBalancerId: string;
  regionId?: string;
  listeners?: ClbListenerSeed[];
  /** How long a set keeps the listener `configuring` before clients get the new certificate. */
  deployDelayMs?: number;
}

export interface ServerCertificate {
  serverCertificateId: string;
  serverCertificateName: string;
  regionId: string;
  /** The CAS certificate it was made from (IsAliCloudCertificate 1), or none: uploaded with its key. */
  aliCloudCertificateId?: string;
  aliCloudCertificateName?: string;
  certificatePem: string;
  createdAt: number;
}

interface DomainExtension {
  domainExtensionId: string;
  domain: string;
  serverCertificateId: string;
}

/** What an HTTPS listener serves: its server certificate and its extensions'. */
interface ListenerCertificates {
  serverCertificateId?: string;
  extensions: DomainExtension[];
}

export interface ClbListener {
  port: number;
  protocol: ClbProtocol;
  status: 'running' | 'stopped';
  certificates: ListenerCertificates;
  /** What clients got before the last set, until `configuringUntil`. */
  previous?: ListenerCertificates;
  configuringUntil: number;
}

export interface ClbLoadBalancer {
  loadBalancerId: string;
  regionId: string;
  listeners: ClbListener[];
  deployDelayMs: number;
}

/** A CAS certificate by id, in the region CAS holds it. */
export type ClbCertificateLookup = (
  certId: string,
) => { certificatePem: string; chainPem: string; name: string } | undefined;

const NAME_SHAPE = /^[A-Za-z][A-Za-z0-9._-]{0,79}$/;
const PROTOCOLS: readonly ClbProtocol[] = ['tcp', 'udp', 'http', 'https'];

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function namesOf(pem: string): { commonName: string; sans: string[] } {
  const leaf = new X509Certificate(pem);
  const sans = [...(leaf.subjectAltName ?? '').matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1] ?? '');
  const commonName = /CN=([^\n,]+)/.exec(leaf.subject)?.[1] ?? sans[0] ?? '';
  return { commonName, sans };
}

const cloneCertificates = (set: ListenerCertificates): ListenerCertificates => ({
  ...set,
  extensions: set.extensions.map((extension) => ({ ...extension })),
});

export class ClbService {
  private readonly loadBalancerMap = new Map<string, ClbLoadBalancer>();
  private readonly certificateMap = new Map<string, ServerCertificate>();
  private sequence = 0;
  /** The region this account's CAS certificates live in; `AliCloudCertificateRegionId` naming another finds none. */
  casRegion = 'cn-hangzhou';
  readonly actions: Record<string, ActionHandler>;

  constructor(
    private readonly now: () => number,
    private readonly lookUpCertificate: ClbCertificateLookup,
  ) {
    this.actions = {
      DescribeLoadBalancerAttribute: (p) => this.describeLoadBalancerAttribute(p),
      DescribeLoadBalancerListeners: (p) => this.describeLoadBalancerListeners(p),
      DescribeLoadBalancerHTTPSListenerAttribute: (p) => this.describeHttpsListener(p),
      SetLoadBalancerHTTPSListenerAttribute: (p) => this.setHttpsListener(p),
      DescribeDomainExtensions: (p) => this.describeDomainExtensions(p),
      SetDomainExtensionAttribute: (p) => this.setDomainExtension(p),
      DescribeServerCertificates: (p) => this.describeServerCertificates(p),
      UploadServerCertificate: (p) => this.uploadServerCertificate(p),
      DeleteServerCertificate: (p) => this.deleteServerCertificate(p),
    };
  }

  /** Adds a load balancer with its listeners; a listener's CAS certificates get SLB copies. */
  addLoadBalancer(seed: ClbLoadBalancerSeed): ClbLoadBalancer {
    const regionId = seed.regionId ?? 'cn-hangzhou';
    const loadBalancer: ClbLoadBalancer = {
      loadBalancerId: seed.loadBalancerId,
      regionId,
      listeners: [],
      deployDelayMs: seed.deployDelayMs ?? 0,
    };
    this.loadBalancerMap.set(seed.loadBalancerId, loadBalancer);
    for (const listener of seed.listeners ?? []) {
      const copy = (casCertId: string) => this.copyOf(regionId, casCertId).serverCertificateId;
      loadBalancer.listeners.push({
        port: listener.port,
        protocol: listener.protocol,
        status: listener.status ?? 'running',
        configuringUntil: 0,
        certificates: {
          ...(listener.casCertId ? { serverCertificateId: copy(listener.casCertId) } : {}),
          extensions: (listener.domainExtensions ?? []).map((extension) => ({
            domainExtensionId: this.nextId('de-'),
            domain: extension.domain,
            serverCertificateId: copy(extension.casCertId),
          })),
        },
      });
    }
    return loadBalancer;
  }

  loadBalancer(loadBalancerId: string): ClbLoadBalancer | undefined {
    return this.loadBalancerMap.get(loadBalancerId);
  }

  listener(loadBalancerId: string, port: number): ClbListener | undefined {
    return this.loadBalancerMap.get(loadBalancerId)?.listeners.find((l) => l.port === port);
  }

  serverCertificates(): ServerCertificate[] {
    return [...this.certificateMap.values()];
  }

  serverCertificate(serverCertificateId: string | undefined): ServerCertificate | undefined {
    return serverCertificateId === undefined ? undefined : this.certificateMap.get(serverCertificateId);
  }

  /** The CAS id a server certificate was made from, if any. */
  casIdOf(serverCertificateId: string | undefined): string | undefined {
    return this.serverCertificate(serverCertificateId)?.aliCloudCertificateId;
  }

  /** Test helper: makes a listener serve a CAS certificate at once (its SLB copy reused or made). */
  serveCasCertificate(loadBalancerId: string, port: number, casCertId: string): void {
    const loadBalancer = this.loadBalancerMap.get(loadBalancerId);
    const listener = this.listener(loadBalancerId, port);
    if (!loadBalancer || !listener) throw new Error(`No listener ${loadBalancerId}:${port}`);
    listener.certificates.serverCertificateId = this.copyOf(
      loadBalancer.regionId,
      casCertId,
    ).serverCertificateId;
    delete listener.previous;
  }

  /** What `lb-1:443` serves to clients now, as CAS ids (emulator/served.ts). */
  servedSet(resource: string): { default?: string; extensions?: string[] } | undefined {
    const [id = '', port = ''] = resource.split(':');
    const listener = this.listener(id, Number(port));
    if (listener?.protocol !== 'https' || listener.status !== 'running') return undefined;
    const shown =
      listener.previous && this.now() < listener.configuringUntil ? listener.previous : listener.certificates;
    const cas = (slbId: string | undefined) => this.casIdOf(slbId);
    const extensions = shown.extensions.map((e) => cas(e.serverCertificateId)).filter((c) => c !== undefined);
    const fallback = cas(shown.serverCertificateId);
    return { ...(fallback ? { default: fallback } : {}), extensions };
  }

  private copyOf(regionId: string, casCertId: string): ServerCertificate {
    const existing = [...this.certificateMap.values()].find(
      (c) => c.regionId === regionId && c.aliCloudCertificateId === casCertId,
    );
    if (existing) return existing;
    const held = this.lookUpCertificate(casCertId);
    if (!held) throw new Error(`No CAS certificate ${casCertId}`);
    return this.addServerCertificate({
      regionId,
      aliCloudCertificateId: casCertId,
      aliCloudCertificateName: held.name,
      serverCertificateName: held.name,
      certificatePem: held.certificatePem,
    });
  }

  private addServerCertificate(input: Omit<ServerCertificate, 'serverCertificateId' | 'createdAt'>) {
    // As SLB writes its ids: `<account>_<hex time>_<number>_<number>`.
    const at = this.now();
    const certificate: ServerCertificate = {
      ...input,
      serverCertificateId: `1231579085529123_${at.toString(16)}_${1_714_763_408 + ++this.sequence}_${709_981_430 + this.sequence}`,
      createdAt: at,
    };
    this.certificateMap.set(certificate.serverCertificateId, certificate);
    return certificate;
  }

  private nextId(prefix: string): string {
    return `${prefix}${(++this.sequence).toString(36).padStart(4, '0')}${'x'.repeat(8)}`;
  }

  private findLoadBalancer(params: RequestParams): ClbLoadBalancer {
    const regionId = params.required('RegionId');
    const id = params.required('LoadBalancerId');
    const loadBalancer = this.loadBalancerMap.get(id);
    // A load balancer of another region is not found there.
    if (!loadBalancer || loadBalancer.regionId !== regionId) {
      throw new ApiError(
        404,
        'InvalidLoadBalancerId.NotFound',
        'The specified LoadBalancerId does not exist.',
      );
    }
    return loadBalancer;
  }

  /** The HTTPS listener on `ListenerPort`; a port with none, or a listener of another protocol, is not found. */
  private findHttpsListener(params: RequestParams): { loadBalancer: ClbLoadBalancer; listener: ClbListener } {
    const loadBalancer = this.findLoadBalancer(params);
    const port = Number(params.required('ListenerPort'));
    const listener = loadBalancer.listeners.find((l) => l.port === port);
    if (listener?.protocol !== 'https') {
      throw new ApiError(400, 'InvalidParameter', 'The specified resource does not exist.');
    }
    return { loadBalancer, listener };
  }

  private findServerCertificate(regionId: string, id: string): ServerCertificate {
    const certificate = this.certificateMap.get(id);
    if (!certificate || certificate.regionId !== regionId) {
      throw new ApiError(
        400,
        'ServerCertificateId.NotFound',
        `The specified ServerCertificateId ${id} does not exist in ${regionId}.`,
      );
    }
    return certificate;
  }

  /** A set is seen at once through the API, by clients after the load balancer's delay. */
  private change(loadBalancer: ClbLoadBalancer, listener: ClbListener, apply: () => void): void {
    if (!(listener.previous && this.now() < listener.configuringUntil)) {
      listener.previous = cloneCertificates(listener.certificates);
    }
    apply();
    listener.configuringUntil = this.now() + loadBalancer.deployDelayMs;
  }

  private statusOf(listener: ClbListener): string {
    if (listener.status === 'stopped') return 'stopped';
    return this.now() < listener.configuringUntil ? 'configuring' : 'running';
  }

  private describeLoadBalancerAttribute(params: RequestParams): Record<string, JsonValue> {
    const loadBalancer = this.findLoadBalancer(params);
    return {
      LoadBalancerId: loadBalancer.loadBalancerId,
      RegionId: loadBalancer.regionId,
      LoadBalancerStatus: 'active',
      ListenerPorts: { ListenerPort: loadBalancer.listeners.map((l) => l.port) },
      ListenerPortsAndProtocol: {
        ListenerPortAndProtocol: loadBalancer.listeners.map((l) => ({
          ListenerPort: l.port,
          ListenerProtocol: l.protocol,
        })),
      },
    };
  }

  private describeLoadBalancerListeners(params: RequestParams): Record<string, JsonValue> {
    const regionId = params.required('RegionId');
    const protocol = params.optional('ListenerProtocol')?.toLowerCase();
    if (protocol !== undefined && !PROTOCOLS.includes(protocol as ClbProtocol)) {
      throw invalidParameter('ListenerProtocol', `"${protocol}" is not one of ${PROTOCOLS.join(', ')}`);
    }
    const ids = new Set<string>();
    for (let n = 1; n <= 10; n++) {
      const id = params.optional(`LoadBalancerId.${n}`);
      if (id) ids.add(id);
    }
    const maxResults = params.positiveInteger('MaxResults', 20, 100);
    const start = Number(params.optional('NextToken') ?? '0');
    const all = [...this.loadBalancerMap.values()]
      .filter((lb) => lb.regionId === regionId && (ids.size === 0 || ids.has(lb.loadBalancerId)))
      .flatMap((lb) => lb.listeners.map((listener) => ({ lb, listener })))
      .filter(({ listener }) => protocol === undefined || listener.protocol === protocol);
    const page = all.slice(start, start + maxResults);
    const next = start + maxResults < all.length ? String(start + maxResults) : undefined;
    return {
      Listeners: page.map(({ lb, listener }) => ({
        LoadBalancerId: lb.loadBalancerId,
        ListenerPort: listener.port,
        ListenerProtocol: listener.protocol,
        Status: this.statusOf(listener),
        ...(listener.protocol === 'https'
          ? { HTTPSListenerConfig: { ServerCertificateId: listener.certificates.serverCertificateId ?? '' } }
          : {}),
      })),
      MaxResults: maxResults,
      TotalCount: all.length,
      ...(next ? { NextToken: next } : {}),
    };
  }

  private extensionFields(extension: DomainExtension): Record<string, JsonValue> {
    return {
      DomainExtensionId: extension.domainExtensionId,
      Domain: extension.domain,
      ServerCertificateId: extension.serverCertificateId,
    };
  }

  private describeHttpsListener(params: RequestParams): Record<string, JsonValue> {
    const { listener } = this.findHttpsListener(params);
    return {
      ListenerPort: listener.port,
      BackendServerPort: 80,
      Bandwidth: -1,
      Status: this.statusOf(listener),
      ServerCertificateId: listener.certificates.serverCertificateId ?? '',
      DomainExtensions: {
        DomainExtension: listener.certificates.extensions.map((e) => this.extensionFields(e)),
      },
    };
  }

  private setHttpsListener(params: RequestParams): Record<string, JsonValue> {
    const { loadBalancer, listener } = this.findHttpsListener(params);
    const id = params.optional('ServerCertificateId');
    if (id !== undefined) {
      this.findServerCertificate(loadBalancer.regionId, id);
      this.change(loadBalancer, listener, () => {
        listener.certificates.serverCertificateId = id;
      });
    }
    return {};
  }

  private describeDomainExtensions(params: RequestParams): Record<string, JsonValue> {
    const { listener } = this.findHttpsListener(params);
    const only = params.optional('DomainExtensionId');
    const extensions = listener.certificates.extensions.filter(
      (e) => only === undefined || e.domainExtensionId === only,
    );
    return { DomainExtensions: { DomainExtension: extensions.map((e) => this.extensionFields(e)) } };
  }

  private setDomainExtension(params: RequestParams): Record<string, JsonValue> {
    const regionId = params.required('RegionId');
    const extensionId = params.required('DomainExtensionId');
    const serverCertificateId = params.required('ServerCertificateId');
    for (const loadBalancer of this.loadBalancerMap.values()) {
      if (loadBalancer.regionId !== regionId) continue;
      for (const listener of loadBalancer.listeners) {
        const extension = listener.certificates.extensions.find((e) => e.domainExtensionId === extensionId);
        if (!extension) continue;
        this.findServerCertificate(regionId, serverCertificateId);
        this.change(loadBalancer, listener, () => {
          const current = listener.certificates.extensions.find((e) => e.domainExtensionId === extensionId);
          if (current) current.serverCertificateId = serverCertificateId;
        });
        return {};
      }
    }
    throw new ApiError(
      400,
      'DomainExtensionId.NotFound',
      `The specified DomainExtensionId ${extensionId} does not exist.`,
    );
  }

  private certificateFields(certificate: ServerCertificate): Record<string, JsonValue> {
    const leaf = new X509Certificate(certificate.certificatePem);
    const { commonName, sans } = namesOf(certificate.certificatePem);
    const expires = Date.parse(leaf.validTo);
    return {
      ServerCertificateId: certificate.serverCertificateId,
      ServerCertificateName: certificate.serverCertificateName,
      RegionId: certificate.regionId,
      Fingerprint: (leaf.fingerprint ?? '').toLowerCase(),
      CommonName: commonName,
      SubjectAlternativeNames: { SubjectAlternativeName: sans },
      ExpireTime: isoSeconds(expires),
      ExpireTimeStamp: expires,
      CreateTime: isoSeconds(certificate.createdAt),
      CreateTimeStamp: certificate.createdAt,
      IsAliCloudCertificate: certificate.aliCloudCertificateId === undefined ? 0 : 1,
      AliCloudCertificateId: certificate.aliCloudCertificateId ?? '',
      AliCloudCertificateName: certificate.aliCloudCertificateName ?? '',
    };
  }

  private describeServerCertificates(params: RequestParams): Record<string, JsonValue> {
    const regionId = params.required('RegionId');
    const only = params.optional('ServerCertificateId');
    const certificates = [...this.certificateMap.values()].filter(
      (c) => c.regionId === regionId && (only === undefined || c.serverCertificateId === only),
    );
    return {
      ServerCertificates: { ServerCertificate: certificates.map((c) => this.certificateFields(c)) },
    };
  }

  private uploadServerCertificate(params: RequestParams): Record<string, JsonValue> {
    const regionId = params.required('RegionId');
    const casId = params.optional('AliCloudCertificateId');
    let certificate: ServerCertificate;
    if (casId !== undefined) {
      const name = params.required('AliCloudCertificateName');
      if (!NAME_SHAPE.test(name)) {
        throw invalidParameter(
          'AliCloudCertificateName',
          'it must start with a letter, at most 80 characters',
        );
      }
      const casRegion = params.required('AliCloudCertificateRegionId');
      const held = casRegion === this.casRegion ? this.lookUpCertificate(casId) : undefined;
      if (!held) {
        throw new ApiError(
          400,
          'AliCloudCertificate.NotFound',
          `The certificate ${casId} does not exist in Certificate Management Service in ${casRegion}.`,
        );
      }
      certificate = this.addServerCertificate({
        regionId,
        aliCloudCertificateId: casId,
        aliCloudCertificateName: name,
        serverCertificateName: params.optional('ServerCertificateName') ?? name,
        certificatePem: held.certificatePem,
      });
    } else {
      const pem = params.optional('ServerCertificate');
      if (pem === undefined) throw missingParameter('ServerCertificate');
      if (params.optional('PrivateKey') === undefined) throw missingParameter('PrivateKey');
      try {
        new X509Certificate(pem);
      } catch {
        throw invalidParameter('ServerCertificate', 'the certificate cannot be parsed');
      }
      certificate = this.addServerCertificate({
        regionId,
        serverCertificateName: params.optional('ServerCertificateName') ?? `cert-${this.sequence + 1}`,
        certificatePem: pem,
      });
    }
    return this.certificateFields(certificate);
  }

  private deleteServerCertificate(params: RequestParams): Record<string, JsonValue> {
    const regionId = params.required('RegionId');
    const id = params.required('ServerCertificateId');
    this.findServerCertificate(regionId, id);
    const used = [...this.loadBalancerMap.values()].some((lb) =>
      lb.listeners.some(
        (l) =>
          l.certificates.serverCertificateId === id ||
          l.certificates.extensions.some((e) => e.serverCertificateId === id),
      ),
    );
    if (used) {
      throw new ApiError(
        400,
        'ResourceInUse.ServerCertificate',
        `The server certificate ${id} is used by a listener.`,
      );
    }
    this.certificateMap.delete(id);
    return {};
  }
}
