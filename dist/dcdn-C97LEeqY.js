import { az as createDcdnService } from './start-CI8dO1dr.js';
import { acceleratedTarget } from './cdn-vXolnvlH.js';

// The DCDN deploy target: SetDcdnDomainSSLCertificate, then DescribeDcdnDomainCertificateInfo; the rules are CDN's.
const createDcdnTarget = (client, config) => acceleratedTarget('DCDN', 'dcdn-domains', createDcdnService(client, config.endpoints.dcdn), config.certRegion);

export { createDcdnTarget };
