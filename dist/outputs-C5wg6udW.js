import { s as setSecret, j as setOutput } from './actions-core-CwwxXifZ.js';
import { d as daysRemaining } from './certificate-Cu7oDFAl.js';

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
function isoSeconds(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}
function publishOutputs(result, files, now) {
    const set = (name, value) => {
        if (value !== undefined && value !== '')
            setOutput(name, String(value));
    };
    // The key was masked by the flow the moment it arrived (describeOrderMasked), before anything was printed.
    const cert = result.certificate;
    set('status', result.status);
    set('order-id', result.orderId);
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

export { isoSeconds as i, maskMultilineSecret as m, publishOutputs as p };
