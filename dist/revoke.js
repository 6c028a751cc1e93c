import { aO as openSource, aP as sourceOfExisting, aQ as unsupported } from './start.js';

async function revokeCertificate(ctx, domains) {
    const source = await openSource(ctx, sourceOfExisting(ctx.config));
    if (!source.revoke)
        throw unsupported(source, 'revoke');
    return source.revoke(domains);
}

export { revokeCertificate };
