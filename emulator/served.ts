// What clients get: a loopback HTTPS front per resource (a CDN domain, an ALB listener, a bucket's domain) that
// serves, by SNI, whatever certificate its product says the resource serves now. So a test of `verify-url` proves
// the loop closes: the action sets a certificate through the API, and the handshake shows it (docs/deploy.md).
// Each product registers a reader of its own state; nothing here copies it.
import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { TestCa } from './ca.js';
import type { Clock } from './clock.js';

/** What a resource serves, as Certificate Management Service ids: its default certificate and SNI extensions. */
export interface ServedSet {
  default?: string;
  extensions?: string[];
  /** A product that holds the certificate itself, not a CAS id (Function Compute): served for every name. */
  own?: { cert: string; key: string };
}

/** A product's reader: the resource (`lsn-1`, `static.example.com`) → what it serves now, or nothing. */
export type ServedReader = (resource: string) => ServedSet | undefined;

/** A certificate held at the service, with the key the front needs to serve it. */
export type ServableLookup = (
  certId: string,
) => { certificatePem: string; chainPem: string; privateKeyPem?: string } | undefined;

export interface ServedFront {
  port: number;
  /** `https://127.0.0.1:<port>`; connect here with any SNI name. */
  url: string;
  close(): Promise<void>;
}

/** The product's answers as they changed: the front shows the last one older than `delayMs`. */
interface Change {
  text: string;
  set: ServedSet | undefined;
  at: number;
}

function namesOf(pem: string): string[] {
  const leaf = new X509Certificate(pem);
  const sans = [...(leaf.subjectAltName ?? '').matchAll(/DNS:([^,\s]+)/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  const cn = /CN=([^\n,]+)/.exec(leaf.subject)?.[1]?.toLowerCase();
  return sans.length > 0 ? sans : cn ? [cn] : [];
}

function covers(name: string, host: string): boolean {
  if (name === host) return true;
  return (
    name.startsWith('*.') && host.endsWith(name.slice(1)) && !host.slice(0, -name.length + 1).includes('.')
  );
}

export class ServedCertificates {
  /** How long after its product reports a change the front shows it (edge propagation). */
  delayMs = 0;
  private readonly readers = new Map<string, ServedReader>();
  private readonly changes = new Map<string, Change[]>();
  private readonly fronts = new Set<Server>();
  private placeholder: Promise<SecureContext> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly ca: TestCa,
    private readonly lookUp: ServableLookup,
  ) {}

  /** A product's reader under its name in a resource key (`alb` for `alb:lsn-1`). */
  register(product: string, reader: ServedReader): void {
    this.readers.set(product, reader);
  }

  /** What `<product>:<resource>` serves to clients now: the product's word, `delayMs` late. */
  current(resourceKey: string): ServedSet | undefined {
    const at = resourceKey.indexOf(':');
    const reader = this.readers.get(resourceKey.slice(0, at));
    if (!reader) throw new Error(`No product registered for ${resourceKey}`);
    const set = reader(resourceKey.slice(at + 1));
    const text = JSON.stringify(set ?? null);
    const now = this.clock.now();
    const changes = this.changes.get(resourceKey) ?? [];
    // First seen: served since before any delay.
    if (changes.length === 0) changes.push({ text, set, at: Number.NEGATIVE_INFINITY });
    else if (changes[changes.length - 1]?.text !== text) changes.push({ text, set, at: now });
    this.changes.set(resourceKey, changes);
    const shown = changes.filter((change) => now - change.at >= this.delayMs);
    // The older ones are never shown again.
    if (shown.length > 1) changes.splice(0, shown.length - 1);
    return (shown[shown.length - 1] ?? changes[0])?.set;
  }

  /** The certificate id a client asking for `host` gets from the resource now (extension first, then default). */
  pick(resourceKey: string, host: string): string | undefined {
    const set = this.current(resourceKey);
    const wanted = host.toLowerCase();
    for (const certId of [...(set?.extensions ?? [])].reverse()) {
      const held = this.lookUp(certId);
      if (held && namesOf(held.certificatePem).some((name) => covers(name, wanted))) return certId;
    }
    return set?.default;
  }

  /** Starts the HTTPS front of one resource: `alb:lsn-1`, `cdn:static.example.com`. */
  async listen(resourceKey: string): Promise<ServedFront> {
    const fallback = await this.placeholderContext();
    // What it serves from now on is a change the edge takes delayMs to show.
    this.current(resourceKey);
    const server = createServer({
      SNICallback: (host, done) => {
        try {
          const own = this.current(resourceKey)?.own;
          const held = own
            ? createSecureContext({ cert: own.cert, key: own.key })
            : this.lookUpServable(this.pick(resourceKey, host));
          done(null, held ?? fallback);
        } catch (error) {
          done(error as Error);
        }
      },
    });
    server.on('request', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`served by ${resourceKey}\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.fronts.add(server);
    const port = (server.address() as AddressInfo).port;
    return {
      port,
      url: `https://127.0.0.1:${port}`,
      close: () => this.closeFront(server),
    };
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.fronts].map((server) => this.closeFront(server)));
  }

  private closeFront(server: Server): Promise<void> {
    this.fronts.delete(server);
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private lookUpServable(certId: string | undefined): SecureContext | undefined {
    const held = certId === undefined ? undefined : this.lookUp(certId);
    if (!held?.privateKeyPem) return undefined;
    return createSecureContext({ cert: `${held.certificatePem}${held.chainPem}`, key: held.privateKeyPem });
  }

  /** What a resource with nothing servable shows: a certificate for no real name, never the one deployed. */
  private placeholderContext(): Promise<SecureContext> {
    this.placeholder ??= this.ca
      .issueLeaf({ names: ['placeholder.emulator.invalid'], recycleKey: true })
      .then((leaf) => createSecureContext({ cert: leaf.certificatePem, key: leaf.privateKeyPem ?? '' }));
    return this.placeholder;
  }
}
