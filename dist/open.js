import { a7 as idField, A as AliyunApiError, a8 as NAME_TAKEN_CODE, X as NameTakenError, t as textField, aa as parseServiceDay, g as namesOf, ab as listField, ac as numberField, a6 as NOT_FOUND_CODES } from './start.js';
import { c as createHeldApi2020 } from './api-2020.js';

// Certificates held at the service through CAS 2018-07-13 (004): CreateUserCertificate,
// DescribeUserCertificateDetail, DeleteUserCertificate, DescribeUserCertificateList. The list's items are spelled
// in lower case in 004's samples (`id`, `name`, `common`, `sans`, `endDate`) and its page fields both ways: both are
// read (docs/held-certificates.md).
const PAGE_SIZE = 50;
/** One field under either spelling: `Name` or `name`. */
function either(record, name) {
    return record[name] ?? record[name.charAt(0).toLowerCase() + name.slice(1)];
}
function createHeldApi2018(client, endpoint, version, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version, action, params, changesState });
    const notFound = (error) => error instanceof AliyunApiError && NOT_FOUND_CODES.has(error.code);
    return {
        apiVersion: version,
        async list(options = {}) {
            const certificates = [];
            let seen = 0;
            for (let page = 1;; page++) {
                const r = await call('DescribeUserCertificateList', { CurrentPage: page, ShowSize: PAGE_SIZE }, false);
                const items = listField(either(r, 'CertificateList'));
                seen += items.length;
                for (const item of items) {
                    const certId = idField(either(item, 'Id'));
                    if (!certId)
                        continue;
                    const bought = either(item, 'BuyInAliyun');
                    certificates.push({
                        certId,
                        name: textField(either(item, 'Name')) ?? '',
                        domains: namesOf(textField(either(item, 'Sans')), textField(either(item, 'Common'))),
                        notAfter: parseServiceDay(either(item, 'EndDate')),
                        source: bought === false || bought === 'false' ? 'uploaded' : 'issued',
                    });
                }
                if (items.length === 0 || seen >= numberField(either(r, 'TotalCount')))
                    // The 2018 list has no filter for them: the uploaded ones are picked out here.
                    return options.uploadedOnly ? certificates.filter((c) => c.source === 'uploaded') : certificates;
            }
        },
        async download(certId) {
            let r;
            try {
                r = await call('DescribeUserCertificateDetail', { CertId: certId }, false);
            }
            catch (error) {
                if (notFound(error))
                    return undefined;
                throw error;
            }
            // Masked where it enters, before any caller (or log line) can see it.
            const key = textField(r.Key);
            if (key)
                maskSecret(key);
            return {
                certId: idField(r.Id) ?? certId,
                name: textField(r.Name) ?? '',
                domains: namesOf(textField(r.Sans), textField(r.Common)),
                notAfter: parseServiceDay(r.EndDate),
                source: r.BuyInAliyun === false || r.BuyInAliyun === 'false' ? 'uploaded' : 'issued',
                certificatePem: textField(r.Cert) ?? '',
                ...(key ? { privateKeyPem: key } : {}),
            };
        },
        async upload({ name, fullchainPem, privateKeyPem }) {
            try {
                const r = await call('CreateUserCertificate', { Name: name, Cert: fullchainPem, Key: privateKeyPem }, true);
                const certId = idField(r.CertId);
                if (!certId)
                    throw new Error('CreateUserCertificate answered without a CertId');
                return { certId };
            }
            catch (error) {
                if (error instanceof AliyunApiError && error.code === NAME_TAKEN_CODE)
                    throw new NameTakenError(name);
                throw error;
            }
        },
        async delete(certId) {
            try {
                await call('DeleteUserCertificate', { CertId: certId }, true);
                return true;
            }
            catch (error) {
                if (notFound(error))
                    return false;
                throw error;
            }
        },
    };
}

function openHeldCertificates(client, endpoint, version, maskSecret) {
    return version === '2020-04-07'
        ? createHeldApi2020(client, endpoint, maskSecret)
        : createHeldApi2018(client, endpoint, version, maskSecret);
}

export { openHeldCertificates };
