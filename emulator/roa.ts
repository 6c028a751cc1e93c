// ROA products (Function Compute 3.0, cloud-native API Gateway): addressed by method and path under a prefix of
// their own (`/2023-03-30/`), JSON in and out, signed with ACS3-HMAC-SHA256 (gateway.ts checks it). A product
// registers its prefix and routes here; the server (server.ts) sends every request under a prefix to its route,
// with the same faults, chaos and call records as the RPC products, by the route's operation name.
import { createHash } from 'node:crypto';
import { ApiError } from './errors.js';

export interface RoaCall {
  /** The `{name}` segments of the route's path, percent-decoded. */
  path: Record<string, string>;
  query: Map<string, string>;
  /** The JSON body (an object), or `{}` when none was sent. */
  body: Record<string, unknown>;
}

export interface RoaRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** `/2023-03-30/custom-domains/{domainName}` */
  path: string;
  /** The operation's name: what faults and `emulator.callsTo` name. */
  action: string;
  handle(call: RoaCall): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface RoaProduct<Name extends string = string> {
  name: Name;
  version: string;
  host: string;
  /** Every path under it is this product's (`/2023-03-30/`, `/v1/domains`). */
  prefix: string;
  routes: RoaRoute[];
}

export interface RoaMatch<Name extends string = string> {
  product: RoaProduct<Name>;
  route: RoaRoute;
  path: Record<string, string>;
}

export class RoaRouter<Name extends string = string> {
  private readonly products: RoaProduct<Name>[] = [];

  /** `onVersion`: the gateway learns the product's version (its signature check refuses unknown ones). */
  constructor(private readonly onVersion: (version: string) => void = () => {}) {}

  register(product: RoaProduct<Name>): void {
    this.products.push(product);
    this.onVersion(product.version);
  }

  /** The product whose prefix the path is under, if any. */
  claims(pathname: string): RoaProduct<Name> | undefined {
    return this.products.find(
      (p) => pathname === p.prefix.replace(/\/$/, '') || pathname.startsWith(p.prefix),
    );
  }

  /** The route of a request, or a 404 in the gateway's words when the product has none for it. */
  match(product: RoaProduct<Name>, method: string, pathname: string): RoaMatch<Name> {
    const segments = pathname.split('/');
    for (const route of product.routes) {
      if (route.method !== method) continue;
      const pattern = route.path.split('/');
      if (pattern.length !== segments.length) continue;
      const path: Record<string, string> = {};
      const fits = pattern.every((part, i) => {
        const segment = segments[i] ?? '';
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part === segment;
        if (segment === '') return false;
        path[name] = decodeURIComponent(segment);
        return true;
      });
      if (fits) return { product, route, path };
    }
    throw new ApiError(404, 'InvalidAction.NotFound', `No operation answers ${method} ${pathname}.`);
  }
}

/** A JSON body as an object (`{}` when empty); anything else is the gateway's 400. */
export function parseRoaBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'InvalidParameter', 'The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ApiError(400, 'InvalidParameter', 'The request body must be a JSON object.');
  return value as Record<string, unknown>;
}

/**
 * A body as the call records keep it: flat `a.b.c` names, and a private key only as its length and SHA-256, so
 * that no test's failure message (which prints the records) can show one.
 */
export function recordedRoaParams(body: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(out, recordedRoaParams(value as Record<string, unknown>, key));
    } else if (typeof value === 'string') {
      out[key] = redactedKey(value);
    } else {
      out[key] = JSON.stringify(value);
    }
  }
  return out;
}

export function redactedKey(value: string): string {
  if (!value.includes('PRIVATE KEY')) return value;
  const sha256 = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return `[private key, ${value.length} characters, sha256 ${sha256}…]`;
}
