// Global Accelerator (API 2019-11-20): an HTTPS listener's default certificate and its additional certificates, one
// per domain, by the CAS identifier `<certId>-<certRegion>` (`123-cn-hangzhou`), with the field names of the
// official SDK's models (github alibabacloud-go/ga-20191120). GA is global: every call names RegionId cn-hangzhou.
// Every write is asynchronous, as the product documents: the listener is `updating` for `settleDelayMs` (it already
// lists the new certificate; a replaced or dissociated additional certificate is `updating` too), then `active`;
// while any listener of an accelerator is updating, another write to that accelerator is refused
// (`StateError.Accelerator`). Clients get the settled state only (emulator/served.ts). Writes honour `ClientToken`:
// the same token with the same parameters answers as the first time and changes nothing.
import { ApiError } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const GA_VERSION = '2019-11-20';

export type GaProtocol = 'TCP' | 'UDP' | 'HTTP' | 'HTTPS';

/** A listener that exists from the start (the `gaListeners` option). */
export interface GaListenerSeed {
  listenerId: string;
  /** Default `ga-<the listener id without lsr->`. */
  acceleratorId?: string;
  /** Default `HTTPS`. */
  protocol?: GaProtocol;
  port?: number;
  /** The default certificate's CAS id (`123`), in the account's CAS region. */
  defaultCertificate?: string;
  /** Additional certificates from the start: a domain each, with its CAS id. */
  additional?: Array<{ domain: string; certId: string }>;
  /** How long a write keeps the listener `updating`. Default 0. */
  settleDelayMs?: number;
}

interface AdditionalCertificate {
  domain: string;
  /** The CAS identifier the listener lists for the domain. */
  certificateId: string;
  /** What clients get for it until the listener settles (none for a new association). */
  served?: string;
  /** Dissociated: listed (and served) until the listener settles, then gone. */
  leaving: boolean;
  /** Changed by the write still in progress. */
  pending: boolean;
}

export interface GaListener {
  listenerId: string;
  acceleratorId: string;
  protocol: GaProtocol;
  port: number;
  name: string;
  description: string;
  clientAffinity: string;
  idleTimeout: number;
  requestTimeout: number;
  httpVersion: string;
  securityPolicyId: string;
  defaultCertificate?: string;
  servedDefault?: string;
  additional: AdditionalCertificate[];
  /** The listener is `updating` until then. */
  updatingUntil: number;
  settleDelayMs: number;
}

export interface GaServiceOptions {
  now: () => number;
  /** Whether Certificate Management Service holds this certificate (by CAS id). */
  holds: (certId: string) => boolean;
}

const REGION = 'cn-hangzhou';
const PAGE_DEFAULT = 20;
const PAGE_MAX = 50;
/** Parameters every call carries, not the operation's own: an idempotence check ignores them. */
const COMMON = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
  'SecurityToken',
  'ClientToken',
]);

// The product's documented code for a missing listener; the other refusals' codes are not in the repository's
// references: the emulator's choice (named so in emulator/ga.test.ts).
const listenerNotFound = (id: string) =>
  new ApiError(400, 'NotExist.Listener', `The listener ${id} does not exist.`);

export class GaService {
  /** The region the account's CAS certificates live in: an identifier naming another is not found. */
  casRegion = 'cn-hangzhou';
  /** Writes that changed a listener (one answered again for its ClientToken is not counted). */
  changes = 0;
  private readonly listenerMap = new Map<string, GaListener>();
  /** `<action>\n<ClientToken>` → the parameters it came with and its answer. */
  private readonly tokens = new Map<string, { params: string; answer: Record<string, JsonValue> }>();
  readonly actions: Record<string, ActionHandler>;

  constructor(private readonly options: GaServiceOptions) {
    this.actions = {
      DescribeListener: (params) => this.describeListener(params),
      ListListeners: (params) => this.listListeners(params),
      ListListenerCertificates: (params) => this.listListenerCertificates(params),
      UpdateListener: this.idempotent('UpdateListener', (params) => this.updateListener(params)),
      AssociateAdditionalCertificatesWithListener: this.idempotent(
        'AssociateAdditionalCertificatesWithListener',
        (params) => this.associate(params),
      ),
      UpdateAdditionalCertificateWithListener: this.idempotent(
        'UpdateAdditionalCertificateWithListener',
        (params) => this.replace(params),
      ),
      DissociateAdditionalCertificatesFromListener: this.idempotent(
        'DissociateAdditionalCertificatesFromListener',
        (params) => this.dissociate(params),
      ),
    };
  }

  addListener(seed: GaListenerSeed): GaListener {
    const identifier = (id: string) => `${id}-${this.casRegion}`;
    const protocol = seed.protocol ?? 'HTTPS';
    const listener: GaListener = {
      listenerId: seed.listenerId,
      acceleratorId: seed.acceleratorId ?? `ga-${seed.listenerId.replace(/^lsr-/, '')}`,
      protocol,
      port: seed.port ?? (protocol === 'HTTP' ? 80 : 443),
      name: `listener-${seed.listenerId}`,
      description: 'seeded listener',
      clientAffinity: 'NONE',
      idleTimeout: 15,
      requestTimeout: 60,
      httpVersion: 'http2',
      securityPolicyId: 'tls_cipher_policy_1_0',
      additional: (seed.additional ?? []).map((a) => ({
        domain: a.domain,
        certificateId: identifier(a.certId),
        served: identifier(a.certId),
        leaving: false,
        pending: false,
      })),
      updatingUntil: Number.NEGATIVE_INFINITY,
      settleDelayMs: seed.settleDelayMs ?? 0,
    };
    if (seed.defaultCertificate !== undefined) {
      listener.defaultCertificate = identifier(seed.defaultCertificate);
      listener.servedDefault = listener.defaultCertificate;
    }
    this.listenerMap.set(listener.listenerId, listener);
    return listener;
  }

  listener(listenerId: string): GaListener | undefined {
    const listener = this.listenerMap.get(listenerId);
    if (listener) this.settle(listener);
    return listener;
  }

  /** What clients of the listener get now (emulator/served.ts): CAS ids of the settled certificates. */
  servedSet(listenerId: string): { default?: string; extensions: string[] } | undefined {
    const listener = this.listener(listenerId);
    if (listener?.protocol !== 'HTTPS') return undefined;
    const casId = (identifier: string) => identifier.replace(/-.*$/, '');
    return {
      ...(listener.servedDefault ? { default: casId(listener.servedDefault) } : {}),
      extensions: listener.additional.flatMap((a) => (a.served ? [casId(a.served)] : [])),
    };
  }

  private settle(listener: GaListener): void {
    if (this.options.now() < listener.updatingUntil) return;
    listener.servedDefault = listener.defaultCertificate;
    listener.additional = listener.additional.filter((a) => !a.leaving);
    for (const a of listener.additional) {
      a.served = a.certificateId;
      a.pending = false;
    }
  }

  private state(listener: GaListener): 'active' | 'updating' {
    return this.options.now() < listener.updatingUntil ? 'updating' : 'active';
  }

  /**
   * A write with a `ClientToken` seen before: the same parameters get the first answer and change nothing; other
   * parameters are refused. A refused write leaves no token behind, so it may be sent again.
   */
  private idempotent(action: string, write: ActionHandler): ActionHandler {
    return async (params) => {
      const token = params.optional('ClientToken');
      if (token === undefined) return write(params);
      if (!/^[\x21-\x7e]{1,64}$/.test(token))
        throw new ApiError(400, 'IllegalParameter.ClientToken', 'The ClientToken is illegal.');
      const key = `${action}\n${token}`;
      const sent = JSON.stringify(
        params
          .entries()
          .filter(([name]) => !COMMON.has(name))
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      const earlier = this.tokens.get(key);
      if (earlier) {
        if (earlier.params === sent) return earlier.answer;
        throw new ApiError(
          400,
          'IdempotentParameterMismatch',
          'The request uses the same client token as a previous, but non-identical request.',
        );
      }
      const answer = await write(params);
      this.tokens.set(key, { params: sent, answer });
      return answer;
    };
  }

  private find(params: RequestParams): GaListener {
    const region = params.required('RegionId');
    const listenerId = params.required('ListenerId');
    const listener = this.listenerMap.get(listenerId);
    const accelerator = params.optional('AcceleratorId');
    if (
      !listener ||
      region !== REGION ||
      (accelerator !== undefined && accelerator !== listener.acceleratorId)
    )
      throw listenerNotFound(listenerId);
    this.settle(listener);
    return listener;
  }

  /** An HTTPS listener whose accelerator has no write in progress. */
  private writable(params: RequestParams): GaListener {
    const listener = this.find(params);
    if (listener.protocol !== 'HTTPS') {
      throw new ApiError(
        400,
        'NotSupport.ListenerProtocol',
        `The listener ${listener.listenerId} is a ${listener.protocol} listener and takes no certificate.`,
      );
    }
    const busy = [...this.listenerMap.values()].some(
      (l) => l.acceleratorId === listener.acceleratorId && this.state(l) === 'updating',
    );
    if (busy) {
      throw new ApiError(
        400,
        'StateError.Accelerator',
        `The state of the accelerator ${listener.acceleratorId} is configuring, which does not allow this operation.`,
      );
    }
    return listener;
  }

  /** A server certificate the account holds in its CAS region, as `<certId>-<region>`. */
  private usable(identifier: string): string {
    const match = /^(\d+)-([a-z]+(?:-[a-z0-9]+)+)$/.exec(identifier);
    if (match?.[1] === undefined || match[2] !== this.casRegion || !this.options.holds(match[1]))
      throw new ApiError(400, 'NotExist.Certificate', `The certificate ${identifier} does not exist.`);
    return identifier;
  }

  private startUpdating(listener: GaListener): void {
    this.changes++;
    listener.updatingUntil = this.options.now() + listener.settleDelayMs;
    this.settle(listener);
  }

  private listenerFields(listener: GaListener): Record<string, JsonValue> {
    return {
      AcceleratorId: listener.acceleratorId,
      ListenerId: listener.listenerId,
      Name: listener.name,
      Description: listener.description,
      Protocol: listener.protocol,
      PortRanges: [{ FromPort: listener.port, ToPort: listener.port }],
      State: this.state(listener),
      Type: 'Standard',
      ClientAffinity: listener.clientAffinity,
      IdleTimeout: listener.idleTimeout,
      RequestTimeout: listener.requestTimeout,
      ...(listener.protocol === 'HTTPS'
        ? { HttpVersion: listener.httpVersion, SecurityPolicyId: listener.securityPolicyId }
        : {}),
      // Only the default certificate; additional ones are ListListenerCertificates'.
      Certificates: listener.defaultCertificate ? [{ Id: listener.defaultCertificate, Type: 'Server' }] : [],
    };
  }

  private describeListener(params: RequestParams): Record<string, JsonValue> {
    return this.listenerFields(this.find(params));
  }

  private listListeners(params: RequestParams): Record<string, JsonValue> {
    if (params.required('RegionId') !== REGION)
      return { Listeners: [], TotalCount: 0, PageNumber: 1, PageSize: 10 };
    const accelerator = params.optional('AcceleratorId');
    const all = [...this.listenerMap.values()].filter(
      (l) => accelerator === undefined || l.acceleratorId === accelerator,
    );
    const number = params.positiveInteger('PageNumber', 1);
    const size = params.positiveInteger('PageSize', 10, PAGE_MAX);
    const page = all.slice((number - 1) * size, number * size);
    for (const listener of page) this.settle(listener);
    return {
      Listeners: page.map((l) => this.listenerFields(l)),
      TotalCount: all.length,
      PageNumber: number,
      PageSize: size,
    };
  }

  private listListenerCertificates(params: RequestParams): Record<string, JsonValue> {
    params.required('AcceleratorId');
    const listener = this.find(params);
    const role = params.optional('Role');
    if (role !== undefined && role !== 'default' && role !== 'additional')
      throw new ApiError(400, 'IllegalParameter.Role', 'The param of Role is illegal.');
    const state = this.state(listener);
    const all: Record<string, JsonValue>[] = [
      ...(role !== 'additional' && listener.defaultCertificate
        ? [{ CertificateId: listener.defaultCertificate, IsDefault: true, State: state }]
        : []),
      ...(role !== 'default'
        ? listener.additional.map((a) => ({
            CertificateId: a.certificateId,
            Domain: a.domain,
            IsDefault: false,
            State: a.pending ? 'updating' : 'active',
          }))
        : []),
    ];
    const max = params.positiveInteger('MaxResults', PAGE_DEFAULT, PAGE_MAX);
    const token = params.optional('NextToken');
    const start = token === undefined ? 0 : Number(token);
    if (!Number.isInteger(start) || start < 0 || start > all.length)
      throw new ApiError(400, 'IllegalParameter.NextToken', 'The param of NextToken is illegal.');
    const next = start + max < all.length ? String(start + max) : undefined;
    return {
      Certificates: all.slice(start, start + max),
      TotalCount: all.length,
      MaxResults: max,
      ...(next ? { NextToken: next } : {}),
    };
  }

  /** The settings a call sends change; every one it leaves out is kept (the SDK sends only those set). */
  private updateListener(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params);
    const certificate = params.optional('Certificates.1.Id');
    if (certificate !== undefined) listener.defaultCertificate = this.usable(certificate);
    listener.name = params.optional('Name') ?? listener.name;
    listener.description = params.optional('Description') ?? listener.description;
    listener.clientAffinity = params.optional('ClientAffinity') ?? listener.clientAffinity;
    listener.httpVersion = params.optional('HttpVersion') ?? listener.httpVersion;
    listener.securityPolicyId = params.optional('SecurityPolicyId') ?? listener.securityPolicyId;
    listener.idleTimeout = params.positiveInteger('IdleTimeout', listener.idleTimeout, 900);
    listener.requestTimeout = params.positiveInteger('RequestTimeout', listener.requestTimeout, 180);
    this.startUpdating(listener);
    return {};
  }

  private associate(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params);
    params.required('AcceleratorId');
    const pairs: Array<{ domain: string; certificateId: string }> = [];
    for (let n = 1; params.optional(`Certificates.${n}.Id`, `Certificates.${n}.Domain`) !== undefined; n++) {
      pairs.push({
        certificateId: this.usable(params.required(`Certificates.${n}.Id`)),
        domain: params.required(`Certificates.${n}.Domain`).toLowerCase(),
      });
    }
    if (pairs.length === 0) throw new ApiError(400, 'MissingParameter', 'Certificates is required.');
    if (pairs.length > 10)
      throw new ApiError(400, 'IllegalParameter.Certificates', 'At most 10 certificates.');
    for (const { domain } of pairs) {
      if (
        listener.additional.some((a) => a.domain === domain) ||
        pairs.filter((p) => p.domain === domain).length > 1
      )
        throw new ApiError(
          400,
          'Exist.Domain',
          `The domain ${domain} already has an additional certificate on the listener ${listener.listenerId}.`,
        );
    }
    for (const pair of pairs) listener.additional.push({ ...pair, leaving: false, pending: true });
    this.startUpdating(listener);
    return { ListenerId: listener.listenerId };
  }

  private replace(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params);
    params.required('AcceleratorId');
    const certificateId = this.usable(params.required('CertificateId'));
    const domain = params.required('Domain').toLowerCase();
    const bound = listener.additional.find((a) => a.domain === domain && !a.leaving);
    if (!bound) throw this.notBound(domain, listener);
    if (params.optional('DryRun') === 'true') return { ListenerId: listener.listenerId };
    bound.certificateId = certificateId;
    bound.pending = true;
    this.startUpdating(listener);
    return { ListenerId: listener.listenerId };
  }

  private dissociate(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params);
    params.required('AcceleratorId');
    const domains: string[] = [];
    for (let n = 1; params.optional(`Domains.${n}`) !== undefined; n++)
      domains.push(params.required(`Domains.${n}`).toLowerCase());
    if (domains.length === 0) throw new ApiError(400, 'MissingParameter', 'Domains is required.');
    const bound = domains.map((domain) => {
      const found = listener.additional.find((a) => a.domain === domain && !a.leaving);
      if (!found) throw this.notBound(domain, listener);
      return found;
    });
    for (const a of bound) {
      a.leaving = true;
      a.pending = true;
    }
    this.startUpdating(listener);
    return {};
  }

  private notBound(domain: string, listener: GaListener): ApiError {
    return new ApiError(
      400,
      'NotExist.AdditionalCertificate',
      `The domain ${domain} has no additional certificate on the listener ${listener.listenerId}.`,
    );
  }
}
