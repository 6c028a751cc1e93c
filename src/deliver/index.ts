// Hands a flow's result over: encrypted key forms, output-dir files, step outputs, job summary, artifact.
import type { Config } from '../config/config.js';
import { FlowError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { FlowResult, LeftBehind } from '../core/result.js';
import type { ProtectedKeyFiles } from './files.js';
import { maskPublishedKey, publishOutputs } from './outputs.js';
import { renderSummary, writeSummary } from './summary.js';

/**
 * A failed run still says what it leaves behind: the order and its validation outputs, and a summary with the
 * order, its state and what is still to do. Never throws: the failure itself is what matters.
 */
export async function reportFailure(
  message: string,
  left: LeftBehind | undefined,
  orderId: string | undefined,
  domains: string[],
  log: Logger,
): Promise<void> {
  const result: LeftBehind = left ?? { orderId, timeline: [], details: [] };
  result.orderId ??= orderId;
  try {
    publishOutputs({ ...result, status: undefined }, {}, new Date());
    const summary = { ...result, details: [...result.details, ['Error', message] as [string, string]] };
    await writeSummary(renderSummary({ ...summary, status: 'failed' }, domains, new Date()));
    if (result.deployment) await (await import('./deployment.js')).deliverDeployment(result.deployment);
  } catch (error) {
    log.debug(`Could not write the failure summary: ${String(error)}`);
  }
}

/**
 * The files under output-dir (checked before the run, src/deliver/output-dir.ts). A failure now still leaves the
 * certificate's outputs and the failed summary: the run's result goes with the error to reportFailure.
 */
async function writeFiles(
  dir: string,
  result: FlowResult,
  keys: ProtectedKeyFiles,
): Promise<Record<string, string>> {
  const cert = result.certificate;
  if (!cert) return {};
  try {
    return await (await import('./files.js')).writeCertificateFiles(dir, cert, keys);
  } catch (error) {
    const { status: _status, ...left } = result;
    const holder = result.orderId
      ? `order ${result.orderId}`
      : result.certId
        ? `certificate ${result.certId}`
        : 'the run';
    throw new FlowError(
      `input 'output-dir': writing the certificate files failed (${error instanceof Error ? error.message : String(error)}); ` +
        `the certificate's outputs are set and ${holder} holds it: fix output-dir and run again (an issued certificate is reused, not ordered again).`,
      left,
    );
  }
}

/**
 * The key files of output-dir that lie under RUNNER_TEMP or the workspace, for the post step to remove (README,
 * "keep-files"); a folder elsewhere (a web server's own) is left alone.
 */
async function rememberKeyFiles(dir: string): Promise<void> {
  const [{ existsSync }, { join, resolve }, { FILE_NAMES }, paths] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('./files.js'),
    import('./temp-paths.js'),
  ]);
  const root = resolve(dir);
  if (!paths.isUnderRunnerFolders(join(root, FILE_NAMES.privateKey), process.env)) return;
  for (const name of [FILE_NAMES.privateKey, FILE_NAMES.encryptedPrivateKey, FILE_NAMES.pfx]) {
    const path = join(root, name);
    if (existsSync(path)) paths.rememberKeyFile(path);
  }
}

/** Outputs, files, summary, then the artifact: a failure in the encrypted forms or the upload is raised last. */
export async function deliverResult(
  config: Config,
  result: FlowResult,
  domains: string[],
  log: Logger,
): Promise<void> {
  const now = new Date();
  const cert = result.certificate;
  const wantsFiles = Boolean(config.outputDir || config.artifactName);
  // The encrypted forms of the key are made first, but a failure there is reported only after the outputs and
  // files are written, so that the issued certificate is never lost.
  let keys: ProtectedKeyFiles = {};
  let keyFailure: unknown;
  if (cert && wantsFiles) {
    try {
      keys = await (await import('./pfx.js')).protectPrivateKey(cert, config);
    } catch (error) {
      keyFailure = error;
    }
  }
  // The key as it leaves the step (re-wrapped, encrypted) is not the form the service sent: masked before any is
  // written, so a later step that prints an output or a file shows asterisks.
  maskPublishedKey(cert, keys);
  // Files, PKCS#12 and the artifact are loaded only when asked for: a no-op run needs none of them.
  const files = config.outputDir && cert ? await writeFiles(config.outputDir, result, keys) : {};
  if (config.outputDir && cert && !config.keepFiles) await rememberKeyFiles(config.outputDir);
  publishOutputs(result, files, now);
  await writeSummary(renderSummary(result, domains, now));
  if (result.deployment) await (await import('./deployment.js')).deliverDeployment(result.deployment);
  const info = cert?.info;
  log.info(
    `${result.status}${result.orderId ? `: order ${result.orderId}` : ''}` +
      `${result.instanceId ? `: instance ${result.instanceId}` : ''}` +
      `${info ? `, valid until ${info.notAfter.toISOString()}` : ''}`,
  );
  if (cert && (config.pfxPassword || config.privateKeyPassphrase))
    for (const warning of (await import('./pfx.js')).unusedKeyInputs(cert, config, wantsFiles))
      log.warning(warning);
  if (keyFailure !== undefined) {
    throw new Error(
      `Encrypting the private key for pfx-password or private-key-passphrase failed ` +
        `(${keyFailure instanceof Error ? keyFailure.message : String(keyFailure)}); ` +
        'the certificate was still delivered through the step outputs.',
    );
  }
  if (!config.artifactName) return;
  if (!cert) {
    log.info(`artifact-name: no certificate in this run (${result.status}), so no artifact is uploaded.`);
    return;
  }
  const { deliverArtifact } = await import('./artifact.js');
  const artifact = await deliverArtifact(config.artifactName, cert, keys, config.artifactRetentionDays);
  const id = artifact.id === undefined ? '' : ` (artifact id ${artifact.id})`;
  log.info(`Uploaded artifact ${config.artifactName}${id}: ${artifact.files.join(', ')}.`);
  await writeSummary(`\nArtifact \`${config.artifactName}\`${id}: ${artifact.files.join(', ')}.\n`);
}
