import { aO as openSource, aP as sourceOfExisting, aQ as unsupported } from './start.js';

async function cancelOrder(ctx, domains) {
    const source = await openSource(ctx, sourceOfExisting(ctx.config));
    if (!source.cancel)
        throw unsupported(source, 'cancel');
    return source.cancel(domains);
}

export { cancelOrder };
