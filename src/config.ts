// Pure: raw action inputs → a typed Config, or one InputError listing every bad input, before any call that costs.
import { type CredentialSource, chooseCredentialSource } from './aliyun/credentials.js';
import { checkDomain, domainListProblems, normaliseDomain, parseDomainList } from './domains.js';
import { InputError, type InputProblem } from './errors.js';
import { DNS_PROVIDERS, type DnsProvider } from './validation/registry.js';
import type { Contact, CreateOperation, ValidationMethod } from './vocabulary.js';

export const MODES = ['issue', 'renew', 'cancel', 'revoke', 'status'] as const;
export type Mode = (typeof MODES)[number];
export const CREATE_OPERATIONS: readonly CreateOperation[] = [
  'CreateCertificateForPackageRequest',
  'CreateCertificateRequest',
  'CreateCertificateWithCsrRequest',
];

export interface Config {
  mode: Mode;
  credentials: CredentialSource;
  region: string;
  /** CertRegion of CDN deployment: `cn-hangzhou` on the China site, `ap-southeast-1` on the international one. */
  certRegion: string;
  endpoints: { cas: string; dns: string; cdn: string; sts: string };
  orderId?: string;
  domains: string[];
  productCode?: string;
  createOperation: CreateOperation;
  csr?: string;
  validationMethod: ValidationMethod;
  dnsProvider: DnsProvider;
  dnsHook?: string;
  dnsWaitPropagation: boolean;
  dnsTtl: number;
  fileValidationRoot?: string;
  contact: Contact;
  renewBeforeDays: number;
  waitTimeoutSeconds: number;
  pollIntervalSeconds: number;
  maxPollIntervalSeconds: number;
  failOnPending: boolean;
  outputDir?: string;
  pfxPassword?: string;
  privateKeyPassphrase?: string;
  artifactName?: string;
  /** 0: the repository's default. */
  artifactRetentionDays: number;
  cdnDomain?: string;
  /** `renew`: renew now even when not due. */
  force: boolean;
}

export type InputReader = (name: string) => string;

/** Chinese regions use the main CAS endpoint; every other region the international site's. */
/** The STS endpoint of a region (the international site has its own); `sts.aliyuncs.com` for China. */
export function stsEndpointForRegion(region: string): string {
  return region.startsWith('cn-') ? 'https://sts.aliyuncs.com' : `https://sts.${region}.aliyuncs.com`;
}

export function casEndpointForRegion(region: string): string {
  return region.startsWith('cn-') ? 'https://cas.aliyuncs.com' : 'https://cas.ap-southeast-1.aliyuncs.com';
}

const onChinaSite = (region: string) => region.startsWith('cn-');

export function parseConfig(read: InputReader, env: Readonly<Record<string, string | undefined>>): Config {
  const problems: InputProblem[] = [];
  const fail = (input: string, problem: string) => problems.push({ input, problem });
  const text = (name: string) => read(name).trim() || undefined;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name) ?? fallback;
    const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (!match) fail(name, `must be one of ${allowed.join(', ')} (got '${raw}')`);
    return match ?? fallback;
  };
  const number = (name: string, fallback: number, { integer = false, min = 0, allowZero = false } = {}) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    const ok =
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      (allowZero ? value >= min : value > min);
    const kind = integer ? 'a whole number' : 'a number';
    if (!ok)
      fail(name, `must be ${kind} ${allowZero ? `of at least ${min}` : `above ${min}`} (got '${raw}')`);
    return ok ? value : fallback;
  };
  // The runner's boolean rules (core.getBooleanInput, the YAML 1.2 core schema): nothing else is a boolean.
  const flag = (name: string, fallback: boolean) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    fail(name, `must be true or false (got '${raw}')`);
    return fallback;
  };
  const endpoint = (name: string, fallback: string) => {
    const raw = text(name) ?? fallback;
    const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
    try {
      const url = new URL(withScheme);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
      return url.origin;
    } catch {
      fail(name, `must be an http(s) URL such as https://cas.aliyuncs.com (got '${raw}')`);
      return fallback;
    }
  };

  const mode = oneOf('mode', MODES, 'issue');
  const region = text('region') ?? 'cn-hangzhou';
  const credentials = parseCredentials(read, env, fail);
  if (!onChinaSite(region) && /free/i.test(text('product-code') ?? '')) {
    fail(
      'product-code',
      `names a free product, which exists on the China site only, not in region ${region}`,
    );
  }

  const orderId = text('order-id');
  if (orderId !== undefined && !/^\d{1,30}$/.test(orderId))
    fail('order-id', `must be a decimal order id (got '${orderId}')`);

  const domains = parseDomainList(read('domains')).map(normaliseDomain);
  // Every problem of the list at once; a CSR's names meet the same rules in main.ts (checkFinalDomains).
  if (domains.length > 0) for (const problem of domainListProblems(domains)) fail('domains', problem);

  const createOperation = oneOf('create-operation', CREATE_OPERATIONS, 'CreateCertificateForPackageRequest');
  const csr = text('csr');
  if (csr !== undefined && !/-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(csr)) {
    fail('csr', 'must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)');
  }
  const validationMethod = oneOf<ValidationMethod>('validation-method', ['DNS', 'FILE'], 'DNS');
  const dnsProvider = oneOf('dns-provider', DNS_PROVIDERS, 'alidns');
  const dnsHook = text('dns-hook');
  const contact: Contact = {
    name: text('contact-name'),
    phone: text('contact-phone'),
    email: text('contact-email'),
    companyName: text('company-name'),
  };
  const pollIntervalSeconds = number('poll-interval', 5);
  const maxPollIntervalSeconds = number('max-poll-interval', 60);
  if (maxPollIntervalSeconds < pollIntervalSeconds) {
    fail('max-poll-interval', `must not be below poll-interval (${pollIntervalSeconds})`);
  }

  const config: Config = {
    mode,
    credentials,
    region,
    certRegion: onChinaSite(region) ? 'cn-hangzhou' : 'ap-southeast-1',
    endpoints: {
      sts: endpoint('sts-endpoint', stsEndpointForRegion(region)),
      cas: endpoint('endpoint', casEndpointForRegion(region)),
      dns: endpoint('dns-endpoint', 'https://alidns.aliyuncs.com'),
      cdn: endpoint('cdn-endpoint', 'https://cdn.aliyuncs.com'),
    },
    orderId,
    domains,
    productCode: text('product-code'),
    createOperation,
    csr,
    validationMethod,
    dnsProvider,
    dnsHook,
    dnsWaitPropagation: flag('dns-wait-propagation', false),
    dnsTtl: number('dns-ttl', 600, { integer: true }),
    fileValidationRoot: text('file-validation-root'),
    contact,
    renewBeforeDays: number('renew-before-days', 30, { integer: true, allowZero: true }),
    waitTimeoutSeconds: number('wait-timeout', 600, { allowZero: true }),
    pollIntervalSeconds,
    maxPollIntervalSeconds,
    failOnPending: flag('fail-on-pending', true),
    outputDir: text('output-dir'),
    pfxPassword: text('pfx-password'),
    privateKeyPassphrase: text('private-key-passphrase'),
    artifactName: text('artifact-name'),
    artifactRetentionDays: number('artifact-retention-days', 0, { integer: true, allowZero: true }),
    cdnDomain: text('cdn-domain'),
    force: flag('force', false),
  };
  checkModeRequirements(config, fail);
  if (problems.length > 0) throw new InputError(problems);
  return config;
}

/** The credentials part: one source as a whole (src/aliyun/credentials.ts), and what it lacks. */
function parseCredentials(
  read: InputReader,
  env: Readonly<Record<string, string | undefined>>,
  fail: (input: string, problem: string) => void,
): CredentialSource {
  const text = (name: string) => read(name).trim() || undefined;
  const rawDuration = text('role-duration') ?? '3600';
  const durationSeconds = Number(rawDuration);
  const runId = env.GITHUB_RUN_ID?.trim();
  const source = chooseCredentialSource(
    {
      accessKeyId: read('access-key-id'),
      accessKeySecret: read('access-key-secret'),
      securityToken: read('security-token'),
      roleArn: read('role-arn'),
      oidcProviderArn: read('oidc-provider-arn'),
    },
    env,
    {
      audience: text('audience') ?? 'sts.aliyuncs.com',
      roleSessionName: text('role-session-name') ?? `github-${runId || 'local'}`,
      durationSeconds,
    },
  );
  if (source.kind === 'access-key') {
    if (!source.key.accessKeyId) {
      fail('access-key-id', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_ID, or give role-arn)');
    }
    if (!source.key.accessKeySecret) {
      fail('access-key-secret', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_SECRET)');
    }
    return source;
  }
  const { role } = source;
  if (!role.roleArn) fail('role-arn', 'is required with oidc-provider-arn');
  else if (!/^acs:ram::\d+:role\/.+/.test(role.roleArn))
    fail('role-arn', `must look like acs:ram::<account id>:role/<name> (got '${role.roleArn}')`);
  if (!role.oidcProviderArn) fail('oidc-provider-arn', 'is required with role-arn');
  else if (!/^acs:ram::\d+:oidc-provider\/.+/.test(role.oidcProviderArn)) {
    fail(
      'oidc-provider-arn',
      `must look like acs:ram::<account id>:oidc-provider/<name> (got '${role.oidcProviderArn}')`,
    );
  }
  if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 3600)
    fail('role-duration', `must be a whole number of seconds from 900 to 3600 (got '${rawDuration}')`);
  if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(role.roleSessionName)) {
    fail('role-session-name', `must be 2 to 64 letters, digits or . @ _ - (got '${role.roleSessionName}')`);
  }
  const githubOidc = env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!githubOidc && !role.tokenFile) {
    fail(
      'role-arn',
      'needs a GitHub OIDC token, and this job has none: add `permissions: id-token: write` to the job ' +
        '(or set ALIBABA_CLOUD_OIDC_TOKEN_FILE to a file holding the token)',
    );
  }
  return source;
}

function checkModeRequirements(c: Config, fail: (input: string, problem: string) => void): void {
  if (c.mode === 'issue') {
    if (c.domains.length === 0 && !c.csr && !c.orderId) {
      fail('domains', 'is required for mode issue (or give csr, or order-id to resume an order)');
    }
    const needsContact = c.createOperation !== 'CreateCertificateForPackageRequest';
    if (needsContact) {
      for (const [input, value] of [
        ['contact-name', c.contact.name],
        ['contact-phone', c.contact.phone],
        ['contact-email', c.contact.email],
      ] as const) {
        if (!value) fail(input, `is required with create-operation ${c.createOperation}`);
      }
    }
    if (c.createOperation === 'CreateCertificateRequest' && c.domains.length > 1) {
      fail('domains', 'must hold exactly one name with create-operation CreateCertificateRequest');
    }
    if (c.createOperation === 'CreateCertificateWithCsrRequest' && !c.csr) {
      fail('csr', 'is required with create-operation CreateCertificateWithCsrRequest');
    }
    if (c.dnsProvider === 'hook' && c.validationMethod === 'DNS' && !c.dnsHook) {
      fail('dns-hook', 'is required with dns-provider hook');
    }
  }
  if ((c.mode === 'cancel' || c.mode === 'revoke') && !c.orderId)
    fail('order-id', `is required for mode ${c.mode}`);
  if (c.mode === 'renew' && !c.orderId && c.domains.length === 0) {
    fail('order-id', 'or domains is required for mode renew');
  }
  if (c.cdnDomain && checkDomain(c.cdnDomain))
    fail('cdn-domain', `is not a valid domain name: ${checkDomain(c.cdnDomain)}`);
  if (c.artifactName && !c.csr && !c.privateKeyPassphrase && !c.pfxPassword) {
    fail(
      'artifact-name',
      'needs private-key-passphrase or pfx-password: the private key is never uploaded in clear',
    );
  }
}
