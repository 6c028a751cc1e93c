// The DCDN deploy target: SetDcdnDomainSSLCertificate, then DescribeDcdnDomainCertificateInfo; the rules are CDN's.
import { acceleratedTarget } from './cdn.js';
import type { DeployTargetFactory } from './target.js';

export const createDcdnTarget: DeployTargetFactory = (services, options) =>
  acceleratedTarget(
    { label: 'DCDN', input: 'dcdn-domains', endpointInput: 'dcdn-endpoint' },
    services.dcdn,
    options,
  );
