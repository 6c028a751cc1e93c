// ALB (API 2020-06-16): an HTTPS listener's default certificate and its extension (SNI) certificates, by the CAS
// identifier `<certId>-<certRegion>` (`123-cn-hangzhou`), with the field names of the official SDK's models
// (@alicloud/alb20200616). Both writes are asynchronous, as the product documents: after `UpdateListenerAttribute`
// the listener is `Configuring` (it already lists the new certificate) for `settleDelayMs`, then `Running`; an
// associated extension certificate is `Associating`, then `Associated`; a dissociated one `Dissociating`, then gone.
// Clients get the settled state only (emulator/served.ts). `RegionId`, when a call sends it, scopes the call to that
// region (the product's endpoint is regional; every region of the emulator shares one endpoint).
import { ApiError } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const ALB_VERSION = '2020-06-16';

/** A listener that exists from the start (the `albListeners` option). */
export interface AlbListenerSeed {
  listenerId: string;
  /** Default `cn-hangzhou`. */
  regionId?: string;
  /** Default `HTTPS`; `HTTP` takes no certificate. */
  protocol?: 'HTTP' | 'HTTPS' | 'QUIC';
  port?: number;
  loadBalancerId?: string;
  /** The default certificate's CAS id (`123`), in the account's CAS region. */
  defaultCertificate?: string;
  /** Extension certificates' CAS ids, associated from the start. */
  extensions?: string[];
  /** How long a write keeps the listener `Configuring` / a certificate `Associating`. Default 0. */
  settleDelayMs?: number;
}

type ExtensionStatus = 'Associating' | 'Associated' | 'Dissociating';

interface ExtensionCertificate {
  /** The CAS identifier, `123-cn-hangzhou`. */
  certificateId: string;
  status: ExtensionStatus;
  /** When `Associating` becomes `Associated`, or `Dissociating` gone. */
  settlesAt: number;
}

export interface AlbListener {
  listenerId: string;
  regionId: string;
  protocol: 'HTTP' | 'HTTPS' | 'QUIC';
  port: number;
  loadBalancerId: string;
  /** The default certificate the listener is configured with (the new one as soon as it is set). */
  defaultCertificate?: string;
  /** The one clients get until `configuredAt`. */
  servedDefault?: string;
  configuredAt: number;
  extensions: ExtensionCertificate[];
  settleDelayMs: number;
}

export interface AlbServiceOptions {
  now: () => number;
  /** Whether Certificate Management Service holds this certificate (by CAS id). */
  holds: (certId: string) => boolean;
}

const PAGE_DEFAULT = 20;
const PAGE_MAX = 100;

function listenerNotFound(listenerId: string): ApiError {
  return new ApiError(404, 'ResourceNotFound.Listener', `The specified resource ${listenerId} is not found.`);
}

export class AlbService {
  /** The region the account's CAS certificates live in: an identifier naming another is not found. */
  casRegion = 'cn-hangzhou';
  private readonly listenerMap = new Map<string, AlbListener>();
  readonly actions: Record<string, ActionHandler>;

  constructor(private readonly options: AlbServiceOptions) {
    this.actions = {
      GetListenerAttribute: (params) => this.getListenerAttribute(params),
      ListListeners: (params) => this.listListeners(params),
      ListListenerCertificates: (params) => this.listListenerCertificates(params),
      UpdateListenerAttribute: (params) => this.updateListenerAttribute(params),
      AssociateAdditionalCertificatesWithListener: (params) => this.associate(params),
      DissociateAdditionalCertificatesFromListener: (params) => this.dissociate(params),
    };
  }

  addListener(seed: AlbListenerSeed): AlbListener {
    const identifier = (id: string) => `${id}-${this.casRegion}`;
    const listener: AlbListener = {
      listenerId: seed.listenerId,
      regionId: seed.regionId ?? 'cn-hangzhou',
      protocol: seed.protocol ?? 'HTTPS',
      port: seed.port ?? (seed.protocol === 'HTTP' ? 80 : 443),
      loadBalancerId: seed.loadBalancerId ?? `alb-${seed.listenerId.replace(/^lsn-/, '')}`,
      configuredAt: Number.NEGATIVE_INFINITY,
      extensions: (seed.extensions ?? []).map((id) => ({
        certificateId: identifier(id),
        status: 'Associated',
        settlesAt: Number.NEGATIVE_INFINITY,
      })),
      settleDelayMs: seed.settleDelayMs ?? 0,
    };
    if (seed.defaultCertificate !== undefined) {
      listener.defaultCertificate = identifier(seed.defaultCertificate);
      listener.servedDefault = listener.defaultCertificate;
    }
    this.listenerMap.set(listener.listenerId, listener);
    return listener;
  }

  listener(listenerId: string): AlbListener | undefined {
    const listener = this.listenerMap.get(listenerId);
    if (listener) this.settle(listener);
    return listener;
  }

  /** What clients of the listener get now (emulator/served.ts): CAS ids of the settled certificates. */
  servedSet(listenerId: string): { default?: string; extensions: string[] } | undefined {
    const listener = this.listener(listenerId);
    if (!listener || listener.protocol === 'HTTP') return undefined;
    const casId = (identifier: string) => identifier.replace(/-.*$/, '');
    const served = listener.servedDefault;
    return {
      ...(served ? { default: casId(served) } : {}),
      extensions: listener.extensions
        .filter((e) => e.status !== 'Associating')
        .map((e) => casId(e.certificateId)),
    };
  }

  private settle(listener: AlbListener): void {
    const now = this.options.now();
    if (now >= listener.configuredAt) listener.servedDefault = listener.defaultCertificate;
    listener.extensions = listener.extensions.filter((e) => e.status !== 'Dissociating' || now < e.settlesAt);
    for (const extension of listener.extensions) {
      if (extension.status === 'Associating' && now >= extension.settlesAt) extension.status = 'Associated';
    }
  }

  private status(listener: AlbListener): 'Configuring' | 'Running' {
    const pending = listener.extensions.some((e) => e.status !== 'Associated');
    return this.options.now() < listener.configuredAt || pending ? 'Configuring' : 'Running';
  }

  private find(params: RequestParams): AlbListener {
    const listenerId = params.required('ListenerId');
    const listener = this.listenerMap.get(listenerId);
    const region = params.optional('RegionId');
    if (!listener || (region !== undefined && region !== listener.regionId))
      throw listenerNotFound(listenerId);
    this.settle(listener);
    return listener;
  }

  /** `Certificates.N.CertificateId`, in order; each a server certificate this listener's region may use. */
  private certificateIds(params: RequestParams, listener: AlbListener): string[] {
    const ids: string[] = [];
    for (let n = 1; ; n++) {
      const id = params.optional(`Certificates.${n}.CertificateId`);
      if (id === undefined) break;
      ids.push(id);
    }
    if (ids.length === 0) throw new ApiError(400, 'MissingParam.Certificates', 'Certificates is required.');
    for (const id of ids) {
      const match = /^(\d+)-([a-z]+(?:-[a-z0-9]+)+)$/.exec(id);
      // A listener on the China site uses certificates held there, one on the international site those held there.
      const site = (region: string) => (region.startsWith('cn-') ? 'china' : 'international');
      const usable =
        match?.[1] !== undefined &&
        match[2] === this.casRegion &&
        site(match[2]) === site(listener.regionId) &&
        this.options.holds(match[1]);
      if (!usable)
        throw new ApiError(404, 'ResourceNotFound.Certificate', `The specified resource ${id} is not found.`);
    }
    return ids;
  }

  /** A listener that is being configured refuses another write until it runs again. */
  private writable(params: RequestParams): AlbListener {
    const listener = this.find(params);
    if (listener.protocol === 'HTTP') {
      // The exact code of this refusal is not in the repository's references: the emulator's choice.
      throw new ApiError(
        400,
        'OperationDenied.ListenerProtocolNotSupport',
        `The listener ${listener.listenerId} is an HTTP listener and takes no certificate.`,
      );
    }
    if (this.status(listener) === 'Configuring') {
      throw new ApiError(
        400,
        'IncorrectStatus.Listener',
        `The status of the listener ${listener.listenerId} is Configuring, which does not allow this operation.`,
      );
    }
    return listener;
  }

  private getListenerAttribute(params: RequestParams): Record<string, JsonValue> {
    const listener = this.find(params);
    return {
      ...this.summary(listener),
      Certificates: listener.defaultCertificate ? [{ CertificateId: listener.defaultCertificate }] : [],
      CaEnabled: false,
      CaCertificates: [],
      Http2Enabled: listener.protocol !== 'HTTP',
      GzipEnabled: true,
      IdleTimeout: 15,
      RequestTimeout: 60,
      SecurityPolicyId: 'tls_cipher_policy_1_0',
    };
  }

  private summary(listener: AlbListener): Record<string, JsonValue> {
    return {
      ListenerId: listener.listenerId,
      ListenerProtocol: listener.protocol,
      ListenerPort: listener.port,
      ListenerStatus: this.status(listener),
      LoadBalancerId: listener.loadBalancerId,
      ListenerDescription: `listener ${listener.port}`,
    };
  }

  /** NextToken is the index of the next item, as text; MaxResults 1 to 100, 20 by default. */
  private page<T>(items: T[], params: RequestParams): { page: T[]; fields: Record<string, JsonValue> } {
    const max = params.positiveInteger('MaxResults', PAGE_DEFAULT, PAGE_MAX);
    const token = params.optional('NextToken');
    const start = token === undefined ? 0 : Number(token);
    if (!Number.isInteger(start) || start < 0 || start > items.length)
      throw new ApiError(400, 'IllegalParam.NextToken', `The param of NextToken is illegal.`);
    const page = items.slice(start, start + max);
    const next = start + max < items.length ? String(start + max) : undefined;
    return {
      page,
      fields: { MaxResults: max, TotalCount: items.length, ...(next ? { NextToken: next } : {}) },
    };
  }

  private listListeners(params: RequestParams): Record<string, JsonValue> {
    const region = params.optional('RegionId');
    const protocol = params.optional('ListenerProtocol')?.toUpperCase();
    const all = [...this.listenerMap.values()].filter(
      (l) => (region === undefined || l.regionId === region) && (!protocol || l.protocol === protocol),
    );
    for (const listener of all) this.settle(listener);
    const { page, fields } = this.page(all, params);
    return { Listeners: page.map((l) => this.summary(l)), ...fields };
  }

  private listListenerCertificates(params: RequestParams): Record<string, JsonValue> {
    const listener = this.find(params);
    const type = params.optional('CertificateType') ?? 'Server';
    if (type !== 'Server' && type !== 'Ca')
      throw new ApiError(400, 'IllegalParam.CertificateType', 'The param of CertificateType is illegal.');
    const all =
      type === 'Ca'
        ? []
        : [
            ...(listener.defaultCertificate
              ? [
                  {
                    CertificateId: listener.defaultCertificate,
                    CertificateType: 'Server',
                    IsDefault: true,
                    Status: 'Associated',
                  },
                ]
              : []),
            ...listener.extensions.map((e) => ({
              CertificateId: e.certificateId,
              CertificateType: 'Server',
              IsDefault: false,
              Status: e.status,
            })),
          ];
    const { page, fields } = this.page(all, params);
    return { Certificates: page, ...fields };
  }

  private updateListenerAttribute(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params);
    // Only the default certificate is read here: the other attributes this operation takes are not emulated.
    const hasCertificates = params.optional('Certificates.1.CertificateId') !== undefined;
    if (hasCertificates) {
      const [first] = this.certificateIds(params, listener);
      listener.servedDefault = listener.defaultCertificate;
      listener.defaultCertificate = first;
      listener.configuredAt = this.options.now() + listener.settleDelayMs;
      this.settle(listener);
    }
    return { JobId: `job-${listener.listenerId}-${this.options.now()}` };
  }

  private associate(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params);
    const ids = this.certificateIds(params, listener);
    for (const id of ids) {
      if (id === listener.defaultCertificate || listener.extensions.some((e) => e.certificateId === id)) {
        throw new ApiError(
          400,
          'ResourceAlreadyAssociated.Certificate',
          `The certificate ${id} is already associated with the listener ${listener.listenerId}.`,
        );
      }
    }
    const settlesAt = this.options.now() + listener.settleDelayMs;
    for (const id of ids) listener.extensions.push({ certificateId: id, status: 'Associating', settlesAt });
    this.settle(listener);
    return { JobId: `job-${listener.listenerId}-${this.options.now()}` };
  }

  private dissociate(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params);
    const ids: string[] = [];
    for (let n = 1; params.optional(`Certificates.${n}.CertificateId`) !== undefined; n++)
      ids.push(params.required(`Certificates.${n}.CertificateId`));
    if (ids.length === 0) throw new ApiError(400, 'MissingParam.Certificates', 'Certificates is required.');
    const settlesAt = this.options.now() + listener.settleDelayMs;
    for (const id of ids) {
      const extension = listener.extensions.find((e) => e.certificateId === id);
      if (!extension) {
        throw new ApiError(
          404,
          'ResourceNotAssociated.Certificate',
          `The certificate ${id} is not associated with the listener ${listener.listenerId}.`,
        );
      }
      extension.status = 'Dissociating';
      extension.settlesAt = settlesAt;
    }
    this.settle(listener);
    return { JobId: `job-${listener.listenerId}-${this.options.now()}` };
  }
}
