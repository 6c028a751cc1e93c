// Pure: raw action inputs → a typed Config, or one InputError listing every bad input, before any call that costs.
import { type CredentialSource, chooseCredentialSource } from '../aliyun/credentials.js';
import { CERTIFICATE_APIS, type CertificateApiInput } from '../authority/port.js';
import type { Contact, CreateOperation, ValidationMethod } from '../authority/vocabulary.js';
import { checkDomain, domainListProblems, normaliseDomain, parseDomainList } from '../core/domains.js';
import { InputError, type InputProblem } from '../core/errors.js';
import { DEPLOY_TARGETS, inputOf } from '../deploy/registry.js';
import type { DeployResource } from '../deploy/target.js';
import { HELD_API_VERSIONS, type HeldApiVersion } from '../held/port.js';
import { DNS_PROVIDERS, type DnsProvider } from '../validation/registry.js';

export const MODES = [
  'issue',
  'renew',
  'cancel',
  'revoke',
  'status',
  'upload',
  'download',
  'delete',
  'list',
  'deploy',
  'plan',
] as const;
/** The modes that hand a certificate to the deploy targets (docs/deploy.md). */
const DEPLOYING_MODES: readonly string[] = ['issue', 'renew', 'upload', 'deploy'];
export const ALERTS = ['none', 'issue'] as const;
export type Alert = (typeof ALERTS)[number];
export type Mode = (typeof MODES)[number];
export const CREATE_OPERATIONS: readonly CreateOperation[] = [
  'CreateCertificateForPackageRequest',
  'CreateCertificateRequest',
  'CreateCertificateWithCsrRequest',
];

export const CERTIFICATE_TYPES = ['DV', 'OV', 'EV'] as const;
export const KEY_ALGORITHMS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_256'] as const;

export interface Config {
  mode: Mode;
  /** Which certificate API (docs/certificate-apis.md); `auto` decides per run. */
  certificateApi: CertificateApiInput;
  /** A V2.0 instance, or a 2018 DV instance (`cas-…`). */
  instanceId?: string;
  certificateType: (typeof CERTIFICATE_TYPES)[number];
  keyAlgorithm: (typeof KEY_ALGORITHMS)[number];
  contactId?: string;
  /** 2018 DV applications: the applicant's location. */
  province: string;
  city: string;
  credentials: CredentialSource;
  region: string;
  /** CertRegion of CDN deployment: `cn-hangzhou` on the China site, `ap-southeast-1` on the international one. */
  certRegion: string;
  /** `cas2018`: the 2018-07-13 API answers at cas.aliyuncs.com for every region (docs/held-certificates.md). */
  endpoints: { cas: string; cas2018: string; dns: string; cdn: string; dcdn: string; sts: string };
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
  /** A certificate at the service (`deploy`, `download`, `delete`). */
  certId?: string;
  /** The listed resources are also what `delete` checks before deleting. */
  deploy: DeployConfig;
  /** Certificates held at the service (`upload`, `download`, `delete`, `list`). */
  held: HeldInputs;
  /** `plan`: the fleet, inline JSON or a file path (read by the plan flow). */
  certificates?: string;
  alert: Alert;
  alertBeforeDays: number;
  /** For `alert: issue`; masked by main before anything is printed. */
  githubToken?: string;
  /** `renew`: renew now even when not due. */
  force: boolean;
}

/** Where the certificate goes after `issue`, `renew`, `upload`, or with `mode: deploy` (docs/deploy.md). */
export interface DeployConfig {
  /** Every target's resources, as its input gives them, in the order of src/deploy/registry.ts. */
  resources: DeployResource[];
  timeoutSeconds: number;
  deleteSuperseded: boolean;
}

export interface HeldInputs {
  apiVersion: HeldApiVersion;
  /** `certificate` (PEM, leaf then chain) or the file `certificate-file` names. */
  certificate?: string;
  certificateFile?: string;
  /** `private-key` (masked by the runner before anything is printed) or the file `private-key-file` names. */
  privateKey?: string;
  privateKeyFile?: string;
  certificateName?: string;
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
  // Every problem of the list at once; a CSR's names meet the same rules in action/main.ts (checkFinalDomains). For
  // `list` the names only filter: the ordering rules (at most 5, not mixed) do not apply.
  if (domains.length > 0) {
    const problems =
      mode === 'list'
        ? domains.map(checkDomain).filter((p): p is string => p !== undefined)
        : domainListProblems(domains);
    for (const problem of problems) fail('domains', problem);
  }

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

  const certificateApi = oneOf('certificate-api', CERTIFICATE_APIS, 'auto');
  const instanceId = text('instance-id');
  const contactId = text('contact-id');
  if (contactId !== undefined && !/^\d{1,20}$/.test(contactId))
    fail('contact-id', `must be a decimal contact id from ListContact (got '${contactId}')`);
  if (instanceId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(instanceId))
    fail('instance-id', `must be an instance id such as cas-cn-… (got '${instanceId}')`);

  const casEndpoint = endpoint('endpoint', casEndpointForRegion(region));
  const config: Config = {
    mode,
    certificateApi,
    instanceId,
    certificateType: oneOf('certificate-type', CERTIFICATE_TYPES, 'DV'),
    keyAlgorithm: oneOf('key-algorithm', KEY_ALGORITHMS, 'RSA_2048'),
    contactId,
    province: text('province') ?? 'Zhejiang',
    city: text('city') ?? 'Hangzhou',
    credentials,
    region,
    certRegion: onChinaSite(region) ? 'cn-hangzhou' : 'ap-southeast-1',
    endpoints: {
      sts: endpoint('sts-endpoint', stsEndpointForRegion(region)),
      cas: casEndpoint,
      cas2018: text('endpoint') ? casEndpoint : 'https://cas.aliyuncs.com',
      dns: endpoint('dns-endpoint', 'https://alidns.aliyuncs.com'),
      cdn: endpoint('cdn-endpoint', 'https://cdn.aliyuncs.com'),
      dcdn: endpoint('dcdn-endpoint', 'https://dcdn.aliyuncs.com'),
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
    certId: text('cert-id'),
    deploy: {
      resources: deployResources(read, fail),
      timeoutSeconds: number('deploy-timeout', 300),
      deleteSuperseded: flag('delete-superseded', false),
    },
    held: {
      apiVersion: oneOf('api-version', HELD_API_VERSIONS, '2020-04-07'),
      certificate: text('certificate'),
      certificateFile: text('certificate-file'),
      privateKey: text('private-key'),
      privateKeyFile: text('private-key-file'),
      certificateName: text('certificate-name'),
    },
    certificates: text('certificates'),
    alert: oneOf('alert', ALERTS, 'none'),
    alertBeforeDays: number('alert-before-days', 7, { integer: true, allowZero: true }),
    githubToken: text('github-token') ?? (env.GITHUB_TOKEN?.trim() || undefined),
    force: flag('force', false),
  };
  if (config.certId !== undefined && !/^\d{1,30}$/.test(config.certId))
    fail('cert-id', `must be a decimal certificate id (got '${config.certId}')`);
  checkModeRequirements(config, fail);
  checkApiRequirements(config, fail);
  if (problems.length > 0) throw new InputError(problems);
  return config;
}

/** Each registered target's input, read and checked under the target's own rule (src/deploy/registry.ts). */
function deployResources(
  read: InputReader,
  fail: (input: string, problem: string) => void,
): DeployResource[] {
  return DEPLOY_TARGETS.flatMap(({ target, input, resources: rule }) => {
    const { resources, problems } = rule(read(input));
    for (const problem of problems) fail(input, problem);
    return resources.map((resource) => ({ target, resource }));
  });
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
    if (c.domains.length === 0 && !c.csr && !c.orderId && !c.instanceId) {
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
  if ((c.mode === 'cancel' || c.mode === 'revoke') && !c.orderId && !c.instanceId)
    fail('order-id', `(or instance-id) is required for mode ${c.mode}`);
  if (c.mode === 'renew' && !c.orderId && c.domains.length === 0) {
    fail('order-id', 'or domains is required for mode renew');
  }
  const deployTo = c.deploy.resources;
  if (c.mode === 'deploy') {
    if (!c.certId) fail('cert-id', 'is required for mode deploy (the certificate at the service to deploy)');
    const [first, ...others] = DEPLOY_TARGETS.map((entry) => entry.input);
    if (deployTo.length === 0) fail(first ?? '', `or ${others.join(' or ')} is required for mode deploy`);
  } else if (deployTo.length > 0 && c.mode !== 'delete' && !DEPLOYING_MODES.includes(c.mode)) {
    // delete reads the resources as those that must not be serving the certificate it deletes.
    const input = inputOf(deployTo[0]?.target ?? '');
    fail(input, `applies to mode issue, renew, upload or deploy (or delete, to check), not ${c.mode}`);
  }
  checkHeldInputs(c, fail);
  if (c.mode === 'plan' && !c.certificates)
    fail(
      'certificates',
      'is required for mode plan (a JSON array of entries, or the path of a file holding one)',
    );
  if (c.cdnDomain && checkDomain(c.cdnDomain))
    fail('cdn-domain', `is not a valid domain name: ${checkDomain(c.cdnDomain)}`);
  if (c.artifactName && !c.csr && !c.privateKeyPassphrase && !c.pfxPassword) {
    fail(
      'artifact-name',
      'needs private-key-passphrase or pfx-password: the private key is never uploaded in clear',
    );
  }
}

/** A certificate name: at most 63 characters (UploadUserCertificate), none of them a space or a control character. */
const CERTIFICATE_NAME = /^[^\s\p{Cc}]{1,63}$/u;

function checkHeldInputs(c: Config, fail: (input: string, problem: string) => void): void {
  const h = c.held;
  if ((c.mode === 'download' || c.mode === 'delete') && c.certId === undefined)
    fail('cert-id', `is required for mode ${c.mode} (list the certificates with mode: list)`);
  if (c.mode !== 'upload') return;
  const exactlyOne = (inline: string, file: string, a?: string, b?: string) => {
    if (a === undefined && b === undefined) fail(inline, `or ${file} is required for mode upload`);
    if (a !== undefined && b !== undefined) fail(file, `cannot be given together with ${inline}`);
  };
  exactlyOne('certificate', 'certificate-file', h.certificate, h.certificateFile);
  exactlyOne('private-key', 'private-key-file', h.privateKey, h.privateKeyFile);
  if (h.certificate !== undefined && !h.certificate.includes('-----BEGIN CERTIFICATE-----'))
    fail('certificate', 'must be PEM (-----BEGIN CERTIFICATE-----), the leaf first, then its chain');
  if (h.privateKey !== undefined && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(h.privateKey))
    fail('private-key', 'must be an unencrypted PEM private key (-----BEGIN PRIVATE KEY-----)');
  if (h.certificateName !== undefined && !CERTIFICATE_NAME.test(h.certificateName))
    fail('certificate-name', `must be 1 to 63 characters without spaces (got '${h.certificateName}')`);
}

/** The certificate API's own rules (docs/certificate-apis.md), checked before any call. */
function checkApiRequirements(c: Config, fail: (input: string, problem: string) => void): void {
  const api = c.certificateApi;
  if (api === 'order' && c.instanceId)
    fail('instance-id', 'names an instance, which certificate-api order does not use');
  if ((api === 'instance' || api === 'legacy-dv') && c.orderId)
    fail('order-id', `names an order, which certificate-api ${api} does not use (give instance-id)`);
  if (c.orderId && c.instanceId) fail('instance-id', 'and order-id cannot both be given');
  if (api !== 'legacy-dv') return;
  if (c.instanceId && !/^cas-/.test(c.instanceId))
    fail(
      'instance-id',
      `must be a 2018 DV instance id (cas-cn-…) with certificate-api legacy-dv (got '${c.instanceId}')`,
    );
  if (c.mode === 'cancel' || c.mode === 'revoke')
    fail(
      'certificate-api',
      `legacy-dv has no operation for mode ${c.mode} (the 2018 DV API cannot withdraw or revoke)`,
    );
  if (c.mode !== 'issue') return;
  // CreateDVOrderAudit takes all eight as required (004, CreateDVOrderAudit).
  for (const [input, value] of [
    ['contact-name', c.contact.name],
    ['contact-phone', c.contact.phone],
    ['contact-email', c.contact.email],
  ] as const) {
    if (!value) fail(input, 'is required with certificate-api legacy-dv (CreateDVOrderAudit needs it)');
  }
  if (c.domains.length > 1) fail('domains', 'must hold exactly one name with certificate-api legacy-dv');
  if (c.csr) fail('csr', 'is not accepted by the 2018 DV API (certificate-api legacy-dv)');
}
