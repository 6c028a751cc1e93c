// Every mode in one table: what it requires of the inputs, whether it deploys or alerts; how each loads is its line
// in load.ts. The config (config/config.ts), the entry (action/main.ts) and the alerts (alert/send-alerts.ts) read
// it; a new mode is its own file, one entry here and one line in load.ts (docs/architecture.md). It imports no
// mode, so the config can read it without a circle through the modes' context.
import type { ModeInputs } from '../config/inputs.js';
import { DEPLOY_INPUT, DEPLOY_TARGETS } from '../deploy/registry.js';

export type ReportProblem = (input: string, problem: string) => void;

export interface ModeEntry {
  /** The inputs this mode cannot do without, each problem naming its input; pure, before any call. */
  requires?(config: ModeInputs, fail: ReportProblem): void;
  /**
   * Hands its certificate to the deploy targets listed (docs/deploy.md): after its run (the entry calls the
   * deploy step once the certificate is delivered), or as its run (`deploy` itself).
   */
  deploys?: 'after-run' | 'as-run';
  /** Reads the deploy targets' inputs although it does not deploy (delete checks what they serve). */
  readsDeployTargets?: true;
  /** Follows `alert: issue` (docs/alerts.md). */
  alerts?: true;
}

export const MODE_REGISTRY = {
  issue: {
    requires: requireIssueInputs,
    deploys: 'after-run',
    alerts: true,
  },
  renew: {
    requires(c, fail) {
      if (!c.orderId && c.domains.length === 0) fail('order-id', 'or domains is required for mode renew');
    },
    deploys: 'after-run',
    alerts: true,
  },
  cancel: {
    requires: requireOrderOrInstance,
  },
  revoke: {
    requires: requireOrderOrInstance,
  },
  status: {},
  upload: {
    requires: requireUploadInputs,
    deploys: 'after-run',
  },
  download: {
    requires: requireCertId,
  },
  delete: {
    requires: requireCertId,
    readsDeployTargets: true,
  },
  list: {},
  deploy: {
    requires(c, fail) {
      if (!c.certId)
        fail('cert-id', 'is required for mode deploy (the certificate at the service to deploy)');
      const shorthands = DEPLOY_TARGETS.map((entry) => entry.input).filter((input) => input !== DEPLOY_INPUT);
      if (c.deploy.resources.length === 0)
        fail(DEPLOY_INPUT, `(or ${shorthands.join(' or ')}) is required for mode deploy`);
    },
    deploys: 'as-run',
  },
  plan: {
    requires(c, fail) {
      if (!c.certificates)
        fail(
          'certificates',
          'is required for mode plan (a JSON array of entries, or the path of a file holding one)',
        );
    },
    alerts: true,
  },
} as const satisfies Record<string, ModeEntry>;

export type Mode = keyof typeof MODE_REGISTRY;
export const MODES = Object.keys(MODE_REGISTRY) as Mode[];

export function modeEntry(mode: Mode): ModeEntry {
  return MODE_REGISTRY[mode];
}

/** The modes that deploy, in words for a message: `issue, renew, upload or deploy`. */
export function deployingModes(): string {
  const names = MODES.filter((mode) => modeEntry(mode).deploys);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function requireIssueInputs(c: ModeInputs, fail: ReportProblem): void {
  if (c.domains.length === 0 && !c.csr && !c.orderId && !c.instanceId) {
    fail('domains', 'is required for mode issue (or give csr, or order-id to resume an order)');
  }
  if (c.createOperation !== 'CreateCertificateForPackageRequest') {
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

function requireOrderOrInstance(c: ModeInputs, fail: ReportProblem): void {
  if (!c.orderId && !c.instanceId) fail('order-id', `(or instance-id) is required for mode ${c.mode}`);
}

function requireCertId(c: ModeInputs, fail: ReportProblem): void {
  if (c.certId === undefined)
    fail('cert-id', `is required for mode ${c.mode} (list the certificates with mode: list)`);
}

/** A certificate name: at most 63 characters (UploadUserCertificate), none of them a space or a control character. */
const CERTIFICATE_NAME = /^[^\s\p{Cc}]{1,63}$/u;

function requireUploadInputs(c: ModeInputs, fail: ReportProblem): void {
  const h = c.held;
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
