import { s as setSecret, b as setOutput, c as summary, i as info, w as warning, d as debug, g as getInput, n as notice, f as getState, h as saveState, j as setFailed } from './actions-core-gmUlULAG.js';
import { readFile, mkdir, writeFile, chmod, mkdtemp, rm } from 'node:fs/promises';
import { p as parseDomainList, n as normaliseDomain, c as checkDomain, a as checkDomainSet, v as validationBaseName, s as sameDomainSet, b as validationRecordNames, z as zoneResolver } from './records-mpoW_6HM.js';
import { I as InputError, F as FlowError } from './errors-zb-a6KJc.js';
import { D as DNS_PROVIDERS, r as removeChallengeRecords, e as emptyResult, n as namesWithoutZone, c as createValidationStrategy, p as providerOfItem } from './index-aFQL8rlX.js';
import { tmpdir } from 'node:os';
import { resolve, join, basename } from 'node:path';
import { d as daysRemaining, s as splitPemBundle, C as CertificateCheckError, a as describeCertificate, c as checkIssuedCertificate, r as renewalWindowDays } from './certificate-BC3APJPC.js';
import { i as isoSeconds, a as isoDay, D as DAY_MS, b as isRecord } from './time-CzlFEmYE.js';
import { createPrivateKey, webcrypto, X509Certificate, createHash, randomUUID } from 'node:crypto';
import { A as AliyunApiError } from './errors-C5QZtfof.js';
import { n as nextPollDelayMs, r as resolveCertificateApi, l as listOrdersForDomains, i as inFlightOrder, a as latestIssued, b as reconcileUncertainCreate, c as isFreeProduct, d as isIssued, p as parseListStatus } from './poll-BJpBLDDy.js';
import { describeChallenge } from './manual-orYktHVl.js';
import { T as THROTTLING_RETRY_POLICY, D as DEFAULT_RETRY_POLICY, m as mayRetry, n as nextRetryDelayMs, p as policyFor, a as parseRetryAfterMs, c as classifyServiceError, f as formatTimestamp, s as signRpcV1, b as sha256Hex, d as acs3Authorization, e as percentEncode, t as textField, l as listField, i as idField, g as numberField, h as dateField } from './fields-DJwOeL8b.js';
import 'path';
import 'os';
import 'crypto';
import 'fs';
import 'node:url';
import './cleanup-BqwXa20V.js';

// The one credentials chain, chosen as a whole (never one field from here and one from there):
// the inputs (role inputs first, then access-key inputs with their own security-token), else an OIDC role
// named in the environment, else the first complete access key among the environment's variable families.
/** The families that configure-aliyun-credentials-action and the Alibaba Cloud tools export, in order. */
const ENV_FAMILIES = [
    {
        id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
        secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
        tokens: ['ALIBABA_CLOUD_SECURITY_TOKEN'],
    },
    {
        id: 'ALICLOUD_ACCESS_KEY',
        secret: 'ALICLOUD_SECRET_KEY',
        tokens: ['ALICLOUD_SECURITY_TOKEN', 'ALICLOUD_ACCESS_KEY_STS_TOKEN'],
    },
    {
        id: 'ALIBABACLOUD_ACCESS_KEY_ID',
        secret: 'ALIBABACLOUD_ACCESS_KEY_SECRET',
        tokens: ['ALIBABACLOUD_SECURITY_TOKEN'],
    },
];
/** Pure: picks the one source. A role given by half (arn without provider) is reported by config.ts. */
function chooseCredentialSource(inputs, env, settings) {
    const value = (v) => v?.trim() || undefined;
    const envValue = (name) => value(env[name]);
    const githubOidc = envValue('ACTIONS_ID_TOKEN_REQUEST_URL') && envValue('ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    const tokenFile = githubOidc ? undefined : envValue('ALIBABA_CLOUD_OIDC_TOKEN_FILE');
    const role = (roleArn, oidcProviderArn) => ({
        roleArn,
        oidcProviderArn,
        ...settings,
        ...(tokenFile ? { tokenFile } : {}),
    });
    const roleArn = value(inputs.roleArn);
    const providerArn = value(inputs.oidcProviderArn);
    if (roleArn || providerArn) {
        return { kind: 'oidc-role', from: 'inputs', role: role(roleArn ?? '', providerArn ?? '') };
    }
    const keyId = value(inputs.accessKeyId);
    const keySecret = value(inputs.accessKeySecret);
    const token = value(inputs.securityToken);
    // Any key input picks the inputs: what they lack is reported, never filled in from the environment.
    if (keyId || keySecret || token) {
        const key = { accessKeyId: keyId, accessKeySecret: keySecret };
        if (token)
            key.securityToken = token;
        return { kind: 'access-key', from: 'inputs', key };
    }
    const envRole = envValue('ALIBABA_CLOUD_ROLE_ARN');
    const envProvider = envValue('ALIBABA_CLOUD_OIDC_PROVIDER_ARN');
    if (envRole && envProvider) {
        return {
            kind: 'oidc-role',
            from: 'environment (ALIBABA_CLOUD_ROLE_ARN)',
            role: role(envRole, envProvider),
        };
    }
    for (const family of ENV_FAMILIES) {
        const accessKeyId = envValue(family.id);
        const accessKeySecret = envValue(family.secret);
        if (!accessKeyId || !accessKeySecret)
            continue;
        const securityToken = family.tokens.map(envValue).find(Boolean);
        return {
            kind: 'access-key',
            from: `environment (${family.id})`,
            key: { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) },
        };
    }
    return { kind: 'access-key', from: 'nowhere', key: {} };
}
/** Which source signs the calls, for the log and the summary: never a value of it but the role's name. */
function describeCredentialSource(source) {
    if (source.kind === 'access-key') {
        return `access key from ${source.from}${source.key.securityToken ? ', with its security token' : ''}`;
    }
    const token = source.role.tokenFile ? 'ID token from ALIBABA_CLOUD_OIDC_TOKEN_FILE' : "the job's ID token";
    return `OIDC role ${source.role.roleArn} (from ${source.from}, ${token})`;
}
/** Every secret value of every environment family, to mask before anything is printed. */
function environmentSecrets(env) {
    return ENV_FAMILIES.flatMap((f) => [f.secret, ...f.tokens])
        .map((name) => env[name]?.trim())
        .filter((v) => Boolean(v));
}
/** Renew this long before the temporary key expires, so no call is signed with a key about to lapse. */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
function createCredentialsProvider(source, deps) {
    if (source.kind === 'access-key') {
        const key = source.key;
        for (const secret of [key.accessKeySecret, key.securityToken])
            if (secret)
                deps.maskSecret(secret);
        return async () => key;
    }
    const now = deps.now ?? Date.now;
    const { role } = source;
    let current;
    let pending;
    const assume = async () => {
        const oidcToken = role.tokenFile
            ? (await readFile(role.tokenFile, 'utf8')).trim()
            : await deps.getIdToken(role.audience);
        deps.maskSecret(oidcToken);
        return deps.sts.assumeRoleWithOidc({
            roleArn: role.roleArn,
            oidcProviderArn: role.oidcProviderArn,
            oidcToken,
            roleSessionName: role.roleSessionName,
            durationSeconds: role.durationSeconds,
            maskSecret: deps.maskSecret,
        });
    };
    return async () => {
        if (!current || now() >= current.expiresAt.getTime() - RENEW_BEFORE_EXPIRY_MS) {
            pending ??= assume().finally(() => {
                pending = undefined;
            });
            current = await pending;
        }
        return current.credentials;
    };
}

const CERTIFICATE_APIS = ['auto', 'order', 'instance', 'legacy-dv'];

// Pure: raw action inputs → a typed Config, or one InputError listing every bad input, before any call that costs.
const MODES = ['issue', 'renew', 'cancel', 'revoke', 'status'];
const CREATE_OPERATIONS = [
    'CreateCertificateForPackageRequest',
    'CreateCertificateRequest',
    'CreateCertificateWithCsrRequest',
];
const CERTIFICATE_TYPES = ['DV', 'OV', 'EV'];
const KEY_ALGORITHMS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_256'];
/** Chinese regions use the main CAS endpoint; every other region the international site's. */
/** The STS endpoint of a region (the international site has its own); `sts.aliyuncs.com` for China. */
function stsEndpointForRegion(region) {
    return region.startsWith('cn-') ? 'https://sts.aliyuncs.com' : `https://sts.${region}.aliyuncs.com`;
}
function casEndpointForRegion(region) {
    return region.startsWith('cn-') ? 'https://cas.aliyuncs.com' : 'https://cas.ap-southeast-1.aliyuncs.com';
}
const onChinaSite = (region) => region.startsWith('cn-');
function parseConfig(read, env) {
    const problems = [];
    const fail = (input, problem) => problems.push({ input, problem });
    const text = (name) => read(name).trim() || undefined;
    const oneOf = (name, allowed, fallback) => {
        const raw = text(name) ?? fallback;
        const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
        if (!match)
            fail(name, `must be one of ${allowed.join(', ')} (got '${raw}')`);
        return match ?? fallback;
    };
    const number = (name, fallback, { integer = false, min = 0, allowZero = false } = {}) => {
        const raw = text(name);
        if (raw === undefined)
            return fallback;
        const value = Number(raw);
        const ok = Number.isFinite(value) &&
            (!integer || Number.isInteger(value)) &&
            (allowZero ? value >= min : value > min);
        const kind = integer ? 'a whole number' : 'a number';
        if (!ok)
            fail(name, `must be ${kind} ${allowZero ? `of at least ${min}` : `above ${min}`} (got '${raw}')`);
        return ok ? value : fallback;
    };
    // The runner's boolean rules (core.getBooleanInput, the YAML 1.2 core schema): nothing else is a boolean.
    const flag = (name, fallback) => {
        const raw = text(name);
        if (raw === undefined)
            return fallback;
        if (['true', 'True', 'TRUE'].includes(raw))
            return true;
        if (['false', 'False', 'FALSE'].includes(raw))
            return false;
        fail(name, `must be true or false (got '${raw}')`);
        return fallback;
    };
    const endpoint = (name, fallback) => {
        const raw = text(name) ?? fallback;
        const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
        try {
            const url = new URL(withScheme);
            if (url.protocol !== 'https:' && url.protocol !== 'http:')
                throw new Error('scheme');
            return url.origin;
        }
        catch {
            fail(name, `must be an http(s) URL such as https://cas.aliyuncs.com (got '${raw}')`);
            return fallback;
        }
    };
    const mode = oneOf('mode', MODES, 'issue');
    const region = text('region') ?? 'cn-hangzhou';
    const credentials = parseCredentials(read, env, fail);
    if (!onChinaSite(region) && /free/i.test(text('product-code') ?? '')) {
        fail('product-code', `names a free product, which exists on the China site only, not in region ${region}`);
    }
    const orderId = text('order-id');
    if (orderId !== undefined && !/^\d{1,30}$/.test(orderId))
        fail('order-id', `must be a decimal order id (got '${orderId}')`);
    const domains = parseDomainList(read('domains')).map(normaliseDomain);
    const badName = domains.map(checkDomain).find(Boolean);
    const setProblem = domains.length > 0 ? checkDomainSet(domains) : undefined;
    if (badName)
        fail('domains', badName);
    else if (setProblem)
        fail('domains', setProblem);
    const createOperation = oneOf('create-operation', CREATE_OPERATIONS, 'CreateCertificateForPackageRequest');
    const csr = text('csr');
    if (csr !== undefined && !/-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(csr)) {
        fail('csr', 'must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)');
    }
    const validationMethod = oneOf('validation-method', ['DNS', 'FILE'], 'DNS');
    const dnsProvider = oneOf('dns-provider', DNS_PROVIDERS, 'alidns');
    const dnsHook = text('dns-hook');
    const contact = {
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
    const config = {
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
    };
    checkModeRequirements(config, fail);
    checkApiRequirements(config, fail);
    if (problems.length > 0)
        throw new InputError(problems);
    return config;
}
/** The credentials part: one source as a whole (src/aliyun/credentials.ts), and what it lacks. */
function parseCredentials(read, env, fail) {
    const text = (name) => read(name).trim() || undefined;
    const rawDuration = text('role-duration') ?? '3600';
    const durationSeconds = Number(rawDuration);
    const runId = env.GITHUB_RUN_ID?.trim();
    const source = chooseCredentialSource({
        accessKeyId: read('access-key-id'),
        accessKeySecret: read('access-key-secret'),
        securityToken: read('security-token'),
        roleArn: read('role-arn'),
        oidcProviderArn: read('oidc-provider-arn'),
    }, env, {
        audience: text('audience') ?? 'sts.aliyuncs.com',
        roleSessionName: text('role-session-name') ?? `github-${runId || 'local'}`,
        durationSeconds,
    });
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
    if (!role.roleArn)
        fail('role-arn', 'is required with oidc-provider-arn');
    else if (!/^acs:ram::\d+:role\/.+/.test(role.roleArn))
        fail('role-arn', `must look like acs:ram::<account id>:role/<name> (got '${role.roleArn}')`);
    if (!role.oidcProviderArn)
        fail('oidc-provider-arn', 'is required with role-arn');
    else if (!/^acs:ram::\d+:oidc-provider\/.+/.test(role.oidcProviderArn)) {
        fail('oidc-provider-arn', `must look like acs:ram::<account id>:oidc-provider/<name> (got '${role.oidcProviderArn}')`);
    }
    if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 3600)
        fail('role-duration', `must be a whole number of seconds from 900 to 3600 (got '${rawDuration}')`);
    if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(role.roleSessionName)) {
        fail('role-session-name', `must be 2 to 64 letters, digits or . @ _ - (got '${role.roleSessionName}')`);
    }
    const githubOidc = env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!githubOidc && !role.tokenFile) {
        fail('role-arn', 'needs a GitHub OIDC token, and this job has none: add `permissions: id-token: write` to the job ' +
            '(or set ALIBABA_CLOUD_OIDC_TOKEN_FILE to a file holding the token)');
    }
    return source;
}
function checkModeRequirements(c, fail) {
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
            ]) {
                if (!value)
                    fail(input, `is required with create-operation ${c.createOperation}`);
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
    if (c.cdnDomain && checkDomain(c.cdnDomain))
        fail('cdn-domain', `is not a valid domain name: ${checkDomain(c.cdnDomain)}`);
    if (c.artifactName && !c.csr && !c.privateKeyPassphrase && !c.pfxPassword) {
        fail('artifact-name', 'needs private-key-passphrase or pfx-password: the private key is never uploaded in clear');
    }
}
/** The certificate API's own rules (docs/certificate-apis.md), checked before any call. */
function checkApiRequirements(c, fail) {
    const api = c.certificateApi;
    if (api === 'order' && c.instanceId)
        fail('instance-id', 'names an instance, which certificate-api order does not use');
    if ((api === 'instance' || api === 'legacy-dv') && c.orderId)
        fail('order-id', `names an order, which certificate-api ${api} does not use (give instance-id)`);
    if (c.orderId && c.instanceId)
        fail('instance-id', 'and order-id cannot both be given');
    if (api !== 'legacy-dv')
        return;
    if (c.instanceId && !/^cas-/.test(c.instanceId))
        fail('instance-id', `must be a 2018 DV instance id (cas-cn-…) with certificate-api legacy-dv (got '${c.instanceId}')`);
    if (c.mode === 'cancel' || c.mode === 'revoke')
        fail('certificate-api', `legacy-dv has no operation for mode ${c.mode} (the 2018 DV API cannot withdraw or revoke)`);
    if (c.mode !== 'issue')
        return;
    // CreateDVOrderAudit takes all eight as required (004, CreateDVOrderAudit).
    for (const [input, value] of [
        ['contact-name', c.contact.name],
        ['contact-phone', c.contact.phone],
        ['contact-email', c.contact.email],
    ]) {
        if (!value)
            fail(input, 'is required with certificate-api legacy-dv (CreateDVOrderAudit needs it)');
    }
    if (c.domains.length > 1)
        fail('domains', 'must hold exactly one name with certificate-api legacy-dv');
    if (c.csr)
        fail('csr', 'is not accepted by the 2018 DV API (certificate-api legacy-dv)');
}

// Reading a user's CSR: its names and key. The X.509 library is loaded only on this path.
/** Parses and verifies the CSR's self-signature; returns a problem sentence instead of throwing. */
async function inspectCsr(pem) {
    // @peculiar/x509 resolves its services through tsyringe, which needs the reflect-metadata polyfill first.
    await import('./Reflect-Bx9jZq3B.js').then(function (n) { return n.R; });
    const x509 = await import('./peculiar-x509-vxbojyO0.js');
    const { webcrypto } = await import('node:crypto');
    x509.cryptoProvider.set(webcrypto);
    let csr;
    try {
        csr = new x509.Pkcs10CertificateRequest(pem.trim());
    }
    catch {
        return 'is not a readable PEM certificate request';
    }
    if (!(await csr.verify()))
        return 'has a signature that does not verify';
    const commonNames = csr.subjectName.getField('CN');
    const sanExtension = csr.getExtension('2.5.29.17');
    const san = sanExtension ? new x509.SubjectAlternativeNameExtension(sanExtension.rawData) : undefined;
    const sanNames = san?.names.items.filter((n) => n.type === 'dns').map((n) => n.value) ?? [];
    const names = [...new Set([...commonNames, ...sanNames].map(normaliseDomain))];
    if (names.length === 0)
        return 'names no domain (no CN and no DNS subject alternative name)';
    const bad = names.find((n) => checkDomain(n));
    if (bad)
        return `names '${bad}': ${checkDomain(bad)}`;
    const algorithm = csr.publicKey.algorithm;
    if (algorithm.name.startsWith('RSA') && (algorithm.modulusLength ?? 0) < 2048) {
        return `has an RSA key of ${algorithm.modulusLength} bits; the service needs at least 2048`;
    }
    return { names, keyAlgorithm: algorithm.name, rsaBits: algorithm.modulusLength };
}

// The certificate as files: under output-dir (what web servers expect, the key readable by its owner only), and
// the set staged for an artifact (the key only encrypted, never privkey.pem).
const FILE_NAMES = {
    certificate: 'cert.pem',
    chain: 'chain.pem',
    fullchain: 'fullchain.pem',
    privateKey: 'privkey.pem',
    /** Encrypted PKCS#8 PEM (private-key-passphrase). */
    encryptedPrivateKey: 'privkey.encrypted.pem',
    /** PKCS#12 (pfx-password). */
    pfx: 'cert.pfx',
};
function certificateEntries(cert) {
    return [
        { name: FILE_NAMES.certificate, data: cert.leafPem, secret: false, output: 'certificate-file' },
        { name: FILE_NAMES.chain, data: cert.chainPems.join(''), secret: false },
        { name: FILE_NAMES.fullchain, data: cert.fullchainPem, secret: false, output: 'fullchain-file' },
    ];
}
function protectedKeyEntries(keys) {
    const entries = [];
    if (keys.encryptedPrivateKeyPem) {
        entries.push({ name: FILE_NAMES.encryptedPrivateKey, data: keys.encryptedPrivateKeyPem, secret: true });
    }
    if (keys.pfx)
        entries.push({ name: FILE_NAMES.pfx, data: keys.pfx, secret: true, output: 'pfx-file' });
    return entries;
}
async function writeEntries(dir, entries) {
    const outputs = {};
    for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.secret) {
            // Created with 0600 and chmod-ed again, in case the file existed with wider permissions.
            await writeFile(path, entry.data, { mode: 0o600 });
            await chmod(path, 0o600);
        }
        else {
            await writeFile(path, entry.data);
        }
        if (entry.output)
            outputs[entry.output] = path;
    }
    return outputs;
}
/**
 * Writes cert.pem, chain.pem, fullchain.pem and privkey.pem (0600), plus privkey.encrypted.pem and cert.pfx
 * (0600) when made; returns the file outputs.
 */
async function writeCertificateFiles(dir, cert, keys = {}) {
    const root = resolve(dir);
    await mkdir(root, { recursive: true });
    const entries = certificateEntries(cert);
    if (cert.privateKeyPem) {
        entries.push({
            name: FILE_NAMES.privateKey,
            data: cert.privateKeyPem,
            secret: true,
            output: 'private-key-file',
        });
    }
    return writeEntries(root, [...entries, ...protectedKeyEntries(keys)]);
}
/**
 * Stages the files of an artifact in a fresh folder under `parent`: the certificates, and the key only as
 * privkey.encrypted.pem and/or cert.pfx. The clear key is never written there, whatever `cert` holds.
 */
async function stageArtifactFiles(cert, keys, parent = tmpdir()) {
    await mkdir(parent, { recursive: true });
    const dir = await mkdtemp(join(parent, 'certificate-artifact-'));
    const entries = [...certificateEntries(cert), ...protectedKeyEntries(keys)];
    await writeEntries(dir, entries);
    return { dir, files: entries.map((entry) => join(dir, entry.name)) };
}

// artifact-name: uploads the staged files as a workflow artifact. @actions/artifact is loaded only here, only when
// an artifact was asked for.
class ArtifactUploadError extends Error {
    name = 'ArtifactUploadError';
}
/** The variables the runner gives a job step for the artifact service; absent when run from a shell. */
function missingArtifactServiceVariables(env) {
    return ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((name) => !env[name]);
}
/**
 * Uploads `staged` as the artifact `name`, then removes the staged folder. The library decides whether the
 * service is there (so that stand-ins such as @github/local-action work); when it is not, the error says so.
 */
async function uploadArtifact(name, staged, retentionDays = 0, env = process.env) {
    try {
        const { DefaultArtifactClient } = await import('./actions-artifact-XgwhrHzd.js').then(function (n) { return n.c; });
        // 0 leaves the expiry to the repository's setting (the library sends none).
        const options = retentionDays > 0 ? { retentionDays } : {};
        return await new DefaultArtifactClient().uploadArtifact(name, staged.files, staged.dir, options);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const missing = missingArtifactServiceVariables(env);
        if (missing.length > 0) {
            throw new ArtifactUploadError(`artifact-name needs the GitHub Actions artifact service, which this run does not have ` +
                `(${missing.join(' and ')} not set): run it in a GitHub Actions job, or leave artifact-name empty ` +
                'and use output-dir. The certificate was still delivered through the step outputs.');
        }
        throw new ArtifactUploadError(`Uploading artifact '${name}' (artifact-name) failed: ${reason}. The certificate was still delivered ` +
            'through the step outputs; run again to upload it.');
    }
    finally {
        await rm(staged.dir, { recursive: true, force: true });
    }
}
/**
 * Stages and uploads the certificate artifact. A certificate that comes with its key needs the key in an
 * encrypted form (privkey.encrypted.pem or cert.pfx): the clear key is never uploaded.
 */
async function deliverArtifact(name, cert, keys, retentionDays = 0, env = process.env) {
    if (cert.privateKeyPem && !keys.encryptedPrivateKeyPem && !keys.pfx) {
        throw new ArtifactUploadError('artifact-name needs private-key-passphrase or pfx-password: the private key goes into an artifact ' +
            'only encrypted, never in clear.');
    }
    // RUNNER_TEMP is emptied by the runner after every job; the folder is removed after the upload anyway.
    const staged = await stageArtifactFiles(cert, keys, env.RUNNER_TEMP || tmpdir());
    const files = staged.files.map((file) => basename(file));
    return { ...(await uploadArtifact(name, staged, retentionDays, env)), files };
}

// Step outputs. The private key is registered as a secret (whole and line by line) before any output is written.
/** Older runners mask single lines only, so each line of a multi-line secret is registered too. */
function maskMultilineSecret(value) {
    setSecret(value);
    for (const line of value.split(/\r?\n/)) {
        const trimmed = line.trim();
        // The PEM armour lines are public constants; masking them would hide every certificate header in logs.
        if (trimmed && !trimmed.startsWith('-----'))
            setSecret(trimmed);
    }
}
function publishOutputs(result, files, now) {
    const set = (name, value) => {
        if (value !== undefined && value !== '')
            setOutput(name, String(value));
    };
    // The key was masked by the authority adapter the moment it arrived, before anything was printed.
    const cert = result.certificate;
    set('status', result.status);
    set('order-id', result.orderId);
    set('instance-id', result.instanceId);
    set('cert-id', result.certId);
    if (cert) {
        set('certificate', cert.leafPem);
        setOutput('certificate-chain', cert.chainPems.join(''));
        set('fullchain', cert.fullchainPem);
        set('private-key', cert.privateKeyPem);
        set('not-before', isoSeconds(cert.info.notBefore));
        set('not-after', isoSeconds(cert.info.notAfter));
        set('days-remaining', daysRemaining(cert.info.notAfter, now));
        set('fingerprint-sha256', cert.info.fingerprintSha256);
        set('domains', cert.info.names.join(','));
    }
    const challenge = result.challenge;
    if (challenge?.method === 'DNS') {
        set('validation-record-domain', challenge.recordDomain);
        set('validation-record-type', challenge.recordType);
        set('validation-record-value', challenge.recordValue);
        set('validation-record-name', result.recordNames?.join(','));
    }
    else if (challenge?.method === 'FILE') {
        set('validation-file-uri', challenge.uri);
        set('validation-file-content', challenge.content);
    }
    if (result.quota) {
        set('quota-total', result.quota.total);
        set('quota-used', result.quota.used);
        set('quota-issued', result.quota.issued);
    }
    if (result.cdn?.notAfter) {
        set('cdn-not-after', isoSeconds(result.cdn.notAfter));
        set('cdn-days-remaining', daysRemaining(result.cdn.notAfter, now));
    }
    for (const [name, path] of Object.entries(files))
        set(name, path);
}

// The two forms in which the private key may leave the runner encrypted: PKCS#12 (cert.pfx, pfx-password) and
// encrypted PKCS#8 PEM (private-key-passphrase). pkijs, the PKCS#12 library, is loaded only when a .pfx is asked for.
/** OpenSSL 3's `pkcs12 -export` defaults, with a higher iteration count: readable by OpenSSL, Windows 10+ and Java. */
const PFX_ITERATIONS = 10_000;
const BAG_PKCS8_SHROUDED_KEY = '1.2.840.113549.1.12.10.1.2';
const BAG_CERTIFICATE = '1.2.840.113549.1.12.10.1.3';
const ATTRIBUTE_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const ATTRIBUTE_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
/** The key as encrypted PKCS#8 PEM (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, PBES2 with AES-256-CBC). */
function encryptPrivateKeyPem(privateKeyPem, passphrase) {
    return createPrivateKey(privateKeyPem)
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
        .toString();
}
const arrayBuffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
/**
 * A PKCS#12 file holding the key and the certificate chain (leaf first), protected by `password`:
 * key and certificates encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), integrity by HMAC-SHA256.
 * RSA and EC keys alike. The leaf and the key share a localKeyId (SHA-1 of the leaf), as OpenSSL writes it.
 */
async function createPfx(cert, password) {
    if (!cert.privateKeyPem)
        throw new Error('A PKCS#12 file needs the private key, and there is none.');
    const [pkijs, asn1js] = await Promise.all([import('./pkijs-DNkujjZ4.js'), import('./asn1js-DjS_2ZWf.js').then(function (n) { return n.l; })]);
    const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto });
    const certificates = [cert.leafPem, ...cert.chainPems].map((pem) => new X509Certificate(pem).raw);
    const [leafDer] = certificates;
    if (!leafDer)
        throw new Error('A PKCS#12 file needs the certificate, and there is none.');
    const localKeyId = new pkijs.Attribute({
        type: ATTRIBUTE_LOCAL_KEY_ID,
        values: [new asn1js.OctetString({ valueHex: arrayBuffer(createHash('sha1').update(leafDer).digest()) })],
    });
    const friendlyName = new pkijs.Attribute({
        type: ATTRIBUTE_FRIENDLY_NAME,
        values: [new asn1js.BmpString({ value: cert.info.names[0] ?? cert.info.subject })],
    });
    const keyDer = createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    const shroudedKey = new pkijs.PKCS8ShroudedKeyBag({
        parsedValue: pkijs.PrivateKeyInfo.fromBER(arrayBuffer(keyDer)),
    });
    const keyBag = new pkijs.SafeBag({
        bagId: BAG_PKCS8_SHROUDED_KEY,
        bagValue: shroudedKey,
        bagAttributes: [localKeyId, friendlyName],
    });
    const certificateBags = certificates.map((der, index) => new pkijs.SafeBag({
        bagId: BAG_CERTIFICATE,
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(arrayBuffer(der)) }),
        ...(index === 0 ? { bagAttributes: [localKeyId, friendlyName] } : {}),
    }));
    const authenticatedSafe = new pkijs.AuthenticatedSafe({
        parsedValue: {
            safeContents: [
                // privacyMode 0: no extra envelope (the key bag encrypts itself); 1: password-encrypted certificates.
                { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [keyBag] }) },
                { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certificateBags }) },
            ],
        },
    });
    const passwordBytes = arrayBuffer(Buffer.from(password, 'utf8'));
    // pkijs draws a fresh salt and IV for every encryption; the type asks for an `iv` it does not use.
    const contentEncryptionAlgorithm = { name: 'AES-CBC', length: 256 };
    const encryption = {
        password: passwordBytes,
        contentEncryptionAlgorithm,
        hmacHashAlgorithm: 'SHA-256',
        iterationCount: PFX_ITERATIONS,
    };
    await shroudedKey.makeInternalValues(encryption, engine);
    await authenticatedSafe.makeInternalValues({ safeContents: [{}, encryption] }, engine);
    const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
    await pfx.makeInternalValues({
        password: passwordBytes,
        iterations: PFX_ITERATIONS,
        pbkdf2HashAlgorithm: 'SHA-256',
        hmacHashAlgorithm: 'SHA-256',
    }, engine);
    return Buffer.from(pfx.toSchema().toBER(false));
}
/** Makes the encrypted forms of the key that were asked for; none when the certificate came without a key. */
async function protectPrivateKey(cert, secrets) {
    const keys = {};
    if (!cert.privateKeyPem)
        return keys;
    if (secrets.privateKeyPassphrase) {
        keys.encryptedPrivateKeyPem = encryptPrivateKeyPem(cert.privateKeyPem, secrets.privateKeyPassphrase);
    }
    if (secrets.pfxPassword)
        keys.pfx = await createPfx(cert, secrets.pfxPassword);
    return keys;
}
/** Warnings for pfx-password / private-key-passphrase given where they can do nothing. */
function unusedKeyInputs(cert, secrets, writesFiles) {
    const given = [
        ['pfx-password', secrets.pfxPassword, FILE_NAMES.pfx],
        ['private-key-passphrase', secrets.privateKeyPassphrase, FILE_NAMES.encryptedPrivateKey],
    ];
    return given
        .filter(([, value]) => value)
        .flatMap(([input, , file]) => {
        if (!cert.privateKeyPem) {
            return [`${input} is ignored: this certificate comes without a private key (csr), so no ${file}.`];
        }
        return writesFiles
            ? []
            : [`${input} is ignored without output-dir or artifact-name: no ${file} is written.`];
    });
}

// The job summary: what was done, for whom, until when. Never a key.
function renderSummary(result, domains, now) {
    const rows = [['Status', result.status]];
    if (domains.length > 0)
        rows.push(['Domains', domains.join(', ')]);
    if (result.orderId)
        rows.push(['Order id', result.orderId]);
    if (result.instanceId)
        rows.push(['Instance id', result.instanceId]);
    if (result.state)
        rows.push(['Order state', result.state]);
    if (result.certId)
        rows.push(['Certificate id', result.certId]);
    const info = result.certificate?.info;
    if (info) {
        rows.push(['Certificate names', info.names.join(', ')]);
        rows.push(['Not after', isoSeconds(info.notAfter)]);
        rows.push(['Days remaining', String(daysRemaining(info.notAfter, now))]);
        rows.push(['SHA-256 fingerprint', info.fingerprintSha256]);
    }
    if (result.quota) {
        const q = result.quota;
        rows.push([
            'Quota',
            `${q.used} used of ${q.total}, ${q.issued} issued (${q.productCode || 'default product'})`,
        ]);
    }
    if (result.challenge?.method === 'DNS') {
        const c = result.challenge;
        const names = result.recordNames?.length ? result.recordNames.join(', ') : c.recordDomain;
        rows.push(['Validation record', `${c.recordType} ${names} = ${c.recordValue}`]);
    }
    else if (result.challenge?.method === 'FILE') {
        rows.push([
            'Validation file',
            `${result.challenge.domain}${result.challenge.uri} = ${result.challenge.content}`,
        ]);
    }
    if (result.cdn) {
        const { certName, notAfter } = result.cdn;
        rows.push([
            `CDN ${result.cdn.domain}`,
            notAfter
                ? `${certName ?? 'certificate'} until ${isoSeconds(notAfter)} (${daysRemaining(notAfter, now)} days)`
                : 'no certificate served (HTTPS off)',
        ]);
    }
    rows.push(...result.details);
    if (result.timeline.length > 0) {
        rows.push(['Timeline', result.timeline.map((t) => `${isoSeconds(t.at)} ${t.state}`).join('<br>')]);
    }
    const table = rows.map(([k, v]) => `| ${escapeCell(k)} | ${escapeCell(v)} |`).join('\n');
    return `### Alibaba Cloud SSL certificate\n\n| | |\n| --- | --- |\n${table}\n${renderOrders(result, now)}${renderInstances(result, now)}`;
}
const escapeCell = (cell) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/** The orders a status report concerns, one row each. */
function renderOrders(result, now) {
    if (!result.orders)
        return '';
    if (result.orders.length === 0)
        return '\nNo orders in the order list for these domains.\n';
    const rows = result.orders.map((o) => {
        const until = o.certEndTime
            ? `${isoSeconds(o.certEndTime)} (${daysRemaining(o.certEndTime, now)} days)`
            : '';
        const cells = [o.orderId, o.domains.join(', '), o.status, o.productCode ?? '', until];
        return `| ${cells.map(escapeCell).join(' | ')} |`;
    });
    const header = '| Order id | Domains | List status | Product | Not after |\n| --- | --- | --- | --- | --- |';
    return `\n#### Orders (${result.orders.length})\n\n${header}\n${rows.join('\n')}\n`;
}
/** The account's V2.0 instances (`status` of the account), one row each. */
function renderInstances(result, now) {
    if (!result.instances || result.instances.length === 0)
        return '';
    const rows = result.instances.map((i) => {
        const until = i.notAfter ? `${isoSeconds(i.notAfter)} (${daysRemaining(i.notAfter, now)} days)` : '';
        return `| ${[i.instanceId, i.domains.join(', '), i.status, until].map(escapeCell).join(' | ')} |`;
    });
    const header = '| Instance id | Domains | Status | Not after |\n| --- | --- | --- | --- |';
    return `\n#### V2.0 instances (${result.instances.length})\n\n${header}\n${rows.join('\n')}\n`;
}
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await summary.addRaw(markdown).write();
}

// Hands a flow's result over: encrypted key forms, output-dir files, step outputs, job summary, artifact.
/**
 * A failed run still says what it leaves behind: the order and its validation outputs, and a summary with the
 * order, its state and what is still to do. Never throws: the failure itself is what matters.
 */
async function reportFailure(message, left, orderId, domains) {
    const result = left ?? { orderId, timeline: [], details: [] };
    result.orderId ??= orderId;
    try {
        publishOutputs({ ...result, status: undefined }, {}, new Date());
        const summary = { ...result, details: [...result.details, ['Error', message]] };
        await writeSummary(renderSummary({ ...summary, status: 'failed' }, domains, new Date()));
    }
    catch (error) {
        debug(`Could not write the failure summary: ${String(error)}`);
    }
}
/** Outputs, files, summary, then the artifact: a failure in the encrypted forms or the upload is raised last. */
async function deliverResult(config, result, domains) {
    const now = new Date();
    const cert = result.certificate;
    const wantsFiles = Boolean(config.outputDir || config.artifactName);
    // The encrypted forms of the key are made first, but a failure there is reported only after the outputs and
    // files are written, so that the issued certificate is never lost.
    let keys = {};
    let keyFailure;
    if (cert && wantsFiles) {
        try {
            keys = await protectPrivateKey(cert, config);
        }
        catch (error) {
            keyFailure = error;
        }
    }
    const files = config.outputDir && cert ? await writeCertificateFiles(config.outputDir, cert, keys) : {};
    publishOutputs(result, files, now);
    await writeSummary(renderSummary(result, domains, now));
    const info$1 = cert?.info;
    info(`${result.status}${result.orderId ? `: order ${result.orderId}` : ''}` +
        `${result.instanceId ? `: instance ${result.instanceId}` : ''}` +
        `${info$1 ? `, valid until ${info$1.notAfter.toISOString()}` : ''}`);
    if (cert)
        for (const warning$1 of unusedKeyInputs(cert, config, wantsFiles))
            warning(warning$1);
    if (keyFailure !== undefined) {
        throw new Error(`Encrypting the private key for pfx-password or private-key-passphrase failed ` +
            `(${keyFailure instanceof Error ? keyFailure.message : String(keyFailure)}); ` +
            'the certificate was still delivered through the step outputs.');
    }
    if (!config.artifactName)
        return;
    if (!cert) {
        info(`artifact-name: no certificate in this run (${result.status}), so no artifact is uploaded.`);
        return;
    }
    const artifact = await deliverArtifact(config.artifactName, cert, keys, config.artifactRetentionDays);
    const id = artifact.id === undefined ? '' : ` (artifact id ${artifact.id})`;
    info(`Uploaded artifact ${config.artifactName}${id}: ${artifact.files.join(', ')}.`);
    await writeSummary(`\nArtifact \`${config.artifactName}\`${id}: ${artifact.files.join(', ')}.\n`);
}

// Shared by renew, cancel, revoke and status: an existing order and its list entry, as they are.
/** How the order list shows an order in each state (docs/vendor-facts.md, order list statuses). */
const LIST_STATUS_OF_STATE = {
    domain_verify: 'CHECKING',
    process: 'CHECKING',
    verify_fail: 'CHECKED_FAIL',
    payed: 'PAYED',
    // DescribeCertificateState has no state for a revoked order; it reads as unknown.
    unknow: 'REVOKED',
};
function isOrderNotFound(error) {
    return error instanceof AliyunApiError && error.code === 'NotFoundOrder';
}
function isOrderStateError(error) {
    return error instanceof AliyunApiError && !error.outcomeUnknown && error.code === 'OrderStateError';
}
/** The order's state, or undefined when the service does not know the order (NotFoundOrder). */
async function describeExistingOrder(ctx, orderId) {
    try {
        return await ctx.authority.describeOrder(orderId);
    }
    catch (error) {
        if (isOrderNotFound(error))
            return undefined;
        throw error;
    }
}
function requireOrderId(ctx) {
    const orderId = ctx.config.orderId;
    if (!orderId)
        throw new FlowError(`mode ${ctx.config.mode} needs the input order-id.`);
    return orderId;
}
/**
 * The order's entry in ListUserCertificateOrder (product, names, dates, list status), found by the names it is
 * for when they are known, else by the list status its state shows as. Undefined when neither finds it.
 */
async function findOrderSummary(ctx, orderId, hint) {
    const first = hint.domains?.[0];
    if (first) {
        const found = (await ctx.authority.listOrders({ keyword: validationBaseName(first) })).find((o) => o.orderId === orderId);
        if (found)
            return found;
    }
    const status = hint.state && LIST_STATUS_OF_STATE[hint.state];
    if (!status)
        return undefined;
    return (await ctx.authority.listOrders({ status })).find((o) => o.orderId === orderId);
}

async function cancelOrder(ctx, domains) {
    if (ctx.config.instanceId)
        return (await import('./instance-modes-C6k-XTVd.js')).cancelInstance(ctx);
    const { authority, log } = ctx;
    const orderId = requireOrderId(ctx);
    const order = await describeExistingOrder(ctx, orderId);
    if (!order)
        return alreadyGone(ctx, orderId);
    const { state } = order;
    if (state === 'certificate') {
        throw new FlowError(`Order ${orderId} is already issued, so it cannot be cancelled; revoke its certificate with mode: revoke ` +
            '(the quota comes back when that is within 30 days of issue).');
    }
    if (state === 'unknow') {
        throw new FlowError(`Order ${orderId} is in state 'unknow' (revoked, or withdrawn by the service), so there is nothing to ` +
            'cancel; look at it with mode: status.');
    }
    // Before the order goes: its names and product (for the record clean-up and the quota report).
    const summary = await findOrderSummary(ctx, orderId, { domains, state });
    const steps = [];
    try {
        if (state === 'domain_verify' || state === 'process') {
            await authority.cancelOrder(orderId);
            steps.push('CancelOrderRequest');
        }
        await authority.deleteOrder(orderId);
        steps.push('DeleteCertificateRequest');
    }
    catch (error) {
        // Another run (or the console) got there first.
        if (isOrderNotFound(error))
            return alreadyGone(ctx, orderId);
        if (isOrderStateError(error)) {
            const now = await describeExistingOrder(ctx, orderId);
            if (!now)
                return alreadyGone(ctx, orderId);
            throw new FlowError(`Order ${orderId} moved to '${now.state}' while it was being cancelled; ` +
                (now.state === 'certificate'
                    ? `revoke it with mode: revoke and order-id ${orderId}.`
                    : `run mode: cancel again with order-id ${orderId}.`));
        }
        throw error;
    }
    log.info(`Order ${orderId} (${state}) was ${steps.length > 1 ? 'withdrawn and ' : ''}deleted; its quota is returned.`);
    const result = emptyResult('cancelled', orderId);
    result.details.push(['Previous state', state], ['Calls', steps.join(', then ')]);
    if (order.challenge?.method === 'DNS') {
        const names = domains.length > 0 ? domains : (summary?.domains ?? []);
        result.details.push(['Validation records', await removeChallengeRecords(order.challenge, names, ctx)]);
    }
    const productCode = ctx.config.productCode ?? summary?.productCode;
    if (productCode)
        result.quota = await authority.describePackageState(productCode);
    return result;
}
function alreadyGone(ctx, orderId) {
    ctx.log.notice(`Order ${orderId} does not exist: it was already cancelled and deleted (or never made), so there is nothing to do.`);
    const result = emptyResult('cancelled', orderId);
    result.details.push(['Previous state', 'already gone (NotFoundOrder)']);
    return result;
}

// Issuance, shared by issue and renew: wait for an order to be issued (validating it on the way), then check what
// came back; and the certificate of an issued order read as it is, for the modes that only report or act on it.
/** A long wait says where it is at least this often. */
const HEARTBEAT_MS = 30_000;
/**
 * Polls until the order is issued, fails review, or the deadline passes (checking once more at the deadline);
 * presents and cleans up validation.
 */
async function waitForIssuance(ctx, orderId, domains) {
    const { config, log } = ctx;
    ctx.onOrderKnown(orderId);
    const started = ctx.now().getTime();
    const schedule = {
        firstMs: config.pollIntervalSeconds * 1000,
        maxMs: config.maxPollIntervalSeconds * 1000,
        deadline: started + config.waitTimeoutSeconds * 1000,
    };
    const strategy = await ctx.validation(orderId);
    const timeline = [];
    const heartbeat = { lastAt: started };
    let recordNames = [];
    let presented;
    let delay;
    try {
        for (;;) {
            const status = await ctx.authority.describeOrder(orderId);
            if (timeline.at(-1)?.state !== status.state) {
                timeline.push({ at: ctx.now(), state: status.state });
                log.info(`Order ${orderId}: ${status.state}`);
                heartbeat.lastAt = ctx.now().getTime();
            }
            if (status.state === 'domain_verify' && status.challenge) {
                const key = JSON.stringify(status.challenge);
                if (key !== presented) {
                    recordNames = await strategy.present(status.challenge, domains);
                    presented = key;
                }
            }
            else if (status.state === 'certificate') {
                return { status, timeline, recordNames };
            }
            else if (status.state === 'verify_fail') {
                await deleteFailedOrder(ctx, orderId, timeline);
            }
            else if (status.state === 'payed' || status.state === 'unknow') {
                throw new FlowError(`Order ${orderId} is '${status.state}' (withdrawn or unknown), so it will not be issued; ` +
                    `delete it with mode: cancel and order again.`, { orderId, state: status.state, timeline, details: [] });
            }
            const now = ctx.now().getTime();
            if (now >= schedule.deadline)
                return { status, timeline, recordNames };
            delay = nextPollDelayMs(delay, schedule);
            const wait = Math.min(delay, schedule.deadline - now);
            await sleepWithHeartbeat(ctx, wait, heartbeat, (nextInMs) => {
                const elapsed = Math.round((ctx.now().getTime() - started) / 1000);
                return (`Order ${orderId}: still '${status.state}' after ${elapsed}s of wait-timeout ` +
                    `${config.waitTimeoutSeconds}s; next check in ${Math.ceil(nextInMs / 1000)}s.`);
            });
        }
    }
    finally {
        await strategy.cleanup();
    }
}
/** Sleeps `ms`, logging a line whenever HEARTBEAT_MS has passed since the last one. */
async function sleepWithHeartbeat(ctx, ms, heartbeat, describe) {
    let left = ms;
    while (left > 0) {
        const now = ctx.now().getTime();
        if (now - heartbeat.lastAt >= HEARTBEAT_MS) {
            ctx.log.info(describe(left));
            heartbeat.lastAt = now;
        }
        const chunk = Math.min(left, Math.max(1, HEARTBEAT_MS - (now - heartbeat.lastAt)));
        await ctx.sleep(chunk);
        left -= chunk;
    }
}
/** A failed review never recovers; deleting the order returns its quota (docs/vendor-facts.md, order lifecycle). */
async function deleteFailedOrder(ctx, orderId, timeline) {
    await ctx.authority.deleteOrder(orderId);
    throw new FlowError(`Order ${orderId} failed review (verify_fail) and was deleted, which returned its quota; ` +
        'check that the domains and contact details are right, then run again to order anew.', {
        orderId,
        state: 'verify_fail',
        timeline,
        details: [['Still to do', 'check the domains and contact details, then run again to order anew']],
    });
}
/** Checks an issued order's certificate and key (the authority masked the key when it arrived). */
function acceptIssuedCertificate(ctx, status, domains, expectKey) {
    if (!status.certificate) {
        throw new FlowError(`Order ${status.orderId} is issued but the service returned no certificate; run again.`);
    }
    if (expectKey && !status.privateKey) {
        throw new FlowError(`Order ${status.orderId} is issued but the service returned no private key; ` +
            'an order made with a CSR keeps its key with you: pass the same csr input.');
    }
    try {
        return checkIssuedCertificate({
            certificatePem: status.certificate,
            privateKeyPem: status.privateKey,
            domains,
            now: ctx.now(),
        });
    }
    catch (error) {
        if (error instanceof CertificateCheckError) {
            throw new FlowError(`The certificate of order ${status.orderId} failed its checks: ${error.message}`);
        }
        throw error;
    }
}
/** The result for an order still waiting when this run's time is up; a failure when fail-on-pending. */
function pendingResult(ctx, outcome, orderId) {
    const { config } = ctx;
    const { state, challenge } = outcome.status;
    const toDo = state === 'domain_verify' && challenge
        ? describeChallenge(challenge, outcome.recordNames)
        : `wait for the certificate authority ('${state}')`;
    const result = {
        status: 'pending',
        orderId,
        challenge,
        recordNames: outcome.recordNames,
        state,
        timeline: outcome.timeline,
        details: [['Still to do', toDo]],
    };
    if (config.failOnPending) {
        throw new FlowError(`Order ${orderId} is still '${state}' after wait-timeout ${config.waitTimeoutSeconds}s; still to do: ` +
            `${toDo}. Run again with order-id ${orderId} (or the same domains) to resume it, or set fail-on-pending: false.`, result);
    }
    return result;
}
/**
 * The certificate of an issued order as it is, without its private key: parsed and chained like one being handed
 * out, but an expired (or not yet valid) one is reported, not refused. The key was masked when the order was read.
 */
function readOrderCertificate(ctx, status) {
    const pem = status.certificate ?? '';
    try {
        const leaf = splitPemBundle(pem)[0];
        if (!leaf)
            throw new CertificateCheckError('The service returned no PEM certificate.');
        const { notBefore, notAfter } = describeCertificate(leaf);
        // Judge the chain at a moment inside the validity, so that only the dates themselves are left to report.
        const inside = Math.min(Math.max(ctx.now().getTime(), notBefore.getTime()), notAfter.getTime());
        return checkIssuedCertificate({ certificatePem: pem, domains: [], now: new Date(inside) });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new FlowError(`The certificate of order ${status.orderId} cannot be read (${reason}); run again.`);
    }
}

// mode: issue — reuse what is still good, resume what is in flight, otherwise order once; then validate, wait, fetch.
async function issueCertificate(ctx, domains) {
    const { config, log } = ctx;
    const chosen = await resolveCertificateApi(ctx, domains);
    // Another API: its own flow, loaded only when used.
    if (chosen.api !== 'order')
        return (await import('./instance-issue-B9QFOSdS.js')).issueOnInstance(ctx, domains, chosen);
    const expectKey = !config.csr;
    let quota;
    let orderId = config.orderId;
    if (orderId)
        log.info(`Resuming order ${orderId}.`);
    if (!orderId) {
        // The order list first: a scheduled run that finds its certificate not due never touches the cache.
        const orders = chosen.orders ?? (await listOrdersForDomains(ctx.authority, domains, config.productCode));
        const reusable = await findReusableCertificate(ctx, orders, domains, expectKey);
        if (reusable)
            return reusable;
        const cached = await cachedOrderInFlight(ctx, domains);
        orderId = cached ?? inFlightOrder(orders)?.orderId;
        if (orderId) {
            log.info(`Order ${orderId} for ${domains.join(', ')} is already in flight: resuming it.`);
        }
        else {
            await checkValidationPossible(ctx, domains);
            // The quota that made auto choose the order API was read a moment ago: not read twice.
            const before = chosen.quota ?? (await checkQuota(ctx));
            orderId = await createOrderOnce(ctx, domains, before, new Set(orders.map((o) => o.orderId)));
            // The order took one certificate of the package: report the quota as it stands now.
            quota = { ...before, used: before.used + 1 };
        }
        if (!cached)
            await ctx.resume.save(domains, orderId);
    }
    const outcome = await waitForIssuance(ctx, orderId, domains).catch((error) => {
        if (error instanceof FlowError && error.result)
            error.result.quota ??= quota;
        throw error;
    });
    if (outcome.status.state !== 'certificate') {
        try {
            return { ...pendingResult(ctx, outcome, orderId), quota };
        }
        catch (error) {
            if (error instanceof FlowError && error.result)
                error.result.quota = quota;
            throw error;
        }
    }
    const certificate = acceptIssuedCertificate(ctx, outcome.status, domains, expectKey);
    return {
        status: 'issued',
        orderId,
        certId: outcome.status.certId,
        certificate,
        // This run's order is issued now: it counts among the package's issued certificates.
        quota: quota && { ...quota, issued: quota.issued + 1 },
        timeline: outcome.timeline,
        details: [],
    };
}
/**
 * The order an earlier run saved in the cache, only while it is still waiting: an issued, failed or deleted one
 * is left to the order list, which knows whether the certificate is due.
 */
async function cachedOrderInFlight(ctx, domains) {
    const cached = await ctx.resume.load(domains);
    if (!cached)
        return undefined;
    const status = await describeExistingOrder(ctx, cached);
    return status?.state === 'domain_verify' || status?.state === 'process' ? cached : undefined;
}
async function findReusableCertificate(ctx, orders, domains, expectKey) {
    const { config, log } = ctx;
    const issued = latestIssued(orders);
    if (!issued?.certEndTime)
        return undefined;
    const left = daysRemaining(issued.certEndTime, ctx.now());
    const status = await ctx.authority.describeOrder(issued.orderId);
    if (status.state !== 'certificate')
        return undefined;
    const certificate = readOrderCertificate(ctx, status);
    const window = renewalWindowDays(config.renewBeforeDays, certificate.info);
    if (window.capped) {
        log.warning(`renew-before-days ${config.renewBeforeDays} is not below the certificate's lifetime, so every run would ` +
            `order anew; using ${window.days} days (a third of the lifetime) instead.`);
    }
    if (left <= window.days) {
        log.info(`Order ${issued.orderId} expires in ${left} days (renew within ${window.days}): ordering anew.`);
        return undefined;
    }
    const accepted = acceptIssuedCertificate(ctx, status, domains, expectKey);
    log.info(`Order ${issued.orderId} is issued with ${left} days left: reusing it.`);
    return {
        status: 'unchanged',
        orderId: issued.orderId,
        certId: status.certId,
        certificate: accepted,
        timeline: [{ at: ctx.now(), state: status.state }],
        details: [],
    };
}
/** With alidns, every validation record needs a zone in the account: found out before ordering, not after. */
async function checkValidationPossible(ctx, domains) {
    const { config } = ctx;
    if (config.validationMethod !== 'DNS' || config.dnsProvider !== 'alidns')
        return;
    const missing = await namesWithoutZone(ctx.dns, domains);
    if (missing.length > 0) {
        throw new FlowError(`No Alibaba Cloud DNS zone in this account holds ${missing.join(', ')} (input 'domains'), so the validation ` +
            "record cannot be written; add the zone to Alibaba Cloud DNS, or set dns-provider to 'manual' or 'hook'.");
    }
}
async function checkQuota(ctx) {
    const quota = await ctx.authority.describePackageState(ctx.config.productCode);
    if (quota.total - quota.used <= 0) {
        throw new FlowError(`No certificate quota left for product ${quota.productCode || 'default'} (${quota.used} of ${quota.total} used); ` +
            'buy a certificate package, or delete unused orders with mode: cancel to return their quota.');
    }
    return quota;
}
async function createOrderOnce(ctx, domains, quota, knownOrderIds) {
    const { config, log } = ctx;
    const input = {
        operation: config.createOperation,
        productCode: config.productCode,
        domains,
        csr: config.csr,
        validationMethod: config.validationMethod,
        contact: config.contact,
    };
    const create = async () => {
        const { orderId } = await ctx.authority.createOrder(input);
        log.info(`Ordered a certificate for ${domains.join(', ')}: order ${orderId}.`);
        return orderId;
    };
    try {
        return await create();
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        const adopted = await reconcileUncertainCreate(ctx, error, { used: quota.used, knownOrderIds }, domains, config.productCode);
        if (adopted)
            return adopted;
    }
    // Proven not to have happened: one more create. If that one is uncertain too, the error says so and stops.
    return create();
}

// mode: renew — renew an issued, still valid paid order with RenewCertificateOrderForPackageRequest
// (docs/vendor-facts.md, order lifecycle), then validate, wait and fetch the new order exactly as `issue` does.
async function renewCertificate(ctx, domains) {
    const { config, log } = ctx;
    const target = config.orderId
        ? { orderId: config.orderId, orders: undefined }
        : await findIssuedOrder(ctx, domains);
    const { orderId } = target;
    const order = await describeExistingOrder(ctx, orderId);
    if (!order) {
        throw new FlowError(`Order ${orderId} does not exist; check order-id, or order a certificate with mode: issue.`);
    }
    if (order.state === 'domain_verify' || order.state === 'process') {
        throw new FlowError(`Order ${orderId} is not issued yet ('${order.state}'), so there is nothing to renew; ` +
            `resume it with mode: issue and order-id ${orderId}.`);
    }
    if (order.state !== 'certificate') {
        throw new FlowError(`Order ${orderId} is '${order.state}' and has no valid certificate to renew; ` +
            'order a new certificate with mode: issue.');
    }
    const current = readOrderCertificate(ctx, order);
    const names = current.info.names;
    if (config.orderId && config.domains.length > 0 && !config.csr && !sameDomainSet(config.domains, names)) {
        throw new FlowError(`Order ${orderId} is for ${names.join(', ')}, not for the domains input (${config.domains.join(', ')}); ` +
            'fix order-id or domains.');
    }
    if (current.info.notAfter.getTime() <= ctx.now().getTime()) {
        throw new FlowError(`The certificate of order ${orderId} expired on ${isoDay(current.info.notAfter)} and cannot be renewed; ` +
            'order a new one with mode: issue.');
    }
    const sameNames = target.orders ?? (await listOrdersForDomains(ctx.authority, names));
    const summary = sameNames.find((o) => o.orderId === orderId) ??
        (await findOrderSummary(ctx, orderId, { state: order.state }));
    const productCode = summary?.productCode ?? config.productCode;
    if (isFreeProduct(productCode)) {
        throw new FlowError(`Order ${orderId} is a free certificate (${productCode}), which cannot be renewed in place; ` +
            'order a new one with mode: issue, as the scheduled renewal workflow does when it is due.');
    }
    const newNames = config.csr ? domains : names;
    const sameProduct = (o) => !productCode || !o.productCode || o.productCode === productCode;
    const others = sameNames.filter((o) => o.orderId !== orderId && sameProduct(o));
    // Renewed already (a scheduled run, again): an issued order for the same names and product outlasts this one.
    const successor = others
        .filter((o) => isIssued(o.status) && (o.certEndTime?.getTime() ?? 0) > current.info.notAfter.getTime())
        .sort((a, b) => (b.certEndTime?.getTime() ?? 0) - (a.certEndTime?.getTime() ?? 0))[0];
    if (successor)
        return reuseRenewal(ctx, orderId, successor.orderId, newNames);
    const inFlight = inFlightOrder(others);
    const quota = await ctx.authority.describePackageState(productCode);
    let newOrderId;
    if (inFlight) {
        // A renewal from an earlier run is still in flight: resume it, never pay twice.
        log.info(`Order ${inFlight.orderId} for ${names.join(', ')} is already in flight: resuming it.`);
        newOrderId = inFlight.orderId;
    }
    else {
        newOrderId = await renewOnce(ctx, orderId, productCode, quota.used, sameNames, newNames);
        log.info(`Renewing order ${orderId}: new order ${newOrderId}.`);
    }
    const details = [
        ['Renewal of order', orderId],
        ['Previous certificate until', current.info.notAfter.toISOString().replace(/\.\d{3}Z$/, 'Z')],
    ];
    const outcome = await waitForIssuance(ctx, newOrderId, newNames);
    if (outcome.status.state !== 'certificate') {
        const pending = pendingResult(ctx, outcome, newOrderId);
        return { ...pending, quota, details: [...details, ...pending.details] };
    }
    const certificate = acceptIssuedCertificate(ctx, outcome.status, newNames, !config.csr);
    return {
        status: 'renewed',
        orderId: newOrderId,
        certId: outcome.status.certId,
        certificate,
        quota,
        timeline: outcome.timeline,
        details,
    };
}
/** The order that already renewed `orderId` is handed out again (status unchanged): never pay twice. */
async function reuseRenewal(ctx, orderId, renewalId, names) {
    const status = await ctx.authority.describeOrder(renewalId);
    if (status.state !== 'certificate') {
        throw new FlowError(`Order ${renewalId} for the same names looks issued in the order list but is '${status.state}'; ` +
            `run again later, or renew order ${renewalId} instead.`);
    }
    const certificate = acceptIssuedCertificate(ctx, status, names, !ctx.config.csr);
    ctx.log.notice(`Order ${orderId} is renewed already: order ${renewalId} for the same names lasts until ` +
        `${certificate.info.notAfter.toISOString()}, so it is handed out instead of renewing again.`);
    return {
        status: 'unchanged',
        orderId: renewalId,
        certId: status.certId,
        certificate,
        timeline: [{ at: ctx.now(), state: status.state }],
        details: [['Renewal of order', orderId]],
    };
}
/** `domains` given without order-id: exactly one issued, still valid order must be for exactly these names. */
async function findIssuedOrder(ctx, domains) {
    const { config } = ctx;
    const orders = await listOrdersForDomains(ctx.authority, domains, config.productCode);
    const issued = orders.filter((o) => isIssued(o.status));
    const names = domains.join(', ');
    const [only, ...more] = issued;
    if (!only) {
        const seen = orders.map((o) => `${o.orderId} ${o.status}`).join(', ');
        throw new FlowError(`No issued, still valid order for ${names} was found${seen ? ` (only ${seen})` : ''}, so there is nothing to ` +
            'renew; order a new certificate with mode: issue.');
    }
    if (more.length > 0) {
        throw new FlowError(`${issued.length} issued orders are for ${names} (${issued.map((o) => o.orderId).join(', ')}); ` +
            'set order-id (or product-code) to the one to renew.');
    }
    ctx.log.info(`Order ${only.orderId} is the issued order for ${names}.`);
    return { orderId: only.orderId, orders };
}
/** One renewal call; an uncertain outcome is looked up (as an uncertain create is) before any second call. */
async function renewOnce(ctx, orderId, productCode, usedBefore, knownOrders, newNames) {
    const renew = async () => (await ctx.authority.renewOrder(orderId, ctx.config.csr)).orderId;
    try {
        return await renew();
    }
    catch (error) {
        if (isOrderStateError(error)) {
            throw new FlowError(`Order ${orderId} cannot be renewed in place (${error.code}: ${error.message.replace(/\.$/, '')}); ` +
                'order a new certificate with mode: issue.');
        }
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        const known = { used: usedBefore, knownOrderIds: new Set(knownOrders.map((o) => o.orderId)) };
        const adopted = await reconcileUncertainCreate(ctx, error, known, newNames, productCode);
        if (adopted)
            return adopted;
    }
    return renew();
}

// mode: revoke — revoke an issued certificate with CancelCertificateForPackageRequest (docs/vendor-facts.md, order lifecycle).
// The quota comes back only when the certificate is revoked within 30 days of issue; the summary says which.
const REFUND_WINDOW_DAYS = 30;
async function revokeCertificate(ctx, domains) {
    if (ctx.config.instanceId)
        return (await import('./instance-modes-C6k-XTVd.js')).revokeInstance(ctx);
    const { authority, log } = ctx;
    const orderId = requireOrderId(ctx);
    const order = await describeExistingOrder(ctx, orderId);
    if (!order) {
        throw new FlowError(`Order ${orderId} does not exist; check order-id (mode: status with the domains lists their orders).`);
    }
    switch (order.state) {
        case 'certificate':
            break;
        case 'domain_verify':
        case 'process':
            throw new FlowError(`Order ${orderId} is not issued yet ('${order.state}'), so there is no certificate to revoke; ` +
                'withdraw it with mode: cancel, which returns its quota.');
        case 'verify_fail':
        case 'payed':
            throw new FlowError(`Order ${orderId} is '${order.state}' and has no certificate to revoke; ` +
                'delete it with mode: cancel, which returns its quota.');
        default: {
            // A revoked order reads as unknown; the order list tells it apart. Revoking twice is not an error.
            const summary = await findOrderSummary(ctx, orderId, { domains, state: order.state });
            if (summary?.status === 'REVOKED') {
                log.notice(`Order ${orderId} is already revoked, so there is nothing to do.`);
                const result = emptyResult('revoked', orderId);
                result.details.push(['Previous state', 'already revoked']);
                return result;
            }
            throw new FlowError(`Order ${orderId} is in state '${order.state}' and has no certificate to revoke; look at it with mode: status.`);
        }
    }
    const certificate = readOrderCertificate(ctx, order);
    const { info } = certificate;
    const summary = await findOrderSummary(ctx, orderId, {
        domains: domains.length > 0 ? domains : info.names,
        state: order.state,
    });
    // "Within 30 calendar days from the day of issue" (docs/vendor-facts.md) — the issue date is the certificate's notBefore.
    const issuedAt = info.notBefore;
    const ageMs = ctx.now().getTime() - issuedAt.getTime();
    const ageDays = Math.floor(ageMs / DAY_MS);
    const refunded = ageMs <= REFUND_WINDOW_DAYS * DAY_MS;
    try {
        await authority.revokeOrder(orderId);
    }
    catch (error) {
        if (isOrderStateError(error)) {
            const now = await describeExistingOrder(ctx, orderId);
            throw new FlowError(`Order ${orderId} could not be revoked in state '${now?.state ?? 'deleted'}' (${error.code}); ` +
                'look at it with mode: status.');
        }
        throw error;
    }
    const quotaNote = refunded
        ? `comes back: revoked ${ageDays} days after issue (${isoDay(issuedAt)}), within the ${REFUND_WINDOW_DAYS} days the service allows`
        : `does not come back: revoked ${ageDays} days after issue (${isoDay(issuedAt)}); the service returns it only within ${REFUND_WINDOW_DAYS} days`;
    log.info(`Order ${orderId}: the certificate for ${info.names.join(', ')} is revoked; its quota ${quotaNote}.`);
    const result = emptyResult('revoked', orderId);
    result.certId = order.certId;
    result.details.push(['Revoked certificate', `${info.names.join(', ')}, serial ${info.serialNumber}`], ['SHA-256 fingerprint', info.fingerprintSha256], ['Quota refund', quotaNote]);
    const productCode = ctx.config.productCode ?? summary?.productCode;
    if (productCode)
        result.quota = await authority.describePackageState(productCode);
    return result;
}

// mode: status — report an order (state, certificate dates), its product's quota, the orders for the same names,
// and the certificate a CDN domain serves. Reads only; never hands out the private key.
async function reportStatus(ctx, domains) {
    const { config, log } = ctx;
    const result = emptyResult('active');
    let order;
    let orders;
    if (config.instanceId)
        return (await import('./instance-modes-C6k-XTVd.js')).reportInstance(ctx);
    if (!config.orderId && domains.length === 0 && !config.cdnDomain)
        return reportAccount(ctx, result);
    if (config.orderId) {
        order = await describeExistingOrder(ctx, config.orderId);
        if (!order) {
            throw new FlowError(`Order ${config.orderId} does not exist (never made, or cancelled and deleted); check order-id, ` +
                'or order a certificate with mode: issue.');
        }
    }
    if (domains.length > 0) {
        orders = await listOrdersForDomains(ctx.authority, domains, config.productCode);
        if (!order) {
            const current = latestIssued(orders) ?? inFlightOrder(orders) ?? orders[0];
            if (!current) {
                throw new FlowError(`No order for ${domains.join(', ')} was found${config.productCode ? ` (product ${config.productCode})` : ''}; ` +
                    'order a certificate with mode: issue.');
            }
            log.info(`Order ${current.orderId} is the current order for ${domains.join(', ')}.`);
            order = await ctx.authority.describeOrder(current.orderId);
        }
    }
    let summary;
    if (order) {
        result.orderId = order.orderId;
        result.certId = order.certId;
        result.challenge = order.challenge;
        if (order.state === 'certificate')
            result.certificate = readOrderCertificate(ctx, order);
        // Only order-id given: the orders that matter are those for the same names (the certificate's, or the list's).
        const names = result.certificate?.info.names;
        if (!orders && names)
            orders = await listOrdersForDomains(ctx.authority, names, config.productCode);
        const orderId = order.orderId;
        summary =
            orders?.find((o) => o.orderId === orderId) ??
                (await findOrderSummary(ctx, orderId, {
                    // The names' orders are listed already unless the domains input named others.
                    domains: domains.length > 0 ? names : undefined,
                    state: order.state,
                }));
        if (!orders && summary)
            orders = await listOrdersForDomains(ctx.authority, summary.domains, config.productCode);
        result.details.push([
            'State',
            summary ? `${order.state} (${summary.status} in the order list)` : order.state,
        ]);
        if (summary?.productCode)
            result.details.push(['Product', summary.productCode]);
        if (result.challenge?.method === 'DNS') {
            const names = domains.length > 0 ? domains : (summary?.domains ?? []);
            const zones = config.dnsProvider === 'alidns' ? await ctx.dns.listZones().catch(() => undefined) : undefined;
            result.recordNames = validationRecordNames(result.challenge.recordDomain, names, await zoneResolver(zones));
        }
        const info = result.certificate?.info;
        if (info) {
            const left = daysRemaining(info.notAfter, ctx.now());
            log.info(`Order ${order.orderId}: ${order.state}, certificate for ${info.names.join(', ')} ` +
                `${left < 0 ? `expired ${-left} days ago` : `valid for ${left} more days`} (until ${info.notAfter.toISOString()}).`);
        }
        else {
            log.info(`Order ${order.orderId}: ${order.state}.`);
        }
    }
    result.orders = orders;
    result.quota = await ctx.authority.describePackageState(config.productCode ?? summary?.productCode);
    const q = result.quota;
    log.info(`Quota of ${q.productCode || 'the default product'}: ${q.used} used of ${q.total}, ${q.issued} issued.`);
    if (config.cdnDomain)
        await reportCdnDomain(ctx, config.cdnDomain, result);
    return result;
}
/**
 * Neither an order nor domains: the account as a whole, so that a key or a role can be checked without naming an
 * order. The quota, and every issued certificate that is due within renew-before-days (every page of the list).
 */
async function reportAccount(ctx, result) {
    const { config, log } = ctx;
    result.quota = await ctx.authority.describePackageState(config.productCode);
    const q = result.quota;
    log.info(`Quota of ${q.productCode || 'the default product'}: ${q.used} used of ${q.total}, ${q.issued} issued.`);
    const now = ctx.now();
    const due = (await ctx.authority.listOrders({}))
        .filter((o) => isIssued(o.status) && o.certEndTime)
        .filter((o) => daysRemaining(o.certEndTime, now) <= config.renewBeforeDays)
        .sort((a, b) => (a.certEndTime?.getTime() ?? 0) - (b.certEndTime?.getTime() ?? 0));
    for (const o of due) {
        const left = daysRemaining(o.certEndTime, now);
        log.info(`Order ${o.orderId} for ${o.domains.join(', ')} expires in ${left} days.`);
    }
    log.info(`${due.length} certificate(s) expire within renew-before-days (${config.renewBeforeDays}).`);
    result.details.push([`Expiring within ${config.renewBeforeDays} days`, String(due.length)]);
    result.orders = due;
    await (await import('./instance-modes-C6k-XTVd.js')).listAccountInstances(ctx, result);
    return result;
}
async function reportCdnDomain(ctx, domain, result) {
    let served;
    try {
        served = await ctx.cdn.describeDomainCertificate(domain);
    }
    catch (error) {
        if (error instanceof AliyunApiError && /^InvalidDomain\.NotFound$|^DomainNotFound/i.test(error.code)) {
            throw new FlowError(`CDN domain ${domain} is not in this account (${error.code}); check cdn-domain and the cdn-endpoint.`);
        }
        throw error;
    }
    result.cdn = {
        domain,
        notAfter: served?.certExpireTime,
        certName: served?.certName,
        status: served?.status,
    };
    if (!served?.certExpireTime) {
        ctx.log.info(`CDN domain ${domain} serves no certificate (HTTPS off).`);
        return;
    }
    const left = daysRemaining(served.certExpireTime, ctx.now());
    ctx.log.info(`CDN domain ${domain} serves ${served.certName ?? 'a certificate'} until ${served.certExpireTime.toISOString()} ` +
        `(${left} days).`);
    const own = result.certificate;
    if (own && result.orderId) {
        const servedFingerprint = fingerprintOf(served.serverCertificate);
        const same = servedFingerprint
            ? servedFingerprint === own.info.fingerprintSha256
            : served.certId !== undefined && served.certId === result.certId;
        result.details.push([`CDN ${domain} serves order ${result.orderId}`, same ? 'yes' : 'no']);
    }
}
function fingerprintOf(pem) {
    const leaf = splitPemBundle(pem ?? '')[0];
    if (!leaf)
        return undefined;
    try {
        return describeCertificate(leaf).fingerprintSha256;
    }
    catch {
        return undefined;
    }
}

// The one adapter on @actions/core that main and post share: the logger on the runner, masking of every
// credential source (inputs and environment alike), and the one-sentence failure text.
const ACTION_NAME = 'Alibaba Cloud SSL certificate';
/** Inputs that can hold a credential secret. */
const SECRET_INPUTS = ['access-key-secret', 'security-token'];
/** Registers every credential secret the step can see, from inputs and environment, before anything is printed. */
function maskCredentialSources() {
    for (const name of SECRET_INPUTS) {
        const value = getInput(name);
        if (value)
            setSecret(value);
    }
    for (const value of environmentSecrets(process.env))
        setSecret(value);
}
/**
 * Masking and GitHub's ID token for the credentials chain, which masks what it receives where it enters. A private
 * key is masked whole and line by line (older runners mask single lines only).
 */
const credentialHooks = {
    maskSecret: maskMultilineSecret,
    getIdToken: async (audience) => (await import('./github-id-token-BgMssSSz.js')).requestGitHubIdToken(audience),
};
/** The flows' Logger on top of the runner's log commands (shared with the post step). */
function createActionsLogger() {
    return {
        debug: (m) => debug(m),
        info: (m) => info(m),
        notice: (m) => notice(m),
        warning: (m) => warning(m),
    };
}
/** One sentence: what failed, for which input, operation or order, and what to do next. */
function describeFailure(error) {
    if (error instanceof InputError || error instanceof FlowError)
        return error.message;
    if (error instanceof AliyunApiError)
        return `${error.describe()}. ${nextStepFor(error)}`;
    return error instanceof Error ? error.message : String(error);
}
function nextStepFor(error) {
    if (error.outcomeUnknown) {
        return 'Run again: the next run looks the order up before ordering, so nothing is ordered twice.';
    }
    const sts = error.action === 'AssumeRoleWithOIDC' && explainStsError(error.code, error.message);
    if (sts)
        return sts;
    if (/^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken)/.test(error.code)) {
        return 'Check access-key-id, access-key-secret and security-token.';
    }
    if (/^(Forbidden|NoPermission)/.test(error.code))
        return 'Grant the RAM user the permission this call needs.';
    if (error.code.startsWith('Throttling') || error.code === 'ServiceUnavailable') {
        return 'The service is busy or throttling this account: run again later, or run fewer jobs at once.';
    }
    if (error.code === 'NotFoundOrder')
        return 'Check order-id.';
    if (error.code === 'NotRemainCount' || error.code === 'NotFoundPackage') {
        return 'Buy a certificate package for product-code, or return quota by cancelling unused orders.';
    }
    if (error.code === 'NetworkError')
        return 'Check the endpoint inputs and the network, then run again.';
    return error.recommend
        ? `See ${error.recommend}.`
        : 'Check the inputs named in the message, then run again.';
}
/** One sentence per STS refusal a user can fix (codes of the STS error-code page, docs/keyless.md). */
function explainStsError(code, message) {
    if (code === 'AuthenticationFail.OIDCToken.AudienceNotMatch') {
        return "The ID token's audience is not a client ID of the RAM OIDC provider: set audience to one of its client IDs, or add it there.";
    }
    if (code === 'AuthenticationFail.OIDCToken.Expired') {
        return 'The ID token had expired when STS read it: run again (and check the runner clock, or the file in ALIBABA_CLOUD_OIDC_TOKEN_FILE).';
    }
    if (code === 'AuthenticationFail.OIDCToken.IssuerNotMatch') {
        return "The ID token's issuer is not the RAM OIDC provider's issuer URL: set it to https://token.actions.githubusercontent.com.";
    }
    if (code.startsWith('AuthenticationFail.OIDCToken')) {
        return 'STS could not verify the ID token: check the OIDC provider in RAM (issuer URL and fingerprint).';
    }
    if (code.startsWith('EntityNotExist.Role')) {
        return 'Check role-arn: the RAM role does not exist in this account.';
    }
    if (code === 'AuthenticationFail.NoPermission' && /provider/i.test(message)) {
        return 'Check oidc-provider-arn: no such OIDC provider is registered in RAM.';
    }
    if (code === 'AuthenticationFail.NoPermission') {
        return "The role's trust policy does not allow this token: allow sts:AssumeRoleWithOIDC for the provider, with conditions this repository's oidc:sub matches.";
    }
    if (code.startsWith('InvalidParameter.DurationSeconds') || /duration/i.test(message)) {
        return "Lower role-duration to the role's maximum session duration (900 to 3600 seconds).";
    }
    if (code.startsWith('InvalidParameter.RoleSessionName')) {
        return 'Check role-session-name: 2 to 64 characters of letters, digits and . @ _ -.';
    }
    return undefined;
}

// GITHUB_STATE for the post step, and the Actions cache for resuming an in-flight order in a later run.
const POST_FLAG = 'isPost';
const CLEANUP_KEY = 'validation-cleanup';
const isPostStep = () => getState(POST_FLAG) === 'true';
function markMainStarted() {
    saveState(POST_FLAG, 'true');
}
/**
 * What validation left in the world (DNS record ids, files) that the post step must remove if main crashed.
 * Holds ids and paths only, never a key or a secret.
 */
function saveCleanupItems(items) {
    saveState(CLEANUP_KEY, JSON.stringify(items));
}
function loadCleanupItems() {
    const raw = getState(CLEANUP_KEY);
    if (!raw)
        return [];
    try {
        const parsed = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed : [];
    }
    catch {
        return [];
    }
}
/** The cache service is there only inside a GitHub-hosted job; elsewhere resuming relies on the order list. */
function cacheServiceAvailable() {
    return Boolean(process.env.ACTIONS_RESULTS_URL || process.env.ACTIONS_CACHE_URL);
}
function createCacheResumeStore(log) {
    const keyPrefix = (domains) => `alibaba-cloud-ssl-order-${createHash('sha256')
        .update([...domains].sort().join(','))
        .digest('hex')
        .slice(0, 20)}-`;
    const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'alibaba-cloud-ssl-order');
    const file = join(dir, 'order.json');
    return {
        async load(domains) {
            if (!cacheServiceAvailable()) {
                log.info('No Actions cache service in this run: in-flight orders are looked up in the order list only.');
                return undefined;
            }
            try {
                const cache = await import('./actions-cache-Bv3qAWtR.js');
                const prefix = keyPrefix(domains);
                const hit = await cache.restoreCache([dir], `${prefix}none`, [prefix]);
                if (!hit)
                    return undefined;
                const saved = JSON.parse(await readFile(file, 'utf8'));
                return typeof saved.orderId === 'string' ? saved.orderId : undefined;
            }
            catch (error) {
                log.warning(`Could not read the saved order from the cache (${String(error)}); using the order list.`);
                return undefined;
            }
        },
        async save(domains, orderId) {
            if (!cacheServiceAvailable())
                return;
            try {
                const cache = await import('./actions-cache-Bv3qAWtR.js');
                await mkdir(dir, { recursive: true });
                await writeFile(file, JSON.stringify({ orderId }));
                // Cache entries are immutable: a new key per save, restored newest-first by prefix.
                await cache.saveCache([dir], `${keyPrefix(domains)}${Date.now()}`);
            }
            catch (error) {
                log.warning(`Could not save order ${orderId} to the cache (${String(error)}); a later run finds it by listing.`);
            }
        },
    };
}

// JSON parsing that keeps every digit of integers beyond 2^53 (order ids are Long at the service).
// Node 20's JSON.parse has no reviver source access, so unsafe integer literals are quoted before parsing.
const UNSAFE_DIGITS = 16;
function parseJsonLosslessly(text) {
    let out = '';
    let copiedTo = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
            continue;
        }
        if (c === 0x22) {
            inString = true;
            continue;
        }
        const startsNumber = (c >= 0x30 && c <= 0x39) || c === 0x2d;
        if (!startsNumber)
            continue;
        let end = i + 1;
        while (end < text.length && /[0-9.eE+-]/.test(text.charAt(end)))
            end++;
        const literal = text.slice(i, end);
        if (/^-?\d+$/.test(literal) && literal.replace('-', '').length >= UNSAFE_DIGITS) {
            const value = BigInt(literal);
            if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
                out += `${text.slice(copiedTo, i)}"${literal}"`;
                copiedTo = end;
            }
        }
        i = end - 1;
    }
    return JSON.parse(copiedTo === 0 ? text : out + text.slice(copiedTo));
}

/** Errors carry `code`: CONNECT_TIMEOUT means nothing was sent; HEADERS_TIMEOUT / BODY_TIMEOUT mean it may have run. */
class TransportError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
function proxyConfigured(env = process.env) {
    return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}
function createTransport(timeouts) {
    return proxyConfigured() ? new ProxyTransport(timeouts) : new NodeTransport(timeouts);
}
/** Built-ins through getBuiltinModule: on Node 24 a static `import 'node:http'` also loads Node's internal undici. */
function builtin(id) {
    return process.getBuiltinModule(id);
}
class NodeTransport {
    timeouts;
    agents = new Map();
    constructor(timeouts) {
        this.timeouts = timeouts;
    }
    post(url, headers, body) {
        const target = new URL(url);
        const client = builtin(target.protocol === 'https:' ? 'node:https' : 'node:http');
        let agent = this.agents.get(target.protocol);
        if (!agent) {
            agent = new client.Agent({ keepAlive: true });
            this.agents.set(target.protocol, agent);
        }
        const payload = Buffer.from(body);
        const { connectMs, headersMs, bodyMs } = this.timeouts;
        return new Promise((resolve, reject) => {
            let timer;
            const arm = (ms, code, what) => {
                clearTimeout(timer);
                timer = setTimeout(() => request.destroy(new TransportError(code, `${what} within ${ms} ms`)), ms);
            };
            const request = client.request(target, {
                method: 'POST',
                agent,
                headers: { ...headers, 'content-length': String(payload.length) },
            });
            arm(connectMs, 'CONNECT_TIMEOUT', 'no connection');
            request.on('socket', (socket) => {
                const connected = () => arm(headersMs, 'HEADERS_TIMEOUT', 'no answer');
                if (!socket.connecting)
                    connected();
                else
                    socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
            });
            request.on('response', (response) => {
                const chunks = [];
                arm(bodyMs, 'BODY_TIMEOUT', 'no body');
                response.on('data', (chunk) => {
                    chunks.push(chunk);
                    arm(bodyMs, 'BODY_TIMEOUT', 'no body');
                });
                response.on('end', () => {
                    clearTimeout(timer);
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: response.headers,
                        text: Buffer.concat(chunks).toString('utf8'),
                    });
                });
                response.on('error', (error) => {
                    clearTimeout(timer);
                    reject(error);
                });
            });
            request.on('error', (error) => {
                clearTimeout(timer);
                reject(error);
            });
            request.end(payload);
        });
    }
    async close() {
        for (const agent of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
}
class ProxyTransport {
    timeouts;
    dispatcher;
    constructor(timeouts) {
        this.timeouts = timeouts;
    }
    load() {
        this.dispatcher ??= import('./undici-Bwef5sj6.js').then(function (n) { return n.i; }).then(({ EnvHttpProxyAgent, request }) => ({
            request,
            agent: new EnvHttpProxyAgent({
                keepAliveTimeout: 10_000,
                connect: { timeout: this.timeouts.connectMs },
                headersTimeout: this.timeouts.headersMs,
                bodyTimeout: this.timeouts.bodyMs,
            }),
        }));
        return this.dispatcher;
    }
    async post(url, headers, body) {
        const { agent, request } = await this.load();
        const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
        return {
            status: response.statusCode,
            headers: response.headers,
            text: await response.body.text(),
        };
    }
    async close() {
        if (this.dispatcher)
            await (await this.dispatcher).agent.close();
    }
}

// The one client for every Alibaba Cloud RPC product: common parameters, signing, transport, retries, typed errors.
const USER_AGENT = 'alibaba-cloud-ssl-certificate-action';
class RpcClient {
    options;
    transport;
    policies;
    algorithm;
    constructor(options) {
        this.options = options;
        const t = options.timeouts ?? {};
        this.transport = createTransport({
            connectMs: t.connectMs ?? 10_000,
            headersMs: t.headersMs ?? 30_000,
            bodyMs: t.bodyMs ?? 30_000,
        });
        this.policies = {
            default: { ...DEFAULT_RETRY_POLICY, ...options.retry },
            throttling: { ...THROTTLING_RETRY_POLICY, ...options.throttlingRetry },
        };
        this.algorithm = options.signatureAlgorithm ?? 'HMAC-SHA1';
    }
    async call(req) {
        for (let attempt = 1;; attempt++) {
            const outcome = await this.attempt(req, attempt);
            if (outcome.result)
                return outcome.result;
            const { error, failure } = outcome;
            if (!mayRetry(failure, req.changesState)) {
                if (failure === 'uncertain')
                    throw withOutcomeUnknown(error);
                throw error;
            }
            const waitMs = nextRetryDelayMs({
                failure,
                attempt,
                policy: policyFor(failure, this.policies),
                retryAfterMs: outcome.retryAfterMs,
                nowMs: Date.now(),
                deadline: earliest(req.deadline, this.options.deadline),
            });
            if (waitMs === undefined)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, waitMs));
        }
    }
    async close() {
        await this.transport.close();
    }
    async attempt(req, attempt) {
        const started = Date.now();
        const { credentials } = this.options;
        const key = typeof credentials === 'function' ? await credentials() : credentials;
        const { url, init } = this.buildRequest(req, key);
        const record = (status, code, requestId) => this.options.onCall?.({
            action: req.action,
            version: req.version,
            attempt,
            status,
            code,
            requestId,
            durationMs: Date.now() - started,
        });
        let status;
        let text;
        let headers;
        try {
            ({ status, headers, text } = await this.transport.post(url, init.headers, init.body));
        }
        catch (cause) {
            const failure = transportFailure(cause);
            record(undefined, 'NetworkError');
            return {
                failure,
                error: new AliyunApiError({
                    action: req.action,
                    code: 'NetworkError',
                    message: `no answer from ${new URL(url).origin} (${describeCause(cause)})`,
                    cause,
                }),
            };
        }
        const retryAfterMs = parseRetryAfterMs(headerValue(headers['retry-after']) ?? headerValue(headers['x-acs-retry-after']), Date.now());
        let body;
        try {
            body = parseJsonLosslessly(text);
        }
        catch {
            body = undefined;
        }
        const fields = isRecord(body) ? body : {};
        const requestId = stringField(fields.RequestId) ?? headerValue(headers['x-acs-request-id']);
        if (status >= 200 && status < 300 && isRecord(body)) {
            record(status, undefined, requestId);
            return { result: body, error: undefined, failure: 'final' };
        }
        if (status >= 200 && status < 300) {
            record(status, 'MalformedResponse', requestId);
            return {
                failure: 'uncertain',
                error: new AliyunApiError({
                    action: req.action,
                    code: 'MalformedResponse',
                    message: `the service answered HTTP ${status} with a body that is not a JSON object`,
                    status,
                    requestId,
                }),
            };
        }
        const code = stringField(fields.Code) ?? `HTTP${status}`;
        record(status, code, requestId);
        return {
            failure: classifyServiceError(status, stringField(fields.Code)),
            retryAfterMs,
            error: new AliyunApiError({
                action: req.action,
                code,
                message: stringField(fields.Message) ?? `HTTP ${status}`,
                status,
                requestId,
                recommend: stringField(fields.Recommend),
            }),
        };
    }
    /** Signs with a fresh nonce and timestamp; business parameters travel in the form body, as signed. */
    buildRequest(req, { accessKeyId, accessKeySecret, securityToken }) {
        const base = new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`);
        const business = {};
        for (const [name, value] of Object.entries(req.params ?? {})) {
            if (value !== undefined)
                business[name] = String(value);
        }
        const body = encodePairs(business);
        const userAgent = this.options.userAgent ?? USER_AGENT;
        if (this.algorithm === 'HMAC-SHA1') {
            const common = {
                Action: req.action,
                Format: 'JSON',
                Version: req.version,
                AccessKeyId: accessKeyId,
                SignatureMethod: 'HMAC-SHA1',
                SignatureVersion: '1.0',
                SignatureNonce: randomUUID(),
                Timestamp: formatTimestamp(new Date()),
                ...(securityToken ? { SecurityToken: securityToken } : {}),
            };
            const signature = signRpcV1('POST', { ...common, ...business }, accessKeySecret);
            const query = encodePairs({ ...common, Signature: signature });
            return {
                url: `${base.origin}/?${query}`,
                init: {
                    method: 'POST',
                    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
                    body,
                },
            };
        }
        const headers = {
            host: base.host,
            'x-acs-action': req.action,
            'x-acs-version': req.version,
            'x-acs-date': formatTimestamp(new Date()),
            'x-acs-signature-nonce': randomUUID(),
            'x-acs-content-sha256': sha256Hex(body),
            'content-type': 'application/x-www-form-urlencoded',
            ...(securityToken ? { 'x-acs-security-token': securityToken } : {}),
        };
        headers.authorization = acs3Authorization({
            method: 'POST',
            pathname: '/',
            query: {},
            headers,
            hashedPayload: headers['x-acs-content-sha256'] ?? '',
        }, accessKeyId, accessKeySecret);
        const { host: _host, ...sent } = headers;
        return {
            url: `${base.origin}/`,
            init: { method: 'POST', headers: { ...sent, 'user-agent': userAgent }, body },
        };
    }
}
function encodePairs(params) {
    return Object.entries(params)
        .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
        .join('&');
}
/** Connection refused, an unknown host or a connect timeout means nothing reached the service. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'CONNECT_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
function transportFailure(cause) {
    return NOT_SENT_CODES.has(cause?.code ?? '') ? 'not-sent' : 'uncertain';
}
function earliest(a, b) {
    return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
function describeCause(cause) {
    const { code, message } = (cause ?? {});
    return [code, message].filter(Boolean).join(': ') || String(cause);
}
function withOutcomeUnknown(error) {
    return new AliyunApiError({
        action: error.action,
        code: error.code,
        message: `${error.message}; the call may or may not have taken effect`,
        status: error.status,
        requestId: error.requestId,
        recommend: error.recommend,
        outcomeUnknown: true,
        cause: error,
    });
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
function stringField(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

// The instance adapter: CAS 2020-04-07's V2.0 instance API (docs/certificate-apis.md), one function per operation.
// Lists are flattened 1-based as the official SDKs send them (`ContactIdList.1`); timestamps are milliseconds.
const INSTANCE_API_VERSION = '2020-04-07';
const PAGE_SIZE$2 = 100;
/** Where a validation file goes when the service names only the file (docs/certificate-apis.md). */
const FILE_VALIDATION_DIR = '/.well-known/pki-validation/';
function createInstanceApi(client, endpoint, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version: INSTANCE_API_VERSION, action, params, changesState });
    return {
        api: 'instance',
        async listInstances() {
            const instances = [];
            for (let page = 1;; page++) {
                const r = await call('ListInstances', { CurrentPage: page, ShowSize: PAGE_SIZE$2 }, false);
                const items = listField(r.InstanceList);
                for (const item of items) {
                    const summary = parseInstance(item);
                    if (summary)
                        instances.push(summary);
                }
                // Smaller pages than asked for are allowed: stop on the total, or on an empty page.
                if (items.length === 0 || instances.length >= numberField(r.TotalCount))
                    return instances;
            }
        },
        async describeInstance(instanceId) {
            const r = await call('GetInstanceDetail', { InstanceId: instanceId }, false);
            const summary = parseInstance({ InstanceId: instanceId, ...r }) ?? {
                instanceId,
                state: 'unknown',
                serviceStatus: '',
                domains: [],
            };
            return { ...summary, challenges: parseValidationList(r.DomainValidationList) };
        },
        async firstContactId() {
            const r = await call('ListContact', { CurrentPage: 1, ShowSize: 10 }, false);
            const first = listField(r.ContactList)[0];
            return first ? (idField(first.ContactId) ?? textField(first.ContactId)) : undefined;
        },
        async prepare(instanceId, input) {
            const params = {
                InstanceId: instanceId,
                KeyAlgorithm: input.keyAlgorithm,
                ValidationMethod: input.validationMethod === 'FILE' ? 'HTTP' : 'DNS',
                'ContactIdList.1': input.contactId,
            };
            if (input.csr) {
                params.GenerateCsrMethod = 'upload';
                params.Csr = input.csr;
            }
            else {
                params.GenerateCsrMethod = 'online';
                params.Domain = input.domains.join(',');
            }
            // Setting the same configuration twice is harmless, so a lost answer may be retried (changesState false).
            await call('UpdateInstance', params, false);
        },
        async apply(instanceId) {
            await call('ApplyCertificate', { InstanceId: instanceId }, true);
        },
        async applicationTask(instanceId) {
            // The zh and ja pages name the instance id as the TaskId of an application (docs/certificate-apis.md).
            let r;
            try {
                r = await call('GetTaskAttribute', { TaskId: instanceId, TaskType: 'ApplyCertificate' }, false);
            }
            catch (error) {
                // No task for an instance never applied on: nothing is under way.
                if (error instanceof AliyunApiError && !error.outcomeUnknown && /NotFound|NotExist/i.test(error.code))
                    return undefined;
                throw error;
            }
            const status = textField(r.TaskStatus)?.toLowerCase();
            return status === 'success' || status === 'processing' || status === 'failed' ? status : undefined;
        },
        async fetchCertificate(status) {
            if (!status.certId)
                throw new Error(`instance ${status.instanceId} has no CertificateId`);
            const r = await call('GetUserCertificateDetail', { CertId: status.certId, CertFilter: 'false' }, false);
            const key = textField(r.Key);
            // Masked where it enters, before any caller (or log line) can see it.
            if (key)
                maskSecret(key);
            return { certificate: textField(r.Cert) ?? '', ...(key ? { privateKey: key } : {}) };
        },
        async cancel(instanceId) {
            await call('CancelPendingCertificate', { InstanceId: instanceId }, true);
        },
        async revoke(instanceId, certId) {
            await call('RevokeCertificate', { InstanceId: instanceId, CertificateId: certId }, true);
        },
    };
}
/** `Status` and `CertificateStatus` as one state: an issued certificate on a `normal`/`willExpire` instance. */
function instanceState(status, certificateStatus, certId) {
    const s = status.toLowerCase();
    const c = certificateStatus?.toLowerCase();
    if (c === 'revoked')
        return 'revoked';
    if (s === 'inactive')
        return 'inactive';
    if (s === 'pending')
        return 'pending';
    if ((s === 'normal' || s === 'willexpire') && certId)
        return 'issued';
    if (s === 'expired' || c === 'expired')
        return 'expired';
    if (s === 'refund' || s === 'closed')
        return 'closed';
    return 'unknown';
}
function parseInstance(item) {
    const instanceId = textField(item.InstanceId);
    if (!instanceId)
        return undefined;
    const serviceStatus = textField(item.Status) ?? '';
    const certId = idField(item.CertificateId) ?? textField(item.CertificateId);
    const names = textField(item.CertificateDomain) ?? textField(item.Domain) ?? '';
    const summary = {
        instanceId,
        state: instanceState(serviceStatus, textField(item.CertificateStatus), certId),
        serviceStatus,
        domains: names
            .split(/[,\s]+/)
            .map((d) => d.trim().toLowerCase())
            .filter(Boolean),
    };
    const type = textField(item.CertificateType);
    if (type)
        summary.certificateType = type.toUpperCase();
    if (certId)
        summary.certId = certId;
    const notAfter = dateField(item.CertificateNotAfter);
    if (notAfter)
        summary.notAfter = notAfter;
    return summary;
}
/** Each entry: `ValidationKey` is the host record under `RootDomain` (`@` for the apex), or a file's path or URL. */
function parseValidationList(value) {
    const challenges = [];
    for (const entry of listField(value)) {
        const domain = (textField(entry.Domain) ?? '').toLowerCase();
        const root = (textField(entry.RootDomain) ?? domain.replace(/^\*\./, '')).toLowerCase();
        const type = (textField(entry.ValidationType) ?? 'TXT').toUpperCase();
        const key = textField(entry.ValidationKey) ?? '';
        const value = textField(entry.ValidationValue) ?? '';
        let challenge;
        if (type === 'HTTP' || type === 'FILE') {
            challenge = { method: 'FILE', ...fileLocation(key, domain), content: value };
        }
        else {
            const record = key === '' || key === '@' ? root : key.endsWith(`.${root}`) ? key : `${key}.${root}`;
            challenge = { method: 'DNS', recordDomain: record, recordType: type, recordValue: value };
        }
        challenges.push({ domain, challenge });
    }
    return challenges;
}
function fileLocation(key, domain) {
    if (/^https?:\/\//i.test(key)) {
        const url = new URL(key);
        return { domain: url.hostname, uri: url.pathname };
    }
    const bare = domain.replace(/^\*\./, '');
    if (key.startsWith('/'))
        return { domain: bare, uri: key };
    const slash = key.indexOf('/');
    // "host/path" (the 2018 API's CheckName form), or a file name alone.
    if (slash > 0 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(key.slice(0, slash)))
        return { domain: key.slice(0, slash), uri: key.slice(slash) };
    return { domain: bare, uri: `${FILE_VALIDATION_DIR}${key}` };
}

const LEGACY_DV_VERSION = '2018-07-13';
/** `DescribeOrderInstanceList`'s `Status` words (004, DescribeOrderInstanceList). */
function legacyListState(status) {
    switch (status.trim().toLowerCase()) {
        case 'paid':
            return 'inactive';
        case 'pending verification':
        case 'verifying':
            return 'pending';
        case 'verification failed':
            return 'failed';
        case 'issued':
            return 'issued';
        case 'pending verification for revocation':
        case 'verifying revocation':
            return 'revoked';
        default:
            return 'unknown';
    }
}
/** `DescribeDVOrderResult`'s `OrderStatus`: checking, issued, check_failed (004). */
function orderState(status) {
    switch (status?.toLowerCase()) {
        case 'checking':
            return 'pending';
        case 'issued':
            return 'issued';
        case 'check_failed':
            return 'failed';
        default:
            return 'unknown';
    }
}
function createLegacyDvApi(client, endpoint, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version: LEGACY_DV_VERSION, action, params, changesState });
    return {
        api: 'legacy-dv',
        async listInstances() {
            const instances = [];
            // StartIndex counts items from 0 (the reference's example says 1; the SDK's default is 0).
            for (let start = 0;;) {
                const r = await call('DescribeOrderInstanceList', { StartIndex: start }, false);
                const items = listField(r.OrderList, 'Order');
                for (const item of items) {
                    const instanceId = textField(item.InstanceId);
                    if (!instanceId)
                        continue;
                    const serviceStatus = textField(item.Status) ?? '';
                    instances.push({
                        instanceId,
                        state: legacyListState(serviceStatus),
                        serviceStatus,
                        certificateType: 'DV',
                        domains: [],
                    });
                }
                start += items.length;
                if (items.length === 0 || start >= numberField(r.TotalCount))
                    return instances;
            }
        },
        async describeInstance(instanceId) {
            const r = await call('DescribeDVOrderResult', { InstanceId: instanceId }, false);
            const serviceStatus = textField(r.OrderStatus) ?? '';
            const state = orderState(serviceStatus);
            const key = textField(r.PrivateKey);
            if (key)
                maskSecret(key);
            const challenges = [];
            const name = textField(r.CheckName);
            const value = textField(r.CheckValue);
            if (state === 'pending' && name && value) {
                const type = (textField(r.CheckType) ?? 'DNS').toUpperCase();
                if (type === 'FILE') {
                    // CheckName is the URL without the protocol (004, DescribeDVOrderResult).
                    const where = fileLocation(name, '');
                    challenges.push({ domain: where.domain, challenge: { method: 'FILE', ...where, content: value } });
                }
                else {
                    const domain = name
                        .split('.')
                        .filter((label) => !label.startsWith('_'))
                        .join('.');
                    challenges.push({
                        domain,
                        challenge: { method: 'DNS', recordDomain: name, recordType: 'TXT', recordValue: value },
                    });
                }
            }
            return {
                instanceId,
                state,
                serviceStatus,
                domains: [],
                challenges,
                certificateType: 'DV',
                ...(state === 'issued' && textField(r.Certificate) ? { certificate: textField(r.Certificate) } : {}),
                ...(state === 'issued' && key ? { privateKey: key } : {}),
            };
        },
        async firstContactId() {
            return undefined;
        },
        async prepare() { },
        async apply(instanceId, input) {
            await call('CreateDVOrderAudit', {
                InstanceId: instanceId,
                Domain: input.domains.join(','),
                DomainVerifyType: input.validationMethod === 'FILE' ? 'FILE' : 'DNS',
                Username: input.contact.name,
                Email: input.contact.email,
                Mobile: input.contact.phone,
                Province: input.province,
                City: input.city,
            }, true);
        },
        async applicationTask() {
            return undefined;
        },
        async fetchCertificate(status) {
            return {
                certificate: status.certificate ?? '',
                ...(status.privateKey ? { privateKey: status.privateKey } : {}),
            };
        },
        async cancel(instanceId) {
            throw new Error(`the 2018 DV API has no operation to withdraw instance ${instanceId}`);
        },
        async revoke(instanceId) {
            throw new Error(`the 2018 DV API has no operation to revoke instance ${instanceId}`);
        },
    };
}

const CAS_VERSION = '2020-04-07';
const PAGE_SIZE$1 = 50;
const KNOWN_STATES = [
    'domain_verify',
    'process',
    'verify_fail',
    'certificate',
    'payed',
];
function createOrderApi(client, endpoint, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version: CAS_VERSION, action, params, changesState });
    return {
        async describePackageState(productCode) {
            const r = await call('DescribePackageState', { ProductCode: productCode }, false);
            return {
                productCode: textField(r.ProductCode) ?? productCode ?? '',
                total: numberField(r.TotalCount),
                used: numberField(r.UsedCount),
                issued: numberField(r.IssuedCount),
            };
        },
        async createOrder(input) {
            const { contact } = input;
            const params = {
                ProductCode: input.productCode,
                ValidateType: input.validationMethod,
                Username: contact.name,
                Phone: contact.phone,
                Email: contact.email,
            };
            if (input.operation === 'CreateCertificateWithCsrRequest') {
                params.Csr = input.csr;
            }
            else if (input.operation === 'CreateCertificateRequest') {
                params.Domain = input.domains.join(',');
            }
            else {
                params.Domain = input.domains.join(',');
                params.Csr = input.csr;
                params.CompanyName = contact.companyName;
            }
            const r = await call(input.operation, params, true);
            return { orderId: requireId(r.OrderId, input.operation) };
        },
        async describeOrder(orderId) {
            const r = await call('DescribeCertificateState', { OrderId: orderId }, false);
            // Masked where it enters, before any caller (or log line) can see it.
            const key = textField(r.PrivateKey);
            if (key)
                maskSecret(key);
            return parseOrderStatus(orderId, r);
        },
        async cancelOrder(orderId) {
            await call('CancelOrderRequest', { OrderId: orderId }, true);
        },
        async deleteOrder(orderId) {
            await call('DeleteCertificateRequest', { OrderId: orderId }, true);
        },
        async revokeOrder(orderId) {
            await call('CancelCertificateForPackageRequest', { OrderId: orderId }, true);
        },
        async renewOrder(orderId, csr) {
            const r = await call('RenewCertificateOrderForPackageRequest', { OrderId: orderId, Csr: csr }, true);
            return { orderId: requireId(r.OrderId, 'RenewCertificateOrderForPackageRequest') };
        },
        async listOrders(query) {
            const orders = [];
            for (let page = 1;; page++) {
                const r = await call('ListUserCertificateOrder', {
                    Keyword: query.keyword,
                    Status: query.status,
                    OrderType: 'CPACK',
                    CurrentPage: page,
                    ShowSize: PAGE_SIZE$1,
                }, false);
                const items = listField(r.CertificateOrderList);
                for (const item of items) {
                    const summary = parseOrderSummary(item);
                    if (summary)
                        orders.push(summary);
                }
                // The service may serve smaller pages than asked for: stop on the total, or on an empty page.
                if (items.length === 0 || orders.length >= numberField(r.TotalCount))
                    return orders;
            }
        },
    };
}
function parseOrderStatus(orderId, r) {
    const type = textField(r.Type) ?? 'unknow';
    const state = KNOWN_STATES.includes(type) ? type : 'unknow';
    let challenge;
    if (state === 'domain_verify' && textField(r.ValidateType) === 'FILE') {
        challenge = {
            method: 'FILE',
            domain: textField(r.Domain) ?? '',
            uri: textField(r.Uri) ?? '',
            content: textField(r.Content) ?? '',
        };
    }
    else if (state === 'domain_verify' && textField(r.RecordValue)) {
        challenge = {
            method: 'DNS',
            recordDomain: textField(r.RecordDomain) ?? '',
            recordType: textField(r.RecordType) ?? 'TXT',
            recordValue: textField(r.RecordValue) ?? '',
        };
    }
    return {
        orderId,
        state,
        challenge,
        certificate: state === 'certificate' ? textField(r.Certificate) : undefined,
        privateKey: state === 'certificate' ? textField(r.PrivateKey) : undefined,
        certId: idField(r.CertId) ?? textField(r.CertId),
    };
}
function parseOrderSummary(item) {
    const orderId = idField(item.OrderId);
    if (!orderId)
        return undefined;
    const names = textField(item.Sans) ?? textField(item.Domain) ?? '';
    return {
        orderId,
        domains: names
            .split(/[,\s]+/)
            .map((d) => d.trim().toLowerCase())
            .filter(Boolean),
        status: parseListStatus(textField(item.Status)),
        productCode: textField(item.ProductCode),
        instanceId: textField(item.InstanceId),
        certStartTime: dateField(item.CertStartTime),
        certEndTime: dateField(item.CertEndTime),
        buyDate: dateField(item.BuyDate),
    };
}
function requireId(value, action) {
    const id = idField(value);
    if (!id)
        throw new Error(`${action} answered without an OrderId`);
    return id;
}

const CDN_VERSION = '2018-05-10';
function createCdnService(client, endpoint) {
    return {
        async describeDomainCertificate(domainName) {
            const r = await client.call({
                endpoint,
                version: CDN_VERSION,
                action: 'DescribeDomainCertificateInfo',
                params: { DomainName: domainName },
                changesState: false,
            });
            const info = listField(r.CertInfos, 'CertInfo')[0];
            if (!info)
                return undefined;
            const date = (v) => {
                const t = textField(v);
                const parsed = t ? new Date(t) : undefined;
                return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
            };
            return {
                domainName: textField(info.DomainName) ?? domainName,
                certName: textField(info.CertName),
                certId: textField(info.CertId),
                status: textField(info.Status),
                certExpireTime: date(info.CertExpireTime),
                certStartTime: date(info.CertStartTime),
                serverCertificate: textField(info.ServerCertificate),
            };
        },
    };
}

const DNS_VERSION = '2015-01-09';
const PAGE_SIZE = 100;
function createDnsService(client, endpoint) {
    const call = (action, params, changesState) => client.call({ endpoint, version: DNS_VERSION, action, params, changesState });
    // Zones do not change while one step runs: one listing serves the pre-order check and the validation.
    let zoneList;
    const fetchZones = async () => {
        const zones = [];
        for (let page = 1;; page++) {
            const r = await call('DescribeDomains', { PageNumber: page, PageSize: PAGE_SIZE }, false);
            const items = listField(r.Domains, 'Domain');
            for (const item of items) {
                const name = textField(item.DomainName);
                if (name)
                    zones.push(name.toLowerCase());
            }
            if (items.length === 0 || zones.length >= numberField(r.TotalCount))
                return zones;
        }
    };
    return {
        listZones() {
            zoneList ??= fetchZones().catch((error) => {
                zoneList = undefined;
                throw error;
            });
            return zoneList;
        },
        async findRecords(zone, rr, type, value) {
            const found = [];
            for (let page = 1;; page++) {
                const r = await call('DescribeDomainRecords', { DomainName: zone, RRKeyWord: rr, TypeKeyWord: type, PageNumber: page, PageSize: PAGE_SIZE }, false);
                const items = listField(r.DomainRecords, 'Record');
                for (const item of items) {
                    const record = toRecord(zone, item);
                    // The key words match loosely: keep exact matches only.
                    if (record &&
                        record.rr === rr &&
                        record.type === type &&
                        (value === undefined || record.value === value)) {
                        found.push(record);
                    }
                }
                if (items.length === 0 || page * PAGE_SIZE >= numberField(r.TotalCount))
                    return found;
            }
        },
        async addRecord(zone, rr, type, value, ttl) {
            const r = await call('AddDomainRecord', { DomainName: zone, RR: rr, Type: type, Value: value, TTL: ttl }, true);
            const recordId = idField(r.RecordId);
            if (!recordId)
                throw new Error('AddDomainRecord answered without a RecordId');
            return { recordId, zone, rr, type, value };
        },
        async deleteRecord(recordId) {
            await call('DeleteDomainRecord', { RecordId: recordId }, true);
        },
    };
}
function toRecord(zone, item) {
    const recordId = idField(item.RecordId) ?? textField(item.RecordId);
    if (!recordId)
        return undefined;
    return {
        recordId,
        zone,
        rr: textField(item.RR) ?? '',
        type: textField(item.Type) ?? '',
        value: textField(item.Value) ?? '',
    };
}

// Wiring, beside the entry: the one way to build the signed client, the credentials chain and the services from
// a Config, shared by the main and post steps.
/** One debug line per call attempt: never parameters, so never secrets. */
function describeCall(c) {
    return (`${c.action} (${c.version}) attempt ${c.attempt}: ${c.status ?? 'no answer'}` +
        `${c.code ? ` ${c.code}` : ''}, RequestId ${c.requestId ?? '-'}, ${c.durationMs} ms`);
}
/** `hooks.maskSecret` also masks every private key an answer carries, before any caller sees it. */
function createServices(config, onCall, hooks) {
    const credentials = createCredentialsProvider(config.credentials, {
        ...hooks,
        // Loaded only when a role is assumed: a run with keys never loads STS.
        sts: {
            assumeRoleWithOidc: async (request) => (await import('./sts-BWD0fJLp.js'))
                .createStsService(config.endpoints.sts)
                .assumeRoleWithOidc(request),
        },
    });
    const client = new RpcClient({ credentials, onCall });
    return {
        client,
        authority: createOrderApi(client, config.endpoints.cas, hooks.maskSecret),
        instances: {
            instance: createInstanceApi(client, config.endpoints.cas, hooks.maskSecret),
            'legacy-dv': createLegacyDvApi(client, config.endpoints.cas, hooks.maskSecret),
        },
        dns: createDnsService(client, config.endpoints.dns),
        cdn: createCdnService(client, config.endpoints.cdn),
    };
}

// The main step: inputs → config → flow → outputs, files, summary. The one place that calls setFailed.
async function runMain() {
    markMainStarted();
    // Mask the credentials before anything at all is printed.
    maskCredentialSources();
    let client;
    let knownOrderId;
    let domains = [];
    try {
        const config = parseConfig((name) => getInput(name), process.env);
        for (const secret of [config.pfxPassword, config.privateKeyPassphrase])
            if (secret)
                setSecret(secret);
        domains = await resolveDomains(config);
        const credentialSource = describeCredentialSource(config.credentials);
        info(`Credentials: ${credentialSource}.`);
        const services = createServices(config, (c) => debug(describeCall(c)), credentialHooks);
        client = services.client;
        const ctx = createFlowContext(config, services, (orderId) => {
            knownOrderId = orderId;
            setOutput('order-id', orderId);
        });
        const result = await runFlow(ctx, domains);
        result.details.push(['Credentials', credentialSource]);
        await deliverResult(config, result, domains);
    }
    catch (error) {
        const message = describeFailure(error);
        await reportFailure(message, error instanceof FlowError ? error.result : undefined, knownOrderId, domains);
        setFailed(`${ACTION_NAME}: ${message}`);
    }
    finally {
        await client?.close();
    }
}
function createFlowContext(config, services, onOrderKnown) {
    const log = createActionsLogger();
    const { authority, instances, dns, cdn } = services;
    return {
        config,
        authority,
        instances,
        dns,
        cdn,
        log,
        resume: createCacheResumeStore(log),
        validation: (orderId) => createValidationStrategy({ config, dns, log, rememberCleanup: saveCleanupItems }, orderId),
        onOrderKnown,
        now: () => new Date(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    };
}
/** The domains come from `domains`, or from the CSR; when both are given they must agree. */
async function resolveDomains(config) {
    if (!config.csr)
        return config.domains;
    const csr = await inspectCsr(config.csr);
    if (typeof csr === 'string')
        throw new InputError([{ input: 'csr', problem: csr }]);
    if (config.domains.length > 0 && !sameDomainSet(csr.names, config.domains)) {
        throw new InputError([
            {
                input: 'csr',
                problem: `names ${csr.names.join(', ')}, which differ from domains ${config.domains.join(', ')}`,
            },
        ]);
    }
    return config.domains.length > 0 ? config.domains : csr.names;
}
async function runFlow(ctx, domains) {
    switch (ctx.config.mode) {
        case 'issue':
            return issueCertificate(ctx, domains);
        case 'renew':
            return renewCertificate(ctx, domains);
        case 'cancel':
            return cancelOrder(ctx, domains);
        case 'revoke':
            return revokeCertificate(ctx, domains);
        case 'status':
            return reportStatus(ctx, domains);
    }
}

// The post step's half of cleanup: read the saved ledger back and remove what the main step could not, each item
// by the provider that wrote it (registry.ts).
/** Reads saved items back, dropping anything malformed or of no known provider. */
async function parseCleanupItems(raw) {
    const items = [];
    for (const entry of raw) {
        if (!isRecord(entry) || typeof entry.kind !== 'string')
            continue;
        const item = (await providerOfItem(entry.kind))?.parseItem?.(entry);
        if (item)
            items.push(item);
    }
    return items;
}
/** One line naming what an item is, for logs. */
async function describeItem(item) {
    return (await providerOfItem(item.kind))?.describeItem?.(item) ?? item.kind;
}
/** Removes every item it can; returns those still in place. Never throws. */
async function removeLeftovers(items, deps) {
    const left = [];
    for (const item of items) {
        const provider = await providerOfItem(item.kind);
        const removed = (await provider?.removeItem?.(item, deps)) ?? false;
        if (!removed)
            left.push(item);
    }
    if (left.length > 0) {
        const names = await Promise.all(left.map(describeItem));
        deps.log.warning(`Validation leftovers to remove by hand: ${names.join('; ')}.`);
    }
    return left;
}

// The post step: remove validation leftovers when the main step could not (crash, cancellation).
// It never fails the job: what it cannot remove is reported as a warning.
async function runPost() {
    const items = await parseCleanupItems(loadCleanupItems());
    if (items.length === 0)
        return;
    maskCredentialSources();
    const log = createActionsLogger();
    info(`Removing ${items.length} validation leftover(s) of the main step.`);
    let services;
    try {
        let config;
        try {
            config = parseConfig((name) => getInput(name), process.env);
            services = createServices(config, (c) => debug(describeCall(c)), credentialHooks);
        }
        catch (error) {
            log.warning(`The post step cannot read its inputs (${describeFailure(error)}).`);
        }
        saveCleanupItems(await removeLeftovers(items, { log, dns: services?.dns, config }));
    }
    catch (error) {
        warning(`Could not remove the validation leftovers (${describeFailure(error)}); ` +
            `remove them by hand: ${(await Promise.all(items.map(describeItem))).join('; ')}.`);
    }
    finally {
        await services?.client.close();
    }
}

// GitHub runs this file for both the main and the post step; saved state tells which.
await (isPostStep() ? runPost() : runMain());
