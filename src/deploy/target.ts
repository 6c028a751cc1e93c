// The deploy target port: a product that serves certificates on resources (CDN and DCDN domains today; a
// load-balancer listener, a bucket's domain, a site next). A target owns its rules: how its resources are written
// (its registry line), whether a certificate covers one, what its product's answers mean. Adding a target is a file
// beside this one and one line in registry.ts (docs/deploy.md).
import type { OssRequester } from '../aliyun/oss-request.js';
import type { RoaRequest } from '../aliyun/roa.js';
import type { RpcClient } from '../aliyun/rpc.js';
import type { CdnService } from '../services/cdn.js';

/**
 * One resource to deploy to, as its input gives it: `{ target: 'cdn', resource: '*.example.com', input:
 * 'cdn-domains' }`, or from a `deploy` line `alb: lsn-1@cn-hangzhou sni`: `{ target: 'alb', resource:
 * 'lsn-1@cn-hangzhou sni', input: 'deploy' }`. The resource text is its target's to read (its ResourceRule).
 */
export interface DeployResource {
  /** The registry key of its target (`cdn`, `dcdn`, `alb`). */
  target: string;
  /** As given after the target's name: outputs and the summary name it so. */
  resource: string;
  /** The input it came from (`deploy`, or the shorthand `cdn-domains`/`dcdn-domains`): messages name it. */
  input: string;
}

/**
 * How a target's resources are written (pure; config reads it before any call): the text of a shorthand input (a
 * list) or of one `deploy` line after `<target>:`, into resources, each checked, every problem reported.
 */
export type ResourceRule = (text: string) => { resources: string[]; problems: string[] };

/** What a resource serves now, in the engine's words, read by its target from the product's answer. */
export interface Serving {
  /** The resource's default certificate, as its id at Certificate Management Service (`123`, never `123-cn-hangzhou`). */
  certId?: string;
  /**
   * An `sni` resource's extension certificates (a listener's additional certificates, a CLB domain extension's),
   * CAS ids. On such a resource the certificate is served when it is one of these; those it supersedes are
   * detached (`DeployTarget.detach`) once it is served.
   */
  extensions?: string[];
  /** The certificate it names is what clients get now (CDN: Status success, HTTPS on). */
  inEffect: boolean;
  /** A switch still under way that time settles, so a set is waited for, not sent again (CDN: `checking`). */
  settling: boolean;
  /** Why no waiting makes a certificate take effect there (CDN: `cname_error: no valid CNAME record …`). */
  failure?: string;
  /** Held at Certificate Management Service: false for a product's own free certificate (nothing to delete). */
  held: boolean;
  /** Since when the resource has served it, where the product says (CDN: `CertUpdateTime`). */
  since?: Date;
  /** A few words for the log: `certificate 123, checking, HTTPS off`. */
  summary: string;
}

export interface DeployTarget {
  /** `CDN`, `DCDN`: how messages, the summary and the outputs name the product. */
  readonly label: string;
  /** The input that lists its resources (its shorthand, or `deploy`); a job's own input is `DeployJob.input`. */
  readonly input: string;
  /** The input naming its product's endpoint, for the hint when a resource is not in the account. */
  readonly endpointInput: string;
  /** The resource in a message: `CDN domain static.example.com`. */
  describe(resource: string): string;
  /** Whether a certificate with these names may be served there. */
  covers(names: string[], resource: string): boolean;
  /** Reads what the resource serves. */
  serving(resource: string): Promise<Serving>;
  /** Sets a certificate held at Certificate Management Service on the resource (HTTPS on). */
  set(resource: string, certId: string): Promise<void>;
  /** The product's answer for a resource that is not in the account. */
  isMissing(code: string): boolean;
  /**
   * Optional, before the run orders anything (the modes that deploy after their run): why the resource cannot
   * take a certificate (not in the account, say), or nothing. A target without it is checked when it deploys.
   */
  check?(resource: string): Promise<string | undefined>;
  /** Whether the resource takes the certificate as an extension (SNI) certificate: a `deploy` line's ` sni`. */
  isExtension?(resource: string): boolean;
  /**
   * Detaches extension certificates (CAS ids) the new one superseded or that expired: an `sni` resource's. Says
   * which it let go when not all (a CLB domain extension holds one certificate: an expired one the new one does
   * not cover stays, or that name would lose HTTPS); nothing said is all of them.
   */
  detach?(resource: string, certIds: string[]): Promise<string[] | undefined>;
  /** The region the resource is in, for the `deployed` output (`cn-hangzhou`); none for a global product (CDN). */
  regionOf?(resource: string): string | undefined;
  /**
   * Certificates (CAS ids) other resources of the product in the account still use, beyond the listed ones: a
   * superseded certificate one of them names is kept. Optional: without it only the listed resources are asked.
   */
  alsoInUse?(certIds: string[]): Promise<string[]>;
}

/** The product services wiring builds once, for the targets (src/action/wiring.ts). */
export interface TargetServices {
  cdn: CdnService;
  dcdn: CdnService;
  /** The signed RPC client (credentials, retries, the run's deadline) a new product's target calls through. */
  client: RpcClient;
  /**
   * Signed OSS requests (REST, its own signature): the same credentials, retries and deadline as `client`.
   * Wiring always builds it; optional so a test of another target need not.
   */
  oss?: OssRequester;
  /**
   * Signed ROA requests (ACS3-HMAC-SHA256; Function Compute 3.0, cloud-native API Gateway) through `client`:
   * the same credentials, retries, deadline and error reading; answers are the parsed JSON object. Wiring
   * always builds it (and `certificateWithKey`); optional so a test of another target need not.
   */
  roa?: { call(req: RoaRequest): Promise<Record<string, unknown>> };
  /**
   * A certificate at the service with its chain and private key, for a product that takes PEM rather than a CAS
   * id (Function Compute 3.0): the key is registered as a secret before this returns (held-certificate.ts).
   */
  certificateWithKey?(certId: string): Promise<HeldCertificateWithKey>;
  /** A certificate at the service without its key (its names, expiry, SHA-256): what a PEM product compares. */
  certificateFacts?(certId: string): Promise<HeldCertificateFacts>;
  /**
   * The endpoint its `<target>-endpoint` input gives (every region then goes there: tests, a private endpoint),
   * or undefined: the target picks its product's endpoint for the resource's region.
   */
  endpointOverride(target: string): string | undefined;
}

/** A target's options: what it needs of the config, never the whole of it. */
export interface TargetOptions {
  /** Where the certificate is held: `cn-hangzhou` on the China site, `ap-southeast-1` on the international one. */
  certRegion: string;
  /** The `region` input: a resource's region when its line names none (`alb: lsn-1` is `lsn-1@<region>`). */
  region: string;
  /** The `contact-id` input: the contact a CAS deployment job names (else the account's first). */
  contactId?: string;
}

export type DeployTargetFactory = (services: TargetServices, options: TargetOptions) => DeployTarget;

/** A `verify-url`: the TLS handshake that proves what clients get (src/deploy/served-check.ts). */
export interface ServedCheck {
  /** As the summary names it: `https://static.example.com`. */
  url: string;
  /** The SNI name: the URL's host, unless it is an address. */
  servername?: string;
  /** Where to connect: the URL's host and port, or what `verify-connect-to` maps them to. */
  host: string;
  port: number;
}

/** What a certificate at the service is, as the deploy step needs it, read without fetching its private key. */
export interface HeldCertificateFacts {
  names: string[];
  notAfter?: Date;
  /** Upper-case hex without colons, as the service gives `Sha2`: what `verify-url` compares. */
  sha256?: string;
}

/** A certificate at the service as a product that takes PEM needs it. */
export interface HeldCertificateWithKey {
  certId: string;
  /** The leaf first, then the chain, as the service gives `Cert`. */
  certificatePem: string;
  /** Masked (a secret of the run) before anything could log it. */
  privateKeyPem: string;
  names: string[];
  notAfter?: Date;
}

/** One listed resource with its target loaded. */
export interface DeployJob {
  /** Its registry key (`alb`): the `deployed` output names the target so. */
  key: string;
  target: DeployTarget;
  resource: string;
  /** The input that listed it (`deploy`, `cdn-domains`). */
  input: string;
}

/** What the flows are given for deploying, built in wiring; the target code loads on the first call. */
export interface DeployServices {
  /** Every listed resource, in the registry's order, each with its target. None listed: nothing is loaded. */
  jobs(): Promise<DeployJob[]>;
  /** Each listed resource's own check (`DeployTarget.check`), every problem naming its target's input. */
  preflight(): Promise<Array<{ input: string; problem: string }>>;
  /** A certificate at the service (`mode: deploy`, an extension it may supersede), without its private key. */
  describeCertificate(certId: string): Promise<HeldCertificateFacts>;
}
