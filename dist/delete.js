import { A as AliyunApiError, F as FlowError } from './start.js';

// mode: delete — removes a certificate held at the service (cert-id), unless a listed resource of any deploy
// target (`cdn-domains`, `dcdn-domains`) still serves it; safe to run twice: a certificate already gone is
// reported as deleted.
async function deleteCertificate(ctx) {
    const { config, log } = ctx;
    const certId = config.certId ?? '';
    for (const job of await ctx.deploy.jobs())
        await refuseIfServed(ctx, job, certId);
    const store = await ctx.held();
    let removed;
    try {
        removed = await store.delete(certId);
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        // Sent without a clear answer: whether it is gone is read, and deleting again is harmless if it is not.
        log.warning(`${error.describe()}; checking whether certificate ${certId} is still there.`);
        removed = (await store.download(certId)) === undefined ? true : await store.delete(certId);
    }
    log.info(removed
        ? `Deleted certificate ${certId}.`
        : `Certificate ${certId} is not at the service (deleted before): nothing to do.`);
    return {
        status: 'deleted',
        certId,
        changed: removed,
        timeline: [],
        details: [
            ['Deleted', removed ? 'yes' : 'no: it was not at the service'],
            ['API version', store.apiVersion],
        ],
    };
}
async function refuseIfServed(ctx, { target, resource, input }, certId) {
    const name = target.describe(resource);
    let served;
    try {
        served = await target.serving(resource);
    }
    catch (error) {
        if (error instanceof AliyunApiError && target.isMissing(error.code)) {
            throw new FlowError(`${name} is not in this account (${error.code}); check ${input} and the ${target.endpointInput}.`);
        }
        throw error;
    }
    if (served.certId === certId) {
        throw new FlowError(`Certificate ${certId} is still served by ${name} (input '${input}'); deploy another ` +
            'certificate to it first, then delete this one. Nothing was deleted.');
    }
    ctx.log.info(`${name} does not serve certificate ${certId}.`);
}

export { deleteCertificate };
