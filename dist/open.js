import { ab as listField, a6 as idField, a9 as parseServiceDay, n as namesOf, t as textField, ac as numberField } from './start.js';
import { h as heldById, c as createHeldApi2020 } from './api-2020.js';

const PAGE_SIZE = 50;
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
        ...heldById(call, { detail: { action: 'DescribeUserCertificateDetail' }, upload: 'CreateUserCertificate' }, maskSecret),
    };
}

function openHeldCertificates(client, endpoint, version, maskSecret) {
    return version === '2020-04-07'
        ? createHeldApi2020(client, endpoint, maskSecret)
        : createHeldApi2018(client, endpoint, version, maskSecret);
}

export { openHeldCertificates };
