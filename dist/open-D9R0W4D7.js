import { A as AliyunApiError } from './errors-C5QZtfof.js';
import { i as idField, t as textField, l as listField, n as numberField, d as dateField } from './fields-NEyyrui6.js';
import { a as NAME_TAKEN_CODE, N as NameTakenError, p as parseServiceDay, n as namesOf, b as NOT_FOUND_CODES } from './port-NfjHWt86.js';
import './time-CzlFEmYE.js';

// Certificates held at the service through CAS 2018-07-13 (004): CreateUserCertificate,
// DescribeUserCertificateDetail, DeleteUserCertificate, DescribeUserCertificateList. The list's items are spelled
// in lower case in 004's samples (`id`, `name`, `common`, `sans`, `endDate`) and its page fields both ways: both are
// read (docs/held-certificates.md).
const PAGE_SIZE$1 = 50;
/** One field under either spelling: `Name` or `name`. */
function either(record, name) {
    return record[name] ?? record[name.charAt(0).toLowerCase() + name.slice(1)];
}
function createHeldApi2018(client, endpoint, version, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version, action, params, changesState });
    const notFound = (error) => error instanceof AliyunApiError && NOT_FOUND_CODES.has(error.code);
    return {
        apiVersion: version,
        async list() {
            const certificates = [];
            let seen = 0;
            for (let page = 1;; page++) {
                const r = await call('DescribeUserCertificateList', { CurrentPage: page, ShowSize: PAGE_SIZE$1 }, false);
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
                    return certificates;
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

// Certificates held at the service through CAS 2020-04-07: UploadUserCertificate, GetUserCertificateDetail,
// DeleteUserCertificate, and ListUserCertificateOrder with OrderType CERT (issued and uploaded certificates), as the
// official SDK models them (docs/held-certificates.md).
const CAS_2020_VERSION = '2020-04-07';
const PAGE_SIZE = 50;
function createHeldApi2020(client, endpoint, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version: CAS_2020_VERSION, action, params, changesState });
    return {
        apiVersion: CAS_2020_VERSION,
        async list() {
            const certificates = [];
            let seen = 0;
            for (let page = 1;; page++) {
                const r = await call('ListUserCertificateOrder', { OrderType: 'CERT', CurrentPage: page, ShowSize: PAGE_SIZE }, false);
                const items = listField(r.CertificateOrderList);
                seen += items.length;
                for (const item of items) {
                    const certId = idField(item.CertificateId);
                    if (!certId)
                        continue;
                    certificates.push({
                        certId,
                        name: textField(item.Name) ?? '',
                        domains: namesOf(textField(item.Sans), textField(item.CommonName)),
                        // CertEndTime (ms) where the service gives it; else EndDate, a day.
                        notAfter: dateField(item.CertEndTime) ?? parseServiceDay(item.EndDate),
                        source: item.Upload === true || item.Upload === 'true' ? 'uploaded' : 'issued',
                    });
                }
                // Pages may be smaller than asked: stop on the total, or on an empty page.
                if (items.length === 0 || seen >= numberField(r.TotalCount))
                    return certificates;
            }
        },
        async download(certId) {
            let r;
            try {
                r = await call('GetUserCertificateDetail', { CertId: certId, CertFilter: 'false' }, false);
            }
            catch (error) {
                if (error instanceof AliyunApiError && NOT_FOUND_CODES.has(error.code))
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
                notAfter: dateField(r.NotAfter) ?? parseServiceDay(r.EndDate),
                source: r.BuyInAliyun === false || r.BuyInAliyun === 'false' ? 'uploaded' : 'issued',
                certificatePem: textField(r.Cert) ?? '',
                ...(key ? { privateKeyPem: key } : {}),
            };
        },
        async upload({ name, fullchainPem, privateKeyPem }) {
            try {
                const r = await call('UploadUserCertificate', { Name: name, Cert: fullchainPem, Key: privateKeyPem }, true);
                const certId = idField(r.CertId);
                if (!certId)
                    throw new Error('UploadUserCertificate answered without a CertId');
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
                if (error instanceof AliyunApiError && NOT_FOUND_CODES.has(error.code))
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
