import { u as textField, A as AliyunApiError, t as listField, z as idField, y as numberField, B as checkPageLimit, bk as dateField } from './start.js';

// The instance adapter: CAS 2020-04-07's V2.0 instance API (docs/certificate-apis.md), one function per operation.
// Lists are flattened 1-based as the official SDKs send them (`ContactIdList.1`); timestamps are milliseconds.
const INSTANCE_API_VERSION = '2020-04-07';
const PAGE_SIZE = 100;
/** Where a validation file goes when the service names only the file (docs/certificate-apis.md). */
const FILE_VALIDATION_DIR = '/.well-known/pki-validation/';
function createInstanceApi(client, endpoint, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version: INSTANCE_API_VERSION, action, params, changesState });
    return {
        api: 'instance',
        async listInstances() {
            const instances = [];
            for (let page = 1;; page++) {
                const r = await call('ListInstances', { CurrentPage: page, ShowSize: PAGE_SIZE }, false);
                const items = listField(r.InstanceList);
                for (const item of items) {
                    const summary = parseInstance(item);
                    if (summary)
                        instances.push(summary);
                }
                // Smaller pages than asked for are allowed: stop on the total, or on an empty page.
                if (items.length === 0 || instances.length >= numberField(r.TotalCount))
                    return instances;
                checkPageLimit('ListInstances', page, numberField(r.TotalCount));
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
                CompanyId: input.companyId,
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
            challenge = {
                method: 'DNS',
                recordDomain: record,
                recordType: type,
                recordValue: value,
                cnameAllowed: true,
            };
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

export { INSTANCE_API_VERSION, createInstanceApi, fileLocation, instanceState, parseValidationList };
