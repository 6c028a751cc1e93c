import { a as reportInstance, i as issueOnInstance } from './instance-modes.js';
import './start.js';

function createLegacyDvSource(ctx) {
    const api = ctx.authorities['legacy-dv'];
    return {
        api: 'legacy-dv',
        title: 'the 2018 DV API',
        obtain: (domains, chosen) => issueOnInstance(ctx, api, domains, chosen),
        describe: () => reportInstance(ctx, api),
    };
}

export { createLegacyDvSource };
