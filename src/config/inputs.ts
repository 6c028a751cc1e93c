// The typed inputs: what parseConfig (config.ts) builds, less the mode. Types and name lists only, so the mode
// registry can read them without importing the parser that reads the registry.
import type { CredentialSource } from '../aliyun/credentials.js';
import type { CertificateApiInput } from '../authority/port.js';
import type { Contact, CreateOperation, ValidationMethod } from '../authority/vocabulary.js';
import type { DeployResource, ServedCheck } from '../deploy/target.js';
import type { HeldApiVersion } from '../held/port.js';
import type { DnsProvider } from '../validation/registry.js';
import type { AcmeInputs } from './acme-inputs.js';

export const ALERTS = ['none', 'issue'] as const;
export type Alert = (typeof ALERTS)[number];
export const CREATE_OPERATIONS: readonly CreateOperation[] = [
  'CreateCertificateForPackageRequest',
  'CreateCertificateRequest',
  'CreateCertificateWithCsrRequest',
];

export const CERTIFICATE_TYPES = ['DV', 'OV', 'EV'] as const;
export const KEY_ALGORITHMS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_256'] as const;

/** Every input but `mode`: what a mode's requirements read (src/modes/registry.ts). */
export interface Inputs {
  /** Which certificate API (docs/certificate-apis.md); `auto` decides per run. */
  certificateApi: CertificateApiInput;
  /** A V2.0 instance, or a 2018 DV instance (`cas-…`). */
  instanceId?: string;
  certificateType: (typeof CERTIFICATE_TYPES)[number];
  keyAlgorithm: (typeof KEY_ALGORITHMS)[number];
  contactId?: string;
  /** V2.0 OV and EV: the company the certificate is issued to. */
  companyId?: string;
  /** 2018 DV applications: the applicant's location. */
  province: string;
  city: string;
  credentials: CredentialSource;
  region: string;
  /** CertRegion of CDN deployment: `cn-hangzhou` on the China site, `ap-southeast-1` on the international one. */
  certRegion: string;
  /** `cas2018`: the 2018-07-13 API answers at cas.aliyuncs.com for every region (docs/held-certificates.md). */
  endpoints: { cas: string; cas2018: string; dns: string; cdn: string; dcdn: string; sts: string };
  /** `<target>-endpoint` of the deploy targets past CDN and DCDN, where given: every region then goes there. */
  deployEndpoints: Readonly<Record<string, string>>;
  orderId?: string;
  domains: string[];
  productCode?: string;
  createOperation: CreateOperation;
  csr?: string;
  validationMethod: ValidationMethod;
  dnsProvider: DnsProvider;
  dnsHook?: string;
  /** `dns-hook-env`: the step's variables passed to the hook besides the basics. */
  dnsHookEnv: string[];
  dnsWaitPropagation: boolean;
  /** `dns-resolvers`: where record visibility is checked (`ip` or `ip:port`); empty: the zone's own servers. */
  dnsResolvers: string[];
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
  /** certificate-api acme: the CA and its account (config/acme-inputs.ts). */
  acme?: AcmeInputs;
  /** `upload`: an ACME certificate is uploaded to CAS (default: true when something is deployed). */
  upload: boolean;
}

/** Where the certificate goes after `issue`, `renew`, `upload`, or with `mode: deploy` (docs/deploy.md). */
export interface DeployConfig {
  /** Every target's resources, as its input gives them, in the order of src/deploy/registry.ts. */
  resources: DeployResource[];
  /** `verify-url`: where clients must get the new certificate before the deployment counts as done. */
  verify: ServedCheck[];
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

/** What rules over the inputs read: the inputs, and the mode's name (the registry declares the modes). */
export type ModeInputs = Inputs & { mode: string };
