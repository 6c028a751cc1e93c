// Every deploy target: the input that lists its resources and how they are written (read by config, so pure at
// import time), and its code, loaded only when its resources are listed. A new target: a file and one line here.
import {
  acceleratedDomains,
  casJobResources,
  esaSites,
  fcCustomDomains,
  gaListeners,
  regionalResources,
  wafResources,
} from './resources.js';
import type { DeployResource, DeployTargetFactory, ResourceRule } from './target.js';

export interface DeployTargetEntry {
  /** The key of its resources (`DeployResource.target`) and its name in a `deploy` line (`alb: …`). */
  readonly target: string;
  /** The input that lists its resources besides `deploy` lines (`cdn-domains`), or `deploy` alone. */
  readonly input: string;
  /** The input naming its endpoint: for CDN and DCDN one with a default; for the others an override of it. */
  readonly endpointInput: string;
  readonly resources: ResourceRule;
  load(): Promise<DeployTargetFactory>;
}

/** The input of one resource a line, `<target>: <resource>` (docs/deploy.md). */
export const DEPLOY_INPUT = 'deploy';

/** Targets a `deploy` line may name that this version does not serve yet: said so, not taken for a typo. */
export const PLANNED_TARGETS = ['live', 'vod'] as const;

export const DEPLOY_TARGETS: readonly DeployTargetEntry[] = [
  {
    target: 'cdn',
    input: 'cdn-domains',
    endpointInput: 'cdn-endpoint',
    resources: acceleratedDomains,
    load: async () => (await import('./cdn.js')).createCdnTarget,
  },
  {
    target: 'dcdn',
    input: 'dcdn-domains',
    endpointInput: 'dcdn-endpoint',
    resources: acceleratedDomains,
    load: async () => (await import('./dcdn.js')).createDcdnTarget,
  },
  {
    target: 'clb',
    input: DEPLOY_INPUT,
    endpointInput: 'clb-endpoint',
    resources: regionalResources({
      id: /^lb-[a-z0-9]+:([1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/,
      what: 'a CLB listener, its load balancer id and port (lb-…:443)',
      example: 'clb: lb-xxxx:443@cn-hangzhou',
      sni: true,
    }),
    load: async () => (await import('./clb.js')).createClbTarget,
  },
  {
    target: 'esa',
    input: DEPLOY_INPUT,
    endpointInput: 'esa-endpoint',
    resources: esaSites,
    load: async () => (await import('./esa.js')).createEsaTarget,
  },
  {
    target: 'nlb',
    input: DEPLOY_INPUT,
    endpointInput: 'nlb-endpoint',
    resources: regionalResources({
      id: /^lsn-[a-z0-9]+(@\d{1,5})?$/,
      what: 'an NLB listener id (lsn-…, as the console writes it, with its @<port>)',
      example: 'nlb: lsn-xxxx@443@cn-hangzhou',
      sni: true,
      idMayEndInPort: true,
    }),
    load: async () => (await import('./nlb.js')).createNlbTarget,
  },
  {
    target: 'oss',
    input: DEPLOY_INPUT,
    endpointInput: 'oss-endpoint',
    // `<bucket>/<domain>`: a bucket's name (3–63 of a–z, 0–9, `-`), then a domain bound to it (no wildcard).
    resources: regionalResources({
      id: /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\/(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]*$/,
      what: 'a bucket and a custom domain bound to it (<bucket>/<domain>)',
      example: 'oss: my-bucket/static.example.com@cn-shanghai',
      sni: false,
    }),
    load: async () => (await import('./oss.js')).createOssTarget,
  },
  {
    target: 'alb',
    input: DEPLOY_INPUT,
    endpointInput: 'alb-endpoint',
    resources: regionalResources({
      id: /^lsn-[a-z0-9]+$/,
      what: 'an ALB listener id (lsn-…)',
      example: 'alb: lsn-xxxx@cn-hangzhou',
      sni: true,
    }),
    load: async () => (await import('./alb.js')).createAlbTarget,
  },
  {
    target: 'apigw',
    input: DEPLOY_INPUT,
    endpointInput: 'apigw-endpoint',
    // Cloud-native `d-…`, or classic `<groupId>/<domain>` (a group id is 32 hex digits; no wildcard domain).
    resources: regionalResources({
      id: /^(d-[a-z0-9]+|[0-9a-f]{32}\/(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]*)$/,
      what: 'a cloud-native API Gateway domain id (d-…) or a classic API group and its custom domain (<groupId>/<domain>)',
      example: 'apigw: d-xxxx@cn-hangzhou, or apigw: <32-hex group id>/api.example.com@cn-hangzhou',
      sni: false,
    }),
    load: async () => (await import('./apigw.js')).createApigwTarget,
  },
  {
    target: 'waf',
    input: DEPLOY_INPUT,
    endpointInput: 'waf-endpoint',
    resources: wafResources,
    load: async () => (await import('./waf.js')).createWafTarget,
  },
  {
    target: 'ga',
    input: DEPLOY_INPUT,
    endpointInput: 'ga-endpoint',
    resources: gaListeners,
    load: async () => (await import('./ga.js')).createGaTarget,
  },
  {
    target: 'cas-job',
    input: DEPLOY_INPUT,
    // Certificate Management Service's own deployment: the run's CAS endpoint, no endpoint of its own.
    endpointInput: 'endpoint',
    resources: casJobResources,
    load: async () => (await import('./cas-job.js')).createCasJobTarget,
  },
  {
    target: 'fc',
    input: DEPLOY_INPUT,
    endpointInput: 'fc-endpoint',
    resources: fcCustomDomains,
    load: async () => (await import('./fc.js')).createFcTarget,
  },
];

/** Whether any resource is listed to deploy to. */
export function wantsDeployment(deploy: { resources: readonly DeployResource[] }): boolean {
  return deploy.resources.length > 0;
}

/** The registry entry of a target, by its key. */
export function deployTargetEntry(target: string): DeployTargetEntry | undefined {
  return DEPLOY_TARGETS.find((entry) => entry.target === target);
}
