// An `sni` resource holds several certificates, one per name set. The new certificate supersedes those whose every
// name it covers, and expired ones go too: both are detached once the new one is served, so a listener never picks
// an old certificate for a name (docs/deploy.md). Each is read at the service, never its private key.
import { AliyunApiError } from '../aliyun/errors.js';
import { certificateCovers } from '../core/domains.js';
import type { Logger } from '../core/log.js';
import type { HeldCertificateFacts } from './target.js';

export interface ExtensionDeps {
  describeCertificate(certId: string): Promise<HeldCertificateFacts>;
  log: Logger;
  now(): Date;
}

/** The extension certificates (other than `certId`) the new certificate's names supersede, or that expired. */
export async function supersededExtensions(
  deps: ExtensionDeps,
  extensions: readonly string[],
  cert: { certId: string; names: string[] },
): Promise<string[]> {
  const others = [...new Set(extensions)].filter((id) => id !== cert.certId);
  const verdicts = await Promise.all(
    others.map(async (id) => {
      try {
        const facts = await deps.describeCertificate(id);
        const expired = facts.notAfter !== undefined && facts.notAfter <= deps.now();
        const covered =
          facts.names.length > 0 && facts.names.every((name) => certificateCovers(cert.names, name));
        return expired || covered;
      } catch (error) {
        if (!(error instanceof AliyunApiError)) throw error;
        // Unknown names: another certificate's, maybe; it stays.
        deps.log.warning(`Extension certificate ${id} was not read (${error.describe()}): it is kept.`);
        return false;
      }
    }),
  );
  return others.filter((_, index) => verdicts[index]);
}
