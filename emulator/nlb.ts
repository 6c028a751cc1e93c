// NLB (Network Load Balancer, API 2022-04-30): the certificates a TCPSSL listener serves. Field names and error
// codes as the official Go SDK (alibabacloud-go/nlb-20220430) models them and the product's API pages list them;
// the registry has no NLB SDK for Node (docs/deploy.md). Certificates are named by CAS identifier
// `<certId>-<certRegion>`. Writes are asynchronous: `UpdateListenerAttribute` leaves the listener `Configuring`
// (the old certificate still served) for `settleMs`, then `Running` with the new one; an additional certificate is
// `Associating` then `Associated`, and `Diassociating` (the product's spelling) before it is gone.
import { ApiError } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const NLB_VERSION = '2022-04-30';

export interface NlbListenerSeed {
  /** As the product writes it: `lsn-bp1abc@443` (or without the port). */
  listenerId: string;
  region?: string;
  /** `TCPSSL` (default), `TCP`, `UDP`. */
  protocol?: string;
  port?: number;
  loadBalancerId?: string;
  /** CAS identifiers (`123-cn-hangzhou`) the listener serves from the start: its default certificate. */
  certificateIds?: string[];
  /** CAS identifiers associated as additional certificates from the start. */
  additionalCertificateIds?: string[];
  /** How long a write takes to take effect; default the service's `settleMs`. */
  settleMs?: number;
}

interface Additional {
  certificateId: string;
  status: 'Associating' | 'Associated' | 'Diassociating';
  /** When `Associating` becomes `Associated`, or a `Diassociating` one is gone. */
  settlesAt: number;
}

export interface NlbListener {
  listenerId: string;
  region: string;
  protocol: string;
  port: number;
  loadBalancerId: string;
  certificateIds: string[];
  additional: Additional[];
  pending?: { certificateIds: string[]; effectiveAt: number };
  settleMs: number;
}

export interface NlbServiceOptions {
  now?: () => number;
  /** Whether Certificate Management Service holds this certificate id. */
  holds?: (certId: string) => boolean;
}

const PAGE_MAX = { listeners: 100, certificates: 50 } as const;

/** `CertificateIds.1`, `CertificateIds.2`, … as the SDK flattens a repeated field. */
function repeated(params: RequestParams, name: string): string[] {
  const values: string[] = [];
  for (let index = 1; ; index++) {
    const value = params.optional(`${name}.${index}`);
    if (value === undefined) return values;
    values.push(value);
  }
}

const notFound = (what: string, id: string) =>
  new ApiError(
    what === 'listener' ? 404 : 400,
    `ResourceNotFound.${what}`,
    `The specified resource ${id} is not found.`,
  );

export class NlbService {
  /** The default settle delay of a listener's writes. */
  settleMs = 0;
  /** The region this account's CAS certificates live in: an identifier naming another is not found. */
  casRegion = 'cn-hangzhou';
  private readonly listenerMap = new Map<string, NlbListener>();
  private readonly now: () => number;
  private readonly holds: (certId: string) => boolean;
  readonly actions: Record<string, ActionHandler>;

  constructor(options: NlbServiceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.holds = options.holds ?? (() => true);
    this.actions = {
      GetListenerAttribute: (params) => this.getListenerAttribute(params),
      UpdateListenerAttribute: (params) => this.updateListenerAttribute(params),
      ListListeners: (params) => this.listListeners(params),
      ListListenerCertificates: (params) => this.listListenerCertificates(params),
      AssociateAdditionalCertificatesWithListener: (params) => this.associate(params),
      DisassociateAdditionalCertificatesWithListener: (params) => this.disassociate(params),
    };
  }

  addListener(seed: NlbListenerSeed): NlbListener {
    const port = seed.port ?? Number(/@(\d+)$/.exec(seed.listenerId)?.[1] ?? 443);
    const listener: NlbListener = {
      listenerId: seed.listenerId,
      region: seed.region ?? 'cn-hangzhou',
      protocol: seed.protocol ?? 'TCPSSL',
      port,
      loadBalancerId: seed.loadBalancerId ?? `nlb-${seed.listenerId.replace(/^lsn-|@.*$/g, '')}`,
      certificateIds: [...(seed.certificateIds ?? [])],
      additional: (seed.additionalCertificateIds ?? []).map((certificateId) => ({
        certificateId,
        status: 'Associated',
        settlesAt: 0,
      })),
      settleMs: seed.settleMs ?? this.settleMs,
    };
    this.listenerMap.set(seed.listenerId, listener);
    return listener;
  }

  /** The listener as it is now (pending writes whose delay has passed applied). */
  listener(listenerId: string): NlbListener | undefined {
    const listener = this.listenerMap.get(listenerId);
    if (listener) this.settle(listener);
    return listener;
  }

  /** What the listener serves to clients now (emulator/served.ts), as CAS ids (`123`, not `123-cn-hangzhou`). */
  servedSet(listenerId: string): { default?: string; extensions: string[] } | undefined {
    const listener = this.listener(listenerId);
    if (!listener) return undefined;
    const casId = (identifier: string) => identifier.replace(/-[a-z]+(-[a-z0-9]+)+$/, '');
    const first = listener.certificateIds[0];
    return {
      ...(first ? { default: casId(first) } : {}),
      extensions: listener.additional
        .filter((a) => a.status !== 'Associating')
        .map((a) => casId(a.certificateId)),
    };
  }

  private settle(listener: NlbListener): void {
    const now = this.now();
    if (listener.pending && now >= listener.pending.effectiveAt) {
      listener.certificateIds = listener.pending.certificateIds;
      delete listener.pending;
    }
    listener.additional = listener.additional.filter(
      (entry) => entry.status !== 'Diassociating' || now < entry.settlesAt,
    );
    for (const entry of listener.additional) {
      if (entry.status === 'Associating' && now >= entry.settlesAt) entry.status = 'Associated';
    }
  }

  private find(params: RequestParams): NlbListener {
    const id = params.required('ListenerId');
    const listener = this.listenerMap.get(id);
    const region = params.optional('RegionId');
    // One endpoint answers for every region here: a listener of another region is not found, as at its endpoint.
    if (!listener || (region !== undefined && region !== listener.region)) throw notFound('listener', id);
    this.settle(listener);
    return listener;
  }

  /** A TCPSSL listener that is `Running`: the writes' precondition. */
  private writable(params: RequestParams, what: string): NlbListener {
    const listener = this.find(params);
    if (listener.protocol !== 'TCPSSL') {
      throw new ApiError(
        400,
        'IllegalParam',
        `The param of ${what} is illegal: listener ${listener.listenerId} is ${listener.protocol}, not TCPSSL.`,
      );
    }
    if (listener.pending) {
      throw new ApiError(
        400,
        'IncorrectStatus.listener',
        `The status of listener [${listener.listenerId}] is incorrect.`,
      );
    }
    return listener;
  }

  /** A CAS identifier the service holds in its region: `123-cn-hangzhou`. */
  private checkCertificate(identifier: string): void {
    const match = /^(\d+)-([a-z]+(?:-[a-z0-9]+)+)$/.exec(identifier);
    if (!match || match[2] !== this.casRegion || !this.holds(match[1] ?? ''))
      throw notFound('Certificate', identifier);
  }

  private attributes(listener: NlbListener): Record<string, JsonValue> {
    return {
      ListenerId: listener.listenerId,
      ListenerProtocol: listener.protocol,
      ListenerPort: listener.port,
      ListenerStatus: listener.pending ? 'Configuring' : 'Running',
      LoadBalancerId: listener.loadBalancerId,
      RegionId: listener.region,
      CertificateIds: [...listener.certificateIds],
      CaCertificateIds: [],
      CaEnabled: false,
      IdleTimeout: 900,
    };
  }

  private getListenerAttribute(params: RequestParams): Record<string, JsonValue> {
    return this.attributes(this.find(params));
  }

  private updateListenerAttribute(params: RequestParams): Record<string, JsonValue> {
    const ids = repeated(params, 'CertificateIds');
    const listener = ids.length > 0 ? this.writable(params, 'CertificateIds') : this.find(params);
    if (ids.length > 1) {
      throw new ApiError(
        400,
        'IllegalParamSize.certificateIds',
        'The param size of certificateIds or caCertificateIds is illegal.',
      );
    }
    for (const id of ids) this.checkCertificate(id);
    if (ids.length > 0) {
      listener.pending = { certificateIds: ids, effectiveAt: this.now() + listener.settleMs };
      this.settle(listener);
    }
    return { JobId: crypto.randomUUID() };
  }

  private listListeners(params: RequestParams): Record<string, JsonValue> {
    const ids = repeated(params, 'ListenerIds');
    const balancers = repeated(params, 'LoadBalancerIds');
    const protocol = params.optional('ListenerProtocol');
    const region = params.optional('RegionId');
    const all = [...this.listenerMap.values()].filter(
      (l) =>
        (region === undefined || l.region === region) &&
        (ids.length === 0 || ids.includes(l.listenerId)) &&
        (balancers.length === 0 || balancers.includes(l.loadBalancerId)) &&
        (protocol === undefined || l.protocol === protocol),
    );
    for (const listener of all) this.settle(listener);
    return this.page(params, PAGE_MAX.listeners, all, 'Listeners', (l) => this.attributes(l));
  }

  private listListenerCertificates(params: RequestParams): Record<string, JsonValue> {
    const listener = this.find(params);
    const type = params.oneOf('CertType', ['Server', 'Ca'] as const, 'Server');
    const rows =
      type === 'Ca'
        ? []
        : [
            ...listener.certificateIds.map((id) => ({ id, isDefault: true, status: 'Associated' })),
            ...listener.additional.map((a) => ({ id: a.certificateId, isDefault: false, status: a.status })),
          ];
    const answer = this.page(params, PAGE_MAX.certificates, rows, 'Certificates', (row) => ({
      CertificateId: row.id,
      CertificateType: 'Server',
      IsDefault: row.isDefault,
      Status: row.status,
    }));
    return {
      ...answer,
      CertificateIds: (answer.Certificates as Array<{ CertificateId: string }>).map((c) => c.CertificateId),
    };
  }

  private page<T>(
    params: RequestParams,
    max: number,
    rows: T[],
    field: string,
    render: (row: T) => Record<string, JsonValue>,
  ): Record<string, JsonValue> {
    const size = params.positiveInteger('MaxResults', 20, max);
    const token = params.optional('NextToken');
    const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) {
      throw new ApiError(400, 'IllegalParam', 'The param of NextToken is illegal.');
    }
    const slice = rows.slice(start, start + size);
    const next = start + size < rows.length ? Buffer.from(String(start + size)).toString('base64url') : '';
    return {
      [field]: slice.map(render),
      MaxResults: size,
      TotalCount: rows.length,
      ...(next ? { NextToken: next } : {}),
    };
  }

  private associate(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params, 'AdditionalCertificateIds');
    const ids = this.additionalIds(params);
    for (const id of ids) {
      this.checkCertificate(id);
      if (listener.certificateIds.includes(id) || listener.additional.some((a) => a.certificateId === id)) {
        throw new ApiError(
          400,
          'ResourceAlreadyAssociated.Certificate',
          `The specified resource ${id} is already associated.`,
        );
      }
    }
    const settlesAt = this.now() + listener.settleMs;
    for (const certificateId of ids)
      listener.additional.push({ certificateId, status: 'Associating', settlesAt });
    this.settle(listener);
    return { JobId: crypto.randomUUID() };
  }

  private disassociate(params: RequestParams): Record<string, JsonValue> {
    const listener = this.writable(params, 'AdditionalCertificateIds');
    const ids = this.additionalIds(params);
    for (const id of ids) {
      if (!listener.additional.some((a) => a.certificateId === id && a.status === 'Associated')) {
        throw notFound('Certificate', id);
      }
    }
    const settlesAt = this.now() + listener.settleMs;
    for (const entry of listener.additional) {
      if (ids.includes(entry.certificateId)) Object.assign(entry, { status: 'Diassociating', settlesAt });
    }
    this.settle(listener);
    return { JobId: crypto.randomUUID() };
  }

  private additionalIds(params: RequestParams): string[] {
    const ids = repeated(params, 'AdditionalCertificateIds');
    if (ids.length === 0) {
      throw new ApiError(
        400,
        'MissingParameter',
        'The input parameter "AdditionalCertificateIds" that is mandatory for processing this request is not supplied.',
      );
    }
    if (ids.length > 15) {
      throw new ApiError(400, 'IllegalParamSize.AdditionalCertificateIds', 'At most 15 certificates a call.');
    }
    return ids;
  }
}
