import { aO as openSource, aP as sourceOfExisting, aQ as unsupported } from './start.js';

async function renewCertificate(ctx, domains) {
    const source = await openSource(ctx, sourceOfExisting(ctx.config));
    if (!source.renew)
        throw unsupported(source, 'renew');
    return source.renew(domains);
}

export { renewCertificate };
