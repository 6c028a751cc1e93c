import { a5 as tmpdir, ad as rememberTempPath, ae as basename, S as rm } from './start.js';
import { stageArtifactFiles } from './files.js';

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
        const { DefaultArtifactClient } = await import('./actions-artifact.js');
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
    // Should this step die before the folder is removed, the post step removes it.
    if (env.RUNNER_TEMP)
        rememberTempPath(staged.dir);
    const files = staged.files.map((file) => basename(file));
    return { ...(await uploadArtifact(name, staged, retentionDays, env)), files };
}

export { ArtifactUploadError, deliverArtifact, missingArtifactServiceVariables, uploadArtifact };
