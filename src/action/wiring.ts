// Wiring, beside the entry: the one way to build the signed client, the credentials chain and the services from
// a Config, shared by the main and post steps.
import { createCredentialsProvider, type ProviderDeps } from '../aliyun/credentials.js';
import type { OssClient, OssRequester } from '../aliyun/oss-request.js';
import { type RpcCallRecord, RpcClient } from '../aliyun/rpc.js';
import { createOrderApi } from '../authority/order-api.js';
import type { Authorities } from '../authority/port.js';
import type { Config } from '../config/config.js';
import { privateKeysIn } from '../core/secrets.js';
import { DEPLOY_TARGETS } from '../deploy/registry.js';
import type { DeployJob, DeployServices, TargetServices } from '../deploy/target.js';
import type { HeldCertificateStore } from '../held/port.js';
import { type CdnService, createCdnService, createDcdnService } from '../services/cdn.js';
import { createDnsService, type DnsService } from '../services/dns.js';

/** What the credentials chain needs from the runner: masking, and GitHub's ID token for a role. */
export type CredentialHooks = Omit<ProviderDeps, 'sts'>;

export interface Services {
  client: RpcClient;
  /** The order API, the V2.0 instance API and the 2018 DV API: the certificate sources choose one per run. */
  authorities: Authorities;
  dns: DnsService;
  cdn: CdnService;
  /** Certificates held at the service, in the config's api-version; loaded only by the modes that use them. */
  held: () => Promise<HeldCertificateStore>;
  /** The deploy targets of the listed resources; their code loads only when a deployment asks for them. */
  deploy: DeployServices;
}

/** One debug line per call attempt: never parameters, so never secrets. */
export function describeCall(c: RpcCallRecord): string {
  return (
    `${c.action} (${c.version}) attempt ${c.attempt}: ${c.status ?? 'no answer'}` +
    `${c.code ? ` ${c.code}` : ''}, RequestId ${c.requestId ?? '-'}, ${c.durationMs} ms`
  );
}

/**
 * After wait-timeout, the time a run still has for the calls that follow the wait (fetching, clean-up, delivery):
 * no retry wait of any call ends later than wait-timeout plus this (docs/faults.md, "No hang").
 */
export const AFTER_WAIT_ALLOWANCE_MS = 30_000;

/** The epoch ms past which no call of this run waits to retry: the run's start, wait-timeout, the allowance. */
export function runDeadline(config: Config, startedAt: number = Date.now()): number {
  // A deployment waits after the issuance (or is the whole run): its deploy-timeout comes on top (docs/deploy.md).
  const { resources, timeoutSeconds } = config.deploy;
  const deploySeconds = resources.length > 0 ? timeoutSeconds : 0;
  return startedAt + (config.waitTimeoutSeconds + deploySeconds) * 1000 + AFTER_WAIT_ALLOWANCE_MS;
}

/** `hooks.maskSecret` also masks every private key an answer carries, before any caller sees it. */
export function createServices(
  config: Config,
  onCall: ((call: RpcCallRecord) => void) | undefined,
  hooks: CredentialHooks,
  limits: {
    deadline?: number;
    onWarning?: (message: string) => void;
    /** Detail kept out of failures (a server's string to sign), scrubbed. */
    onDebug?: (message: string) => void;
  } = {},
): Services {
  const credentials = createCredentialsProvider(config.credentials, {
    ...hooks,
    ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
    // Loaded only when a role is assumed: a run with keys never loads STS.
    sts: {
      assumeRoleWithOidc: async (request) =>
        (await import('../services/sts.js'))
          .createStsService(config.endpoints.sts, limits.deadline)
          .assumeRoleWithOidc(request),
    },
  });
  const client = new RpcClient({
    credentials,
    // Masked as the answer arrives, before its debug line (onCall) or any caller can print a part of it.
    onAnswer: (body) => {
      for (const key of privateKeysIn(body)) hooks.maskSecret(key);
    },
    onCall,
    ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
    ...(limits.onWarning ? { onWarning: limits.onWarning } : {}),
    ...(limits.onDebug ? { onDebug: limits.onDebug } : {}),
  });
  const cdn = createCdnService(client, config.endpoints.cdn);
  // Loaded on the first OSS call: only a run that deploys to a bucket's domain signs OSS requests.
  let ossClient: Promise<OssClient> | undefined;
  const oss: OssRequester = {
    request: async (req) => {
      ossClient ??= import('../aliyun/oss-request.js').then(
        ({ OssClient }) =>
          new OssClient({ credentials, onCall, deadline: limits.deadline, onDebug: limits.onDebug }),
      );
      return (await ossClient).request(req);
    },
  };
  let deployJobs: Promise<DeployJob[]> | undefined;
  return {
    client,
    authorities: {
      order: createOrderApi(client, config.endpoints.cas, hooks.maskSecret),
      instance: loadedOnFirstCall({ api: 'instance' }, async () =>
        (await import('../authority/instance-api.js')).createInstanceApi(
          client,
          config.endpoints.cas,
          hooks.maskSecret,
        ),
      ),
      'legacy-dv': loadedOnFirstCall({ api: 'legacy-dv' }, async () =>
        (await import('../authority/legacy-dv-api.js')).createLegacyDvApi(
          client,
          config.endpoints.cas,
          hooks.maskSecret,
        ),
      ),
      acme: loadedOnFirstCall({}, async () => {
        if (!config.acme) throw new Error('certificate-api acme was not read from the inputs');
        return (await import('../authority/acme-api.js')).createAcmeAuthority({
          ...config.acme,
          pollIntervalMs: config.pollIntervalSeconds * 1000,
          maxPollIntervalMs: config.maxPollIntervalSeconds * 1000,
          deadline: Date.now() + config.waitTimeoutSeconds * 1000,
        });
      }),
    },
    dns: createDnsService(client, config.endpoints.dns),
    cdn,
    held: async () => {
      const version = config.held.apiVersion;
      const endpoint = version === '2020-04-07' ? config.endpoints.cas : config.endpoints.cas2018;
      const { openHeldCertificates } = await import('../held/open.js');
      return openHeldCertificates(client, endpoint, version, hooks.maskSecret);
    },
    deploy: {
      // Opened once: delete's check and a deployment share the targets.
      jobs: () => (deployJobs ??= openDeployJobs(config, cdn, client, oss, hooks.maskSecret)),
      preflight: async () => {
        deployJobs ??= openDeployJobs(config, cdn, client, oss, hooks.maskSecret);
        const checked = await Promise.all(
          (await deployJobs).map(async ({ target, resource, input }) => ({
            input,
            problem: await target.check?.(resource),
          })),
        );
        return checked.filter((c): c is { input: string; problem: string } => c.problem !== undefined);
      },
      describeCertificate: async (certId) =>
        (await import('../deploy/held-certificate.js')).heldCertificateFacts(
          client,
          config.endpoints.cas,
          certId,
        ),
    },
  };
}

/** Each listed resource with its target, loaded from the registry; the targets share the services built here. */
async function openDeployJobs(
  config: Config,
  cdn: CdnService,
  client: RpcClient,
  oss: OssRequester,
  maskSecret: (secret: string) => void,
): Promise<DeployJob[]> {
  const services: TargetServices = {
    cdn,
    dcdn: createDcdnService(client, config.endpoints.dcdn),
    client,
    oss,
    roa: { call: (req) => client.roa(req) },
    certificateWithKey: async (certId) =>
      (await import('../deploy/held-certificate.js')).heldCertificateWithKey(
        client,
        config.endpoints.cas,
        certId,
        maskSecret,
      ),
    certificateFacts: async (certId) =>
      (await import('../deploy/held-certificate.js')).heldCertificateFacts(
        client,
        config.endpoints.cas,
        certId,
      ),
    endpointOverride: (target: string) => config.deployEndpoints[target],
  };
  const options = {
    certRegion: config.certRegion,
    region: config.region,
    ...(config.contactId ? { contactId: config.contactId } : {}),
  };
  const jobs: DeployJob[] = [];
  for (const entry of DEPLOY_TARGETS) {
    const resources = config.deploy.resources.filter((r) => r.target === entry.target);
    if (resources.length === 0) continue;
    const target = (await entry.load())(services, options);
    for (const { resource, input } of resources) jobs.push({ key: entry.target, target, resource, input });
  }
  return jobs;
}

/**
 * An adapter whose module loads on its first call: a run served by the order API (the no-op scheduled check
 * among them) never loads the instance adapters (README, "Development"). Every method of the ports is async.
 */
function loadedOnFirstCall<T extends object>(fields: Partial<T>, load: () => Promise<T>): T {
  let loaded: Promise<T> | undefined;
  return new Proxy(fields as T, {
    get(target, name) {
      if (name in target) return target[name as keyof T];
      if (name === 'then') return undefined;
      return async (...args: unknown[]) => {
        loaded ??= load();
        const adapter = await loaded;
        const method = adapter[name as keyof T] as unknown as (...a: unknown[]) => unknown;
        return method.apply(adapter, args);
      };
    },
  });
}
