import { ay as createDcdnService } from './start-Ct241BaW.js';
import { acceleratedTarget } from './cdn-DM4RkAkl.js';

// The DCDN deploy target: SetDcdnDomainSSLCertificate, then DescribeDcdnDomainCertificateInfo; the rules are CDN's.
const createDcdnTarget = (client, config) => acceleratedTarget('DCDN', 'dcdn-domains', createDcdnService(client, config.endpoints.dcdn), config.certRegion);

export { createDcdnTarget };
