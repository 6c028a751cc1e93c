import { az as createDcdnService } from './start.js';
import { acceleratedTarget } from './cdn.js';

// The DCDN deploy target: SetDcdnDomainSSLCertificate, then DescribeDcdnDomainCertificateInfo; the rules are CDN's.
const createDcdnTarget = (client, config) => acceleratedTarget('DCDN', 'dcdn-domains', createDcdnService(client, config.endpoints.dcdn), config.certRegion);

export { createDcdnTarget };
