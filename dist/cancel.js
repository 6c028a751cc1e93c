import { aK as openSource, aL as sourceOfExisting, aM as unsupported } from './start.js';

async function cancelOrder(ctx, domains) {
    const source = await openSource(ctx, sourceOfExisting(ctx.config));
    if (!source.cancel)
        throw unsupported(source, 'cancel');
    return source.cancel(domains);
}

export { cancelOrder };
