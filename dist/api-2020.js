import { A as AliyunApiError, a6 as NOT_FOUND_CODES, a7 as idField, a8 as NAME_TAKEN_CODE, X as NameTakenError, t as textField, a9 as dateField, aa as parseServiceDay, g as namesOf, ab as listField, ac as numberField } from './start.js';

// Certificates held at the service through CAS 2020-04-07: UploadUserCertificate, GetUserCertificateDetail,
// DeleteUserCertificate, and ListUserCertificateOrder with OrderType CERT (issued and uploaded certificates), as the
// official SDK models them (docs/held-certificates.md).
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

export { createHeldApi2020 as c };
