import { u as textField, t as listField, y as numberField, B as checkPageLimit } from './start.js';
import { fileLocation } from './instance-api.js';

const LEGACY_DV_VERSION = '2018-07-13';
/** `DescribeOrderInstanceList`'s `Status` words (docs/certificate-apis.md). */
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
/** `DescribeDVOrderResult`'s `OrderStatus`: checking, issued, check_failed (docs/certificate-apis.md). */
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
            for (let start = 0, page = 1;; page++) {
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
                checkPageLimit('DescribeOrderInstanceList', page, numberField(r.TotalCount));
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
                    // CheckName is the URL without the protocol (docs/certificate-apis.md).
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

export { LEGACY_DV_VERSION, createLegacyDvApi, legacyListState };
