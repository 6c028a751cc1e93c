// Pure: raw action inputs → a typed Config, or one InputError listing every bad input, before any call that costs.
import { CERTIFICATE_APIS } from '../authority/port.js';
import type { Contact, ValidationMethod } from '../authority/vocabulary.js';
import {
  ACME_LIST_RULES,
  checkDomain,
  domainListProblems,
  normaliseDomain,
  parseDomainList,
} from '../core/domains.js';
import { InputError, type InputProblem } from '../core/errors.js';
import { DEPLOY_TARGETS } from '../deploy/registry.js';
import { HELD_API_VERSIONS } from '../held/port.js';
import { deployingModes, MODES, type Mode, modeEntry } from '../modes/registry.js';
import { DNS_PROVIDERS } from '../validation/registry.js';
import { readAcmeInputs } from './acme-inputs.js';
import { checkApiRequirements } from './api-rules.js';
import { parseCredentials } from './credentials.js';
import { readDeployResources } from './deploy-input.js';
import { parseHookEnv } from './hook-env.js';
import { meantForMode } from './input-names.js';
import { ALERTS, CERTIFICATE_TYPES, CREATE_OPERATIONS, type Inputs, KEY_ALGORITHMS } from './inputs.js';
import { parseNameServers } from './name-servers.js';
import { type InputReader, inputReaders, type ReportProblem } from './readers.js';
import { regionProblem } from './regions.js';
import { readServedChecks } from './verify-input.js';

export interface Config extends Inputs {
  mode: Mode;
}

const onChinaSite = (region: string) => region.startsWith('cn-');

/** The STS endpoint of a region (the international site has its own); `sts.aliyuncs.com` for China. */
function stsEndpointForRegion(region: string): string {
  return onChinaSite(region) ? 'https://sts.aliyuncs.com' : `https://sts.${region}.aliyuncs.com`;
}

/** Chinese regions use the main CAS endpoint; every other region the international site's. */
function casEndpointForRegion(region: string): string {
  return onChinaSite(region) ? 'https://cas.aliyuncs.com' : 'https://cas.ap-southeast-1.aliyuncs.com';
}

export function parseConfig(read: InputReader, env: Readonly<Record<string, string | undefined>>): Config {
  const problems: InputProblem[] = [];
  const fail: ReportProblem = (input, problem) => problems.push({ input, problem });
  const { text, oneOf, number, flag, endpoint } = inputReaders(read, fail);

  const mode = oneOf('mode', MODES, 'issue');
  const region = text('region') ?? 'cn-hangzhou';
  // A typo would pick endpoints that do not exist (ENOTFOUND), as if an endpoint input were wrong.
  const unknownRegion = regionProblem(region, text('endpoint') !== undefined);
  if (unknownRegion) fail('region', unknownRegion);
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
        : domainListProblems(
            domains,
            read('certificate-api').trim().toLowerCase() === 'acme' ? ACME_LIST_RULES : undefined,
          );
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
  const dnsHookEnv = parseHookEnv(read('dns-hook-env'), fail);
  const dnsResolvers = parseNameServers(read('dns-resolvers'), fail);
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
  const companyId = text('company-id');
  if (companyId !== undefined && !/^\d{1,20}$/.test(companyId))
    fail('company-id', `must be a decimal company id from the console's company list (got '${companyId}')`);
  if (instanceId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(instanceId))
    fail('instance-id', `must be an instance id such as cas-cn-… (got '${instanceId}')`);

  const casEndpoint = endpoint('endpoint', casEndpointForRegion(region));
  const deployResources = readDeployResources(read, fail);
  const fileValidationRoot = text('file-validation-root');
  const acmeReading = readAcmeInputs(read, fail, {
    certificateApi,
    mode,
    domains,
    validationMethod,
    dnsProvider,
    fileValidationRoot,
    deploys: deployResources.length > 0,
    flag,
  });
  const config: Config = {
    mode,
    certificateApi,
    instanceId,
    certificateType: oneOf('certificate-type', CERTIFICATE_TYPES, 'DV'),
    keyAlgorithm: oneOf('key-algorithm', KEY_ALGORITHMS, 'RSA_2048'),
    contactId,
    companyId,
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
    deployEndpoints: Object.fromEntries(
      DEPLOY_TARGETS.filter((e) => !['cdn', 'dcdn'].includes(e.target) && text(e.endpointInput)).map((e) => [
        e.target,
        endpoint(e.endpointInput, ''),
      ]),
    ),
    orderId,
    domains,
    productCode: text('product-code'),
    createOperation,
    csr,
    validationMethod,
    dnsProvider,
    dnsHook,
    dnsHookEnv,
    dnsWaitPropagation: flag('dns-wait-propagation', false),
    dnsResolvers,
    dnsTtl: number('dns-ttl', 600, { integer: true }),
    fileValidationRoot,
    contact,
    renewBeforeDays: number('renew-before-days', 30, { integer: true, allowZero: true }),
    waitTimeoutSeconds: waitTimeout(text('wait-timeout'), number, fail),
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
      resources: deployResources,
      verify: readServedChecks(read, fail),
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
    ...acmeReading,
  };
  if (config.certId !== undefined && !/^\d{1,30}$/.test(config.certId))
    fail('cert-id', `must be a decimal certificate id (got '${config.certId}')`);
  checkKeyPasswords(config, fail);
  checkModeRequirements(config, fail);
  checkApiRequirements(config, fail);
  if (problems.length > 0) throw new InputError(problems);
  return config;
}

/** 0 would order, write the record and give up before a single check: the wait is above 0 (fractions allowed). */
function waitTimeout(
  raw: string | undefined,
  number: (name: string, fallback: number) => number,
  fail: ReportProblem,
): number {
  if (raw === undefined || Number(raw) !== 0) return number('wait-timeout', 600);
  fail(
    'wait-timeout',
    "must be a number above 0 (got '0', which would order and give up before one check): for a run that " +
      'returns pending soon, give a few seconds with fail-on-pending: false',
  );
  return 600;
}

/** Fewer characters than this fall to an offline guess of an artifact or a .pfx, however slow the derivation. */
export const MIN_KEY_PASSWORD_LENGTH = 12;

function checkKeyPasswords(c: Config, fail: ReportProblem): void {
  const given = [
    ['pfx-password', c.pfxPassword],
    ['private-key-passphrase', c.privateKeyPassphrase],
  ] as const;
  for (const [input, value] of given) {
    const length = value === undefined ? undefined : [...value].length;
    if (length !== undefined && length < MIN_KEY_PASSWORD_LENGTH)
      fail(input, `must be at least ${MIN_KEY_PASSWORD_LENGTH} characters long (got ${length})`);
  }
}

/** The mode's own requirements (modes/registry.ts), then the rules every mode shares. */
function checkModeRequirements(c: Config, fail: ReportProblem): void {
  const entry = modeEntry(c.mode);
  entry.requires?.(c, fail);
  const [first] = c.deploy.resources;
  // delete reads the resources as those that must not be serving the certificate it deletes.
  if (first && !entry.deploys && !entry.readsDeployTargets) {
    const { input } = first;
    const meant = meantForMode(input, c.mode);
    fail(
      input,
      `applies to mode ${deployingModes()} (or delete, to check), not ${c.mode}${meant ? ` (did you mean ${meant}?)` : ''}`,
    );
  }
  if (c.deploy.verify.length > 0 && !first && entry.deploys)
    fail('verify-url', 'checks a deployment: list the resources to deploy to in deploy (or cdn-domains)');
  if (c.cdnDomain && checkDomain(c.cdnDomain))
    fail('cdn-domain', `is not a valid domain name: ${checkDomain(c.cdnDomain)}`);
  if (c.artifactName && !c.csr && !c.privateKeyPassphrase && !c.pfxPassword) {
    fail(
      'artifact-name',
      'needs private-key-passphrase or pfx-password: the private key is never uploaded in clear',
    );
  }
}
