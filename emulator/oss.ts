// Object Storage Service: buckets, the custom domains (CNAMEs) bound to them and the certificate each serves.
// OSS is REST with XML bodies and its own signature (V4, oss-signature.ts), not the RPC gateway's: requests whose
// Authorization is OSS4-HMAC-SHA256, that address a bucket's host (`<bucket>.oss-<region>.aliyuncs.com`) or a
// path-style bucket (`/<bucket>/`, the emulator's endpoint) come here (server.ts). Operations: `ListCname`
// (`GET /?cname`) and `PutCname` (`POST /?cname&comp=add`), under those action names for faults and chaos.
// A domain is bound in the console (its ownership proven by a TXT record): here `bindDomain`, never PutCname.
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Chaos } from './chaos.js';
import type { Clock } from './clock.js';
import { parseUrlEncoded } from './encoding.js';
import { ApiError } from './errors.js';
import { type FaultKind, type Faults, faultError, faultPhase } from './faults.js';
import type { AccessKey } from './gateway.js';
import {
  canonicalRequest,
  expectedSignature,
  OSS4,
  parseOssAuthorization,
  parseOssDate,
  sameSignature,
  stringToSign,
} from './oss-signature.js';

export interface OssCertificate {
  /** The CAS identifier as OSS names it: `123-cn-hangzhou`. */
  certId: string;
  certificatePem: string;
  createdAt: number;
}

export interface OssCname {
  domain: string;
  lastModified: number;
  certificate?: OssCertificate;
  /** Set by the last PutCname; shown from `effectiveAt` on (0 delay: at once). */
  pending?: { certificate: OssCertificate | undefined; effectiveAt: number };
  deployDelayMs: number;
}

export interface OssBucket {
  name: string;
  region: string;
  cnames: Map<string, OssCname>;
}

/** What a call was, for server.ts's call records (its CallRecord's fields). */
export interface OssCall {
  action?: string;
  params: Record<string, string>;
  status: number;
  code?: string;
  requestId: string;
  at: number;
  fault?: FaultKind;
  chaos?: boolean;
}

export interface OssDeps {
  clock: Clock;
  /** The gateway's keys (STS keys included); throws the gateway's ApiError. */
  lookUpKey(accessKeyId: string, securityToken: string | undefined): AccessKey;
  lookUpCertificate(certId: string): { certificatePem: string; chainPem: string } | undefined;
  faults: Faults;
  chaos: Chaos | undefined;
  record(call: OssCall): void;
  timestampWindowMs?: number;
}

interface Answer {
  status: number;
  text: string;
  headers: Record<string, string>;
  code?: string;
}

const VIRTUAL_HOST = /^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.oss-([a-z0-9-]+)\.aliyuncs\.com(?::\d+)?$/;
const PATH_STYLE = /^\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\/$/;
const XML = 'application/xml';

function first(request: IncomingMessage, name: string): string | undefined {
  return request.headersDistinct[name]?.[0];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function elementText(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match?.[1]
    ?.trim()
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `Wed, 15 Sep 2021 02:35:06 GMT`, as OSS writes certificate dates. */
const httpDate = (ms: number) => new Date(ms).toUTCString();

function ossError(
  error: ApiError,
  requestId: string,
  host: string,
  extra: Record<string, string> = {},
): Answer {
  const fields = { Code: error.code, Message: error.message, RequestId: requestId, HostId: host, ...extra };
  const inner = Object.entries(fields)
    .map(([name, value]) => `  <${name}>${escapeXml(value)}</${name}>`)
    .join('\n');
  return {
    status: error.status,
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n${inner}\n</Error>\n`,
    headers: error.headers,
    code: error.code,
  };
}

/** A refusal carrying what OSS repeats beside it (the bucket name, its string to sign). */
class OssError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(status, code, message);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OssService {
  private readonly bucketMap = new Map<string, OssBucket>();
  /** The region this account's CAS certificates live in; an identifier naming another finds nothing. */
  casRegion = 'cn-hangzhou';
  private readonly windowMs: number;

  constructor(private readonly deps: OssDeps) {
    this.windowMs = deps.timestampWindowMs ?? 15 * 60_000;
  }

  addBucket(name: string, region: string): OssBucket {
    const bucket = this.bucketMap.get(name) ?? { name, region, cnames: new Map() };
    bucket.region = region;
    this.bucketMap.set(name, bucket);
    return bucket;
  }

  /** Binds a domain to a bucket, as the console does once its ownership is proven. */
  bindDomain(bucketName: string, domain: string, settings: { deployDelayMs?: number } = {}): OssCname {
    const bucket = this.bucketMap.get(bucketName);
    if (!bucket) throw new Error(`No bucket ${bucketName}`);
    const name = domain.toLowerCase();
    const cname = bucket.cnames.get(name) ?? {
      domain: name,
      lastModified: this.deps.clock.now(),
      deployDelayMs: 0,
    };
    if (settings.deployDelayMs !== undefined) cname.deployDelayMs = settings.deployDelayMs;
    bucket.cnames.set(name, cname);
    return cname;
  }

  bucket(name: string): OssBucket | undefined {
    return this.bucketMap.get(name);
  }

  /** The domain's binding, settled. */
  cname(bucketName: string, domain: string): OssCname | undefined {
    const cname = this.bucketMap.get(bucketName)?.cnames.get(domain.toLowerCase());
    if (cname) this.settle(cname);
    return cname;
  }

  /** Makes the domain serve a certificate held at CAS at once (`123`, named `123-<casRegion>`). */
  setCertificate(bucketName: string, domain: string, casId: string): OssCname {
    const cname = this.cname(bucketName, domain) ?? this.bindDomain(bucketName, domain);
    const held = this.deps.lookUpCertificate(casId);
    if (!held) throw new Error(`No certificate ${casId} at CAS`);
    cname.certificate = {
      certId: `${casId}-${this.casRegion}`,
      certificatePem: held.certificatePem,
      createdAt: this.deps.clock.now(),
    };
    delete cname.pending;
    return cname;
  }

  /** What `<bucket>/<domain>` serves to clients now (emulator/served.ts): its CAS certificate. */
  servedSet(key: string): { default?: string } | undefined {
    const slash = key.indexOf('/');
    const cname = this.cname(key.slice(0, slash), key.slice(slash + 1));
    if (!cname) return undefined;
    const casId = cname.certificate?.certId.replace(/-[a-z].*$/, '');
    return casId ? { default: casId } : {};
  }

  /** Whether server.ts hands this request to OSS. */
  static claims(request: IncomingMessage, url: URL): boolean {
    const authorization = first(request, 'authorization') ?? '';
    return (
      authorization.startsWith(OSS4) ||
      authorization.startsWith('OSS ') ||
      VIRTUAL_HOST.test(first(request, 'host') ?? '') ||
      PATH_STYLE.test(url.pathname)
    );
  }

  async handle(request: IncomingMessage, response: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const requestId = randomBytes(12).toString('hex').toUpperCase();
    const host = first(request, 'host') ?? '127.0.0.1';
    const query = parseUrlEncoded(url.search.replace(/^\?/, ''));
    const names = new Map(query);
    const bucketName = PATH_STYLE.exec(url.pathname)?.[1] ?? VIRTUAL_HOST.exec(host)?.[1];
    const method = request.method ?? 'GET';
    const action =
      names.has('cname') && !names.has('comp') && method === 'GET'
        ? 'ListCname'
        : names.has('cname') && names.get('comp') === 'add' && method === 'POST'
          ? 'PutCname'
          : undefined;
    const record: OssCall = {
      params: {
        ...(bucketName ? { Bucket: bucketName } : {}),
        ...Object.fromEntries(query),
        ...flattenXml(body.toString('utf8')),
      },
      status: 0,
      requestId,
      at: Date.now(),
      ...(action ? { action } : {}),
    };
    const send = (answer: Answer, contentType = XML) => {
      response.writeHead(answer.status, {
        'content-type': contentType,
        'x-oss-request-id': requestId,
        ...answer.headers,
      });
      response.end(answer.text);
    };
    const drop = () => {
      request.socket.destroy();
      response.destroy();
    };
    const { faults, chaos } = this.deps;
    const planned = faults.take(action) ?? faults.throttle(action);
    if (planned && chaos) chaos.notePlannedFault(action);
    const chaotic = planned ? undefined : chaos?.pick(action);
    const fault = planned ?? chaotic;
    const waitMs = faults.chaosDelayMs() + (fault && fault.kind !== 'delay' ? (fault.delayMs ?? 0) : 0);
    if (waitMs > 0) await sleep(waitMs);
    if (fault) record.fault = fault.kind;
    if (chaotic) record.chaos = true;
    const finish = (answer?: Answer) => {
      if (answer) {
        record.status = answer.status;
        if (answer.code !== undefined) record.code = answer.code;
      }
      this.deps.record(record);
    };

    if (fault && faultPhase(fault.kind) === 'before') {
      const error = faultError(fault);
      if (error) {
        const answer = ossError(error, requestId, host);
        send(answer);
        finish(answer);
      } else if (fault.kind === 'drop-before') {
        drop();
        finish();
      } else {
        send({ status: 200, text: MALFORMED, headers: {} }, 'text/html');
        finish({ status: 200, text: '', headers: {} });
      }
      return;
    }
    let answer: Answer;
    try {
      const bucket = this.authenticate(request, method, bucketName, query, body, action);
      const text = action === 'ListCname' ? this.listCname(bucket) : this.putCname(bucket, body);
      answer = { status: 200, text, headers: {} };
    } catch (error) {
      if (!(error instanceof ApiError)) console.error('[emulator] OSS internal error:', error);
      const refusal = error instanceof ApiError ? error : new ApiError(500, 'InternalError', String(error));
      answer = ossError(refusal, requestId, host, refusal instanceof OssError ? refusal.extra : {});
    }
    record.status = answer.status;
    if (answer.code !== undefined) record.code = answer.code;
    switch (fault?.kind) {
      case 'drop-after':
        if (!record.chaos) record.status = 0;
        drop();
        break;
      case 'malformed':
        record.status = 200;
        send({ status: 200, text: MALFORMED, headers: {} }, 'text/html');
        break;
      case 'truncated':
        send({ ...answer, text: answer.text.slice(0, Math.max(1, Math.floor(answer.text.length / 2))) });
        break;
      case 'delay':
        await sleep(fault.delayMs ?? 0);
        send(answer);
        break;
      default:
        send(answer);
    }
    this.deps.record(record);
  }

  /** The V4 signature, the key, the date window, then the bucket and its region; returns the bucket. */
  private authenticate(
    request: IncomingMessage,
    method: string,
    bucketName: string | undefined,
    query: Array<[string, string]>,
    body: Buffer,
    action: string | undefined,
  ): OssBucket {
    const header = first(request, 'authorization');
    if (!header)
      throw new ApiError(403, 'AccessDenied', 'AnonymousAccessForbidden: anonymous access is not allowed.');
    const auth = parseOssAuthorization(header);
    if (!auth) {
      throw new ApiError(
        400,
        'InvalidArgument',
        'Authorization header is invalid: this emulator checks signature V4 (OSS4-HMAC-SHA256) only.',
      );
    }
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(request.headersDistinct)) {
      if (values?.[0] !== undefined) headers[name] = values[0];
    }
    const date = headers['x-oss-date'] ?? '';
    const at = parseOssDate(date);
    if (at === undefined || date.slice(0, 8) !== auth.day) {
      throw new ApiError(
        400,
        'InvalidArgument',
        `x-oss-date '${date}' is missing or does not match the credential's day.`,
      );
    }
    if (Math.abs(this.deps.clock.gatewayNow() - at) > this.windowMs) {
      throw new ApiError(
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
      );
    }
    const payload = headers['x-oss-content-sha256'];
    if (payload === undefined)
      throw new ApiError(400, 'InvalidArgument', 'x-oss-content-sha256 is required with signature V4.');
    if (payload !== 'UNSIGNED-PAYLOAD' && payload !== sha256(body)) {
      throw new ApiError(400, 'InvalidArgument', 'x-oss-content-sha256 does not match the request body.');
    }
    for (const name of auth.additionalHeaders) {
      if (headers[name] === undefined)
        throw new ApiError(400, 'InvalidArgument', `AdditionalHeaders names ${name}, which was not sent.`);
    }
    const key = this.lookUpKey(auth.accessKeyId, headers['x-oss-security-token']);
    const canonical = canonicalRequest(
      { method, canonicalUri: `/${bucketName ? `${bucketName}/` : ''}`, query, headers },
      auth.additionalHeaders,
    );
    const scope = `${auth.day}/${auth.region}/${auth.product}/aliyun_v4_request`;
    const toSign = stringToSign(date, scope, canonical);
    if (!sameSignature(expectedSignature(key.accessKeySecret, auth, toSign), auth.signature)) {
      throw new OssError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        {
          StringToSign: toSign,
          CanonicalRequest: canonical,
          OSSAccessKeyId: auth.accessKeyId,
        },
      );
    }
    const md5 = headers['content-md5'];
    if (md5 !== undefined && md5 !== md5Base64(body)) {
      throw new ApiError(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.');
    }
    if (!action)
      throw new ApiError(501, 'NotImplemented', 'This emulator answers ListCname and PutCname only.');
    const bucket = bucketName ? this.bucketMap.get(bucketName) : undefined;
    if (!bucket) {
      throw new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.', {
        BucketName: bucketName ?? '',
      });
    }
    if (auth.region !== bucket.region) {
      throw new OssError(
        403,
        'AccessDenied',
        'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
        { Bucket: bucket.name, Endpoint: `oss-${bucket.region}.aliyuncs.com` },
      );
    }
    return bucket;
  }

  /** The gateway's refusals in OSS's words. */
  private lookUpKey(accessKeyId: string, token: string | undefined): AccessKey {
    try {
      return this.deps.lookUpKey(accessKeyId, token);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code.startsWith('InvalidAccessKeyId'))
        throw new ApiError(
          403,
          'InvalidAccessKeyId',
          'The OSS Access Key Id you provided does not exist in our records.',
        );
      if (error.code === 'InvalidSecurityToken.Expired')
        throw new ApiError(403, 'SecurityTokenExpired', 'The security token you provided has expired.');
      throw new ApiError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.');
    }
  }

  private settle(cname: OssCname): void {
    const pending = cname.pending;
    if (!pending || this.deps.clock.now() < pending.effectiveAt) return;
    if (pending.certificate) cname.certificate = pending.certificate;
    else delete cname.certificate;
    delete cname.pending;
  }

  private listCname(bucket: OssBucket): string {
    const entries = [...bucket.cnames.values()].map((cname) => {
      this.settle(cname);
      const certificate = cname.certificate;
      let certificateXml = '';
      if (certificate) {
        const leaf = new X509Certificate(certificate.certificatePem);
        certificateXml = [
          '<Certificate>',
          '<Type>CAS</Type>',
          `<CertId>${certificate.certId}</CertId>`,
          '<Status>Enabled</Status>',
          `<CreationDate>${httpDate(certificate.createdAt)}</CreationDate>`,
          `<Fingerprint>${leaf.fingerprint}</Fingerprint>`,
          `<ValidStartDate>${httpDate(Date.parse(leaf.validFrom))}</ValidStartDate>`,
          `<ValidEndDate>${httpDate(Date.parse(leaf.validTo))}</ValidEndDate>`,
          '</Certificate>',
        ].join('');
      }
      return `<Cname><Domain>${escapeXml(cname.domain)}</Domain><LastModified>${new Date(cname.lastModified).toISOString()}</LastModified><Status>Enabled</Status>${certificateXml}</Cname>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<ListCnameResult><Bucket>${bucket.name}</Bucket><Owner>emulator-owner</Owner>${entries.join('')}</ListCnameResult>\n`;
  }

  private putCname(bucket: OssBucket, body: Buffer): string {
    const xml = body.toString('utf8');
    const domain = elementText(xml, 'Domain')?.toLowerCase();
    if (!xml.includes('<BucketCnameConfiguration>') || !domain)
      throw new ApiError(
        400,
        'MalformedXML',
        'The XML you provided was not well-formed or did not validate against our published schema.',
      );
    const cname = bucket.cnames.get(domain);
    if (!cname) {
      throw new OssError(
        409,
        'NeedVerifyDomainOwnership',
        `The ownership of ${domain} is not verified: create a CNAME token and add its TXT record first.`,
        {
          Domain: domain,
        },
      );
    }
    this.settle(cname);
    const configuration = elementText(xml, 'CertificateConfiguration');
    if (configuration === undefined) return '';
    const current = cname.pending ? cname.pending.certificate : cname.certificate;
    if (elementText(configuration, 'DeleteCertificate') === 'true') {
      this.schedule(cname, undefined);
      return '';
    }
    const certId = elementText(configuration, 'CertId') ?? '';
    const parsed = /^(\d+)-([a-z]+(?:-[a-z0-9]+)+)$/.exec(certId);
    if (!parsed)
      throw new ApiError(
        400,
        'InvalidArgument',
        `CertId '${certId}' is not a certificate id with its region (123-cn-hangzhou).`,
      );
    const [, casId = '', region] = parsed;
    const held = region === this.casRegion ? this.deps.lookUpCertificate(casId) : undefined;
    if (!held) {
      throw new ApiError(
        400,
        'InvalidArgument',
        `The certificate ${certId} does not exist in Certificate Management Service.`,
      );
    }
    const leaf = new X509Certificate(held.certificatePem);
    if (!leaf.checkHost(domain)) {
      throw new ApiError(
        400,
        'InvalidArgument',
        `The certificate ${certId} does not match the domain ${domain}.`,
      );
    }
    const previous = elementText(configuration, 'PreviousCertId');
    if (current && elementText(configuration, 'Force') !== 'true' && previous !== current.certId) {
      throw new ApiError(
        409,
        'InvalidArgument',
        `PreviousCertId does not match the certificate ${current.certId} the domain uses; send Force true to replace it.`,
      );
    }
    this.schedule(cname, { certId, certificatePem: held.certificatePem, createdAt: this.deps.clock.now() });
    return '';
  }

  private schedule(cname: OssCname, certificate: OssCertificate | undefined): void {
    cname.pending = { certificate, effectiveAt: this.deps.clock.now() + cname.deployDelayMs };
    cname.lastModified = this.deps.clock.now();
    this.settle(cname);
  }
}

const MALFORMED = '<html><head><title>502 Bad Gateway</title></head><body>upstream error</body></html>';

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');
const md5Base64 = (body: Buffer) => createHash('md5').update(body).digest('base64');

/** `<A><B>x</B><C>y</C></A>` → `{ 'A.B': 'x', 'A.C': 'y' }` below the root, for the call records. */
export function flattenXml(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (text: string, prefix: string) => {
    for (const match of text.matchAll(/<([A-Za-z][\w-]*)>([\s\S]*?)<\/\1>/g)) {
      const [, name = '', inner = ''] = match;
      const path = prefix ? `${prefix}.${name}` : name;
      if (/<[A-Za-z]/.test(inner)) walk(inner, path);
      else out[path] = elementText(`<x>${inner}</x>`, 'x') ?? '';
    }
  };
  const root = /<([A-Za-z][\w-]*)>([\s\S]*)<\/\1>/.exec(xml.replace(/<\?xml[^>]*\?>/, ''));
  if (root) walk(root[2] ?? '', '');
  return out;
}
