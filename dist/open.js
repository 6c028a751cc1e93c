import { z as idField, A as AliyunApiError, bm as NAME_TAKEN_CODE, aM as NameTakenError, u as textField, bk as dateField, bn as parseServiceDay, bo as namesOf, N as NOT_FOUND_CODES, t as listField, bp as serviceDayOnly, y as numberField, B as checkPageLimit } from './start.js';

// What both API versions of held certificates do alike, by certificate id: read one with its key, upload one,
// delete one. The versions differ only in the names of the read and the upload (docs/held-certificates.md).
const notFound = (error) => error instanceof AliyunApiError && NOT_FOUND_CODES.has(error.code);
function heldById(call, actions, maskSecret) {
    return {
        async download(certId) {
            let r;
            try {
                r = await call(actions.detail.action, { CertId: certId, ...actions.detail.params }, false);
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
                // NotAfter (ms) where the version gives it; else EndDate, a day.
                notAfter: dateField(r.NotAfter) ?? parseServiceDay(r.EndDate),
                source: r.BuyInAliyun === false || r.BuyInAliyun === 'false' ? 'uploaded' : 'issued',
                certificatePem: textField(r.Cert) ?? '',
                ...(key ? { privateKeyPem: key } : {}),
            };
        },
        async upload({ name, fullchainPem, privateKeyPem }) {
            try {
                const r = await call(actions.upload, { Name: name, Cert: fullchainPem, Key: privateKeyPem }, true);
                const certId = idField(r.CertId);
                if (!certId)
                    throw new Error(`${actions.upload} answered without a CertId`);
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

const PAGE_SIZE$1 = 50;
/** One field under either spelling: `Name` or `name`. */
function either(record, name) {
    return record[name] ?? record[name.charAt(0).toLowerCase() + name.slice(1)];
}
function createHeldApi2018(client, endpoint, version, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version, action, params, changesState });
    return {
        apiVersion: version,
        async list(options = {}) {
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
                        ...serviceDayOnly(either(item, 'EndDate')),
                        notBefore: parseServiceDay(either(item, 'StartDate')),
                        source: bought === false || bought === 'false' ? 'uploaded' : 'issued',
                    });
                }
                if (items.length === 0 || seen >= numberField(either(r, 'TotalCount')))
                    // The 2018 list has no filter for them: the uploaded ones are picked out here.
                    return options.uploadedOnly ? certificates.filter((c) => c.source === 'uploaded') : certificates;
                checkPageLimit('DescribeUserCertificateList', page, numberField(either(r, 'TotalCount')));
            }
        },
        ...heldById(call, { detail: { action: 'DescribeUserCertificateDetail' }, upload: 'CreateUserCertificate' }, maskSecret),
    };
}

const CAS_2020_VERSION = '2020-04-07';
const PAGE_SIZE = 50;
function createHeldApi2020(client, endpoint, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version: CAS_2020_VERSION, action, params, changesState });
    return {
        apiVersion: CAS_2020_VERSION,
        async list(options = {}) {
            // UPLOAD lists the uploaded ones alone (docs/held-certificates.md): a fleet's plan need not page through every
            // issued certificate a second time.
            const orderType = options.uploadedOnly ? 'UPLOAD' : 'CERT';
            const certificates = [];
            let seen = 0;
            for (let page = 1;; page++) {
                const r = await call('ListUserCertificateOrder', { OrderType: orderType, CurrentPage: page, ShowSize: PAGE_SIZE }, false);
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
                        ...(dateField(item.CertEndTime) ? {} : serviceDayOnly(item.EndDate)),
                        notBefore: dateField(item.CertStartTime) ?? parseServiceDay(item.StartDate),
                        source: item.Upload === true || item.Upload === 'true' ? 'uploaded' : 'issued',
                    });
                }
                // Pages may be smaller than asked: stop on the total, or on an empty page.
                if (items.length === 0 || seen >= numberField(r.TotalCount))
                    return certificates;
                checkPageLimit('ListUserCertificateOrder', page, numberField(r.TotalCount));
            }
        },
        ...heldById(call, {
            detail: { action: 'GetUserCertificateDetail', params: { CertFilter: 'false' } },
            upload: 'UploadUserCertificate',
        }, maskSecret),
    };
}

function openHeldCertificates(client, endpoint, version, maskSecret) {
    return version === '2020-04-07'
        ? createHeldApi2020(client, endpoint, maskSecret)
        : createHeldApi2018(client, endpoint, version, maskSecret);
}

export { openHeldCertificates };
