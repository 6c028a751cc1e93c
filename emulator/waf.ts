// WAF 3.0 (waf-openapi 2021-10-01): one WAF instance per region (`cn-hangzhou` for the Chinese mainland,
// `ap-southeast-1` outside it), its CNAME-access domains and its cloud-resource access ports, with the field names of
// the official Go SDK's models (github alibabacloud-go/waf-openapi-20211001, client/*_model.go). Certificates are
// named by the CAS identifier `<certId>-<certRegion>`; an instance takes those held on its own site.
//
// As the product behaves: `ModifyDomain` takes the whole `Listen` and `Redirect` (JSON); a field left out takes its
// default, not its old value, and `Redirect.Backends` is written as strings though `DescribeDomainDetail` reads it
// back as `{ Backend }` objects. `DescribeDomainDetail` of a domain that is not in the instance answers without a
// `Domain` (as the Alibaba Cloud Terraform provider reads it); an instance id that is not the region's is
// `Waf.Instance.ValidFaild`; a domain still being modified refuses a write with `Waf.Pullin.ResourceProcessing`;
// a Listen without ports is `Waf.Pullin.ProtocolNotSet`. A certificate the instance cannot use is refused with
// `Waf.Pullin.CertNotExist` and a cloud resource not connected with `Waf.Pullin.ResourceNotExist`: those two codes
// are the emulator's choice (not in the repository's references). A write is `Status 3` (modifying) for
// `settleDelayMs`, then `1`; clients get the settled certificates only (emulator/served.ts).
import { ApiError, invalidParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const WAF_VERSION = '2021-10-01';

type Json = Record<string, JsonValue>;

export interface WafDomainSeed {
  domain: string;
  /** The CAS id (`123`) of the certificate it serves from the start, held on the instance's site. */
  certId?: string;
  /** Default `[443]`; `[]` for a domain reached over HTTP only. */
  httpsPorts?: number[];
  /** More of `Listen`, as DescribeDomainDetail reads it (`Http2Enabled`, `TLSVersion`, …). */
  listen?: Json;
  /** Origin servers. Default `['1.1.1.1']`. */
  backends?: string[];
  /** More of `Redirect`, as DescribeDomainDetail reads it (`Loadbalance`, `ReadTimeout`, …). */
  redirect?: Json;
  settleDelayMs?: number;
}

export interface WafPortSeed {
  /** The cloud resource's instance id (`lb-…`, `nlb-…`, `i-…`). */
  resourceInstanceId: string;
  port: number;
  /** `clb7` by default (`clb4`, `ecs`, `nlb`). */
  product?: string;
  /** Default `https`. */
  protocol?: 'http' | 'https';
  /** CAS ids: the default certificate, and extension certificates. */
  defaultCertId?: string;
  extensionCertIds?: string[];
  settleDelayMs?: number;
}

export interface WafInstanceSeed {
  /** Default `cn-hangzhou`. */
  regionId?: string;
  instanceId?: string;
  domains?: WafDomainSeed[];
  ports?: WafPortSeed[];
}

export interface WafDomain {
  domain: string;
  listen: Json;
  /** As read back: `Backends` and `BackupBackends` are `{ Backend }` objects. */
  redirect: Json;
  /** The CAS identifier clients get until the write settles. */
  served?: string;
  settlesAt: number;
  settleDelayMs: number;
}

export interface WafCertificateRef {
  appliedType: 'default' | 'extension';
  /** The CAS identifier, `123-cn-hangzhou`. */
  certificateId: string;
}

export interface WafPort {
  cloudResourceId: string;
  resourceInstanceId: string;
  port: number;
  product: string;
  protocol: 'http' | 'https';
  certificates: WafCertificateRef[];
  served: WafCertificateRef[];
  settlesAt: number;
  settleDelayMs: number;
}

export interface WafInstance {
  instanceId: string;
  regionId: string;
  domains: Map<string, WafDomain>;
  ports: Map<string, WafPort>;
}

export interface WafServiceOptions {
  now: () => number;
  /** Whether Certificate Management Service holds this certificate (by CAS id). */
  holds: (certId: string) => boolean;
}

const siteOf = (region: string) => (region.startsWith('cn-') ? 'cn-hangzhou' : 'ap-southeast-1');
const casIdOf = (identifier: string | undefined) => identifier?.replace(/-.*$/, '');
const PAGE_MAX = 100;

/** Listen fields ModifyDomain resets when left out (a few of the product's defaults). */
const LISTEN_DEFAULTS: Json = {
  HttpPorts: [],
  HttpsPorts: [],
  Http2Enabled: false,
  TLSVersion: 'tlsv1',
  EnableTLSv3: false,
  CipherSuite: 1,
  FocusHttps: false,
  IPv6Enabled: false,
  XffHeaderMode: 0,
};
const REDIRECT_DEFAULTS: Json = {
  Loadbalance: 'iphash',
  ConnectTimeout: 5,
  ReadTimeout: 120,
  WriteTimeout: 120,
  Keepalive: true,
  Retry: true,
};

function processing(what: string): ApiError {
  return new ApiError(400, 'Waf.Pullin.ResourceProcessing', `The resource ${what} is being processed.`);
}

export class WafService {
  /** The region the account's CAS certificates live in: an identifier naming another is not found. */
  casRegion = 'cn-hangzhou';
  private readonly instanceMap = new Map<string, WafInstance>();
  readonly actions: Record<string, ActionHandler>;

  constructor(private readonly options: WafServiceOptions) {
    this.actions = {
      DescribeInstance: (params) => this.describeInstance(params),
      DescribeDomains: (params) => this.describeDomains(params),
      DescribeDomainDetail: (params) => this.describeDomainDetail(params),
      ModifyDomain: (params) => this.modifyDomain(params),
      DescribeCloudResourceAccessPortDetails: (params) => this.describePorts(params),
      ModifyCloudResourceCert: (params) => this.modifyCloudResourceCert(params),
    };
  }

  addInstance(seed: WafInstanceSeed = {}): WafInstance {
    const regionId = seed.regionId ?? 'cn-hangzhou';
    const instance = this.instanceMap.get(regionId) ?? {
      instanceId: seed.instanceId ?? `waf_v3prepaid_public_${regionId === 'cn-hangzhou' ? 'cn' : 'intl'}-emu`,
      regionId,
      domains: new Map(),
      ports: new Map(),
    };
    this.instanceMap.set(regionId, instance);
    for (const domain of seed.domains ?? []) this.addDomain(domain, regionId);
    for (const port of seed.ports ?? []) this.addPort(port, regionId);
    return instance;
  }

  addDomain(seed: WafDomainSeed, regionId = 'cn-hangzhou'): WafDomain {
    const instance = this.instanceMap.get(regionId) ?? this.addInstance({ regionId });
    const certificate = seed.certId ? `${seed.certId}-${siteOf(regionId)}` : undefined;
    const domain: WafDomain = {
      domain: seed.domain.toLowerCase(),
      listen: {
        ...LISTEN_DEFAULTS,
        HttpPorts: [80],
        HttpsPorts: seed.httpsPorts ?? [443],
        ...(certificate ? { CertId: certificate } : {}),
        ...seed.listen,
      },
      redirect: {
        ...REDIRECT_DEFAULTS,
        Backends: (seed.backends ?? ['1.1.1.1']).map((backend) => ({ Backend: backend })),
        ...seed.redirect,
      },
      ...(certificate ? { served: certificate } : {}),
      settlesAt: Number.NEGATIVE_INFINITY,
      settleDelayMs: seed.settleDelayMs ?? 0,
    };
    instance.domains.set(domain.domain, domain);
    return domain;
  }

  addPort(seed: WafPortSeed, regionId = 'cn-hangzhou'): WafPort {
    const instance = this.instanceMap.get(regionId) ?? this.addInstance({ regionId });
    const product = seed.product ?? 'clb7';
    const identifier = (id: string) => `${id}-${siteOf(regionId)}`;
    const certificates: WafCertificateRef[] = [
      ...(seed.defaultCertId
        ? [{ appliedType: 'default' as const, certificateId: identifier(seed.defaultCertId) }]
        : []),
      ...(seed.extensionCertIds ?? []).map((id) => ({
        appliedType: 'extension' as const,
        certificateId: identifier(id),
      })),
    ];
    const port: WafPort = {
      cloudResourceId: `${seed.resourceInstanceId}-${seed.port}-${product}`,
      resourceInstanceId: seed.resourceInstanceId,
      port: seed.port,
      product,
      protocol: seed.protocol ?? 'https',
      certificates,
      served: certificates,
      settlesAt: Number.NEGATIVE_INFINITY,
      settleDelayMs: seed.settleDelayMs ?? 0,
    };
    instance.ports.set(port.cloudResourceId, port);
    return port;
  }

  instance(regionId: string): WafInstance | undefined {
    return this.instanceMap.get(regionId);
  }

  domain(domain: string, regionId = 'cn-hangzhou'): WafDomain | undefined {
    const found = this.instanceMap.get(regionId)?.domains.get(domain.toLowerCase());
    if (found) this.settleDomain(found);
    return found;
  }

  port(resourceInstanceId: string, port: number, regionId = 'cn-hangzhou'): WafPort | undefined {
    const found = [...(this.instanceMap.get(regionId)?.ports.values() ?? [])].find(
      (p) => p.resourceInstanceId === resourceInstanceId && p.port === port,
    );
    if (found) this.settlePort(found);
    return found;
  }

  /** What clients get (emulator/served.ts): `www.example.com`, or a cloud resource's `lb-1:443`; any region. */
  servedSet(resource: string): { default?: string; extensions: string[] } | undefined {
    const portMatch = /^(.+):(\d+)$/.exec(resource);
    for (const regionId of this.instanceMap.keys()) {
      if (portMatch) {
        const found = this.port(portMatch[1] ?? '', Number(portMatch[2]), regionId);
        if (found?.protocol !== 'https') continue;
        const served = found.served.find((c) => c.appliedType === 'default')?.certificateId;
        return {
          ...(served ? { default: casIdOf(served) } : {}),
          extensions: found.served
            .filter((c) => c.appliedType === 'extension')
            .map((c) => casIdOf(c.certificateId) ?? ''),
        };
      }
      const found = this.domain(resource, regionId);
      if (!found) continue;
      const served = casIdOf(found.served);
      return { ...(served ? { default: served } : {}), extensions: [] };
    }
    return undefined;
  }

  private settleDomain(domain: WafDomain): void {
    if (this.options.now() >= domain.settlesAt && typeof domain.listen.CertId === 'string')
      domain.served = domain.listen.CertId;
  }

  private settlePort(port: WafPort): void {
    if (this.options.now() >= port.settlesAt) port.served = port.certificates;
  }

  private statusOf(settlesAt: number): number {
    return this.options.now() < settlesAt ? 3 : 1;
  }

  /** The region's instance, named by InstanceId. */
  private find(params: RequestParams): WafInstance {
    const regionId = params.optional('RegionId') ?? 'cn-hangzhou';
    const instanceId = params.required('InstanceId');
    const instance = this.instanceMap.get(regionId);
    if (!instance || instance.instanceId !== instanceId) {
      throw new ApiError(400, 'Waf.Instance.ValidFaild', `The instance ${instanceId} is not valid.`);
    }
    return instance;
  }

  /** A CAS identifier the instance may use: held, in the account's CAS region, on the instance's site. */
  private usable(identifier: string, instance: WafInstance): void {
    const match = /^(\d+)-([a-z]+(?:-[a-z0-9]+)+)$/.exec(identifier);
    const ok =
      match?.[1] !== undefined &&
      match[2] === this.casRegion &&
      match[2] === siteOf(instance.regionId) &&
      this.options.holds(match[1]);
    if (!ok) {
      throw new ApiError(
        400,
        'Waf.Pullin.CertNotExist',
        `The certificate ${identifier} does not exist in ${instance.regionId}.`,
      );
    }
  }

  private describeInstance(params: RequestParams): Json {
    const instance = this.instanceMap.get(params.optional('RegionId') ?? 'cn-hangzhou');
    // No instance in the region: an answer without one.
    if (!instance) return {};
    return {
      InstanceId: instance.instanceId,
      RegionId: instance.regionId,
      Edition: 'ultimate',
      PayType: 'PREPAY',
      Status: 1,
      InDebt: '0',
      StartTime: 1_700_000_000_000,
      EndTime: 1_900_000_000_000,
    };
  }

  private describeDomains(params: RequestParams): Json {
    const instance = this.find(params);
    const size = params.positiveInteger('PageSize', 10, PAGE_MAX);
    const page = params.positiveInteger('PageNumber', 1);
    const wanted = params.optional('Domain')?.toLowerCase();
    const all = [...instance.domains.values()].filter((d) => !wanted || d.domain.includes(wanted));
    return {
      TotalCount: all.length,
      Domains: all.slice((page - 1) * size, page * size).map((d) => {
        this.settleDomain(d);
        return {
          Domain: d.domain,
          DomainId: `${d.domain}-waf`,
          Cname: `${d.domain.replace(/\W/g, '')}.emulator-waf.example`,
          Status: this.statusOf(d.settlesAt),
          ListenPorts: { Http: d.listen.HttpPorts ?? [], Https: d.listen.HttpsPorts ?? [] },
          Backeds: { Http: (d.redirect.Backends ?? []) as JsonValue, Https: [] },
        };
      }),
    };
  }

  private describeDomainDetail(params: RequestParams): Json {
    const instance = this.find(params);
    const name = params.optional('Domain') ?? params.optional('DomainId')?.replace(/-waf$/, '') ?? '';
    const domain = instance.domains.get(name.toLowerCase());
    if (!domain) return {};
    this.settleDomain(domain);
    const certId = casIdOf(typeof domain.listen.CertId === 'string' ? domain.listen.CertId : undefined);
    return {
      Domain: domain.domain,
      DomainId: `${domain.domain}-waf`,
      Cname: `${domain.domain.replace(/\W/g, '')}.emulator-waf.example`,
      Status: this.statusOf(domain.settlesAt),
      Listen: domain.listen,
      Redirect: domain.redirect,
      ...(certId ? { CertDetail: { Id: certId, Name: `cert-${certId}` } } : {}),
    };
  }

  private jsonParam(params: RequestParams, name: string): Json {
    const text = params.required(name);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw invalidParameter(name, 'is not JSON', 'InvalidParameter');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw invalidParameter(name, 'is not a JSON object', 'InvalidParameter');
    return value as Json;
  }

  private modifyDomain(params: RequestParams): Json {
    const instance = this.find(params);
    const name = params.required('Domain').toLowerCase();
    const domain = instance.domains.get(name);
    if (!domain) {
      throw new ApiError(400, 'Waf.Pullin.ResourceNotExist', `The domain ${name} does not exist.`);
    }
    this.settleDomain(domain);
    if (this.statusOf(domain.settlesAt) === 3) throw processing(name);
    const listen = this.jsonParam(params, 'Listen');
    const redirect = this.jsonParam(params, 'Redirect');
    const ports = (value: JsonValue | undefined) => (Array.isArray(value) ? value : []);
    if (ports(listen.HttpPorts).length === 0 && ports(listen.HttpsPorts).length === 0)
      throw new ApiError(400, 'Waf.Pullin.ProtocolNotSet', 'code: 400, Protocol not entered.');
    const https = ports(listen.HttpsPorts).length > 0;
    if (https && typeof listen.CertId !== 'string')
      throw new ApiError(400, 'Waf.Pullin.CertIdNotSet', 'An HTTPS port needs a certificate.');
    if (typeof listen.CertId === 'string') this.usable(listen.CertId, instance);
    const backends = redirect.Backends;
    if (!Array.isArray(backends) || backends.length === 0 || backends.some((b) => typeof b !== 'string'))
      throw invalidParameter(
        'Redirect.Backends',
        'must list the origin servers as strings',
        'InvalidParameter',
      );
    const asObjects = (list: JsonValue | undefined) =>
      Array.isArray(list) ? list.map((backend) => ({ Backend: backend })) : undefined;
    const backups = asObjects(redirect.BackupBackends);
    domain.served =
      domain.served ?? (typeof domain.listen.CertId === 'string' ? domain.listen.CertId : undefined);
    // What is left out takes its default: the whole configuration is what this write sent.
    domain.listen = { ...LISTEN_DEFAULTS, ...listen };
    domain.redirect = {
      ...REDIRECT_DEFAULTS,
      ...redirect,
      Backends: asObjects(backends) ?? [],
      ...(backups ? { BackupBackends: backups } : {}),
    };
    domain.settlesAt = this.options.now() + domain.settleDelayMs;
    this.settleDomain(domain);
    return { DomainInfo: { Domain: domain.domain, DomainId: `${domain.domain}-waf` } };
  }

  private portDetail(port: WafPort): Json {
    this.settlePort(port);
    return {
      CloudResourceId: port.cloudResourceId,
      Port: port.port,
      Protocol: port.protocol,
      Status: this.statusOf(port.settlesAt),
      Certificates: port.certificates.map((c) => ({
        AppliedType: c.appliedType,
        CertificateId: c.certificateId,
        CertificateName: `cert-${casIdOf(c.certificateId)}`,
      })),
      Http2Enabled: true,
      TLSVersion: 'tlsv1.2',
      EnableTLSv3: true,
      CipherSuite: 1,
      XffHeaderMode: 0,
      OwnerUserId: '1234567890',
    };
  }

  private describePorts(params: RequestParams): Json {
    const instance = this.find(params);
    const resourceInstanceId = params.required('ResourceInstanceId');
    const port = params.optional('Port');
    const product = params.optional('ResourceProduct');
    const protocol = params.optional('Protocol');
    const size = params.positiveInteger('PageSize', 10, PAGE_MAX);
    const page = params.positiveInteger('PageNumber', 1);
    const all = [...instance.ports.values()].filter(
      (p) =>
        p.resourceInstanceId === resourceInstanceId &&
        (port === undefined || String(p.port) === port) &&
        (product === undefined || p.product === product) &&
        (protocol === undefined || p.protocol === protocol),
    );
    return {
      TotalCount: all.length,
      AccessPortDetails: all.slice((page - 1) * size, page * size).map((p) => this.portDetail(p)),
    };
  }

  private modifyCloudResourceCert(params: RequestParams): Json {
    const instance = this.find(params);
    const cloudResourceId = params.required('CloudResourceId');
    const port = instance.ports.get(cloudResourceId);
    if (!port) {
      throw new ApiError(
        400,
        'Waf.Pullin.ResourceNotExist',
        `The cloud resource ${cloudResourceId} is not connected.`,
      );
    }
    this.settlePort(port);
    if (this.statusOf(port.settlesAt) === 3) throw processing(cloudResourceId);
    if (port.protocol !== 'https')
      throw invalidParameter('CloudResourceId', 'is not an HTTPS port', 'InvalidParameter');
    const certificates: WafCertificateRef[] = [];
    for (let n = 1; params.optional(`Certificates.${n}.CertificateId`) !== undefined; n++) {
      const certificateId = params.required(`Certificates.${n}.CertificateId`);
      const appliedType = params.oneOf(
        `Certificates.${n}.AppliedType`,
        ['default', 'extension'] as const,
        'default',
      );
      this.usable(certificateId, instance);
      certificates.push({ appliedType, certificateId });
    }
    if (certificates.filter((c) => c.appliedType === 'default').length !== 1) {
      throw invalidParameter('Certificates', 'must name exactly one default certificate', 'InvalidParameter');
    }
    port.served = port.certificates;
    port.certificates = certificates;
    port.settlesAt = this.options.now() + port.settleDelayMs;
    this.settlePort(port);
    return {};
  }
}
