import { acceleratedTarget } from './cdn.js';
import './start.js';

// The DCDN deploy target: SetDcdnDomainSSLCertificate, then DescribeDcdnDomainCertificateInfo; the rules are CDN's.
const createDcdnTarget = (services, options) => acceleratedTarget({ label: 'DCDN', input: 'dcdn-domains', endpointInput: 'dcdn-endpoint' }, services.dcdn, options);

export { createDcdnTarget };
