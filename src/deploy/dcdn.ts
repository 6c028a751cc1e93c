// The DCDN deploy target: SetDcdnDomainSSLCertificate, then DescribeDcdnDomainCertificateInfo; the rules are CDN's.
import { createDcdnService } from '../services/cdn.js';
import { acceleratedTarget } from './cdn.js';
import type { DeployTargetFactory } from './target.js';

export const createDcdnTarget: DeployTargetFactory = (client, config) =>
  acceleratedTarget(
    'DCDN',
    'dcdn-domains',
    createDcdnService(client, config.endpoints.dcdn),
    config.certRegion,
  );
