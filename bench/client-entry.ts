// Bundled alone by the bench to measure the size of our client (signer, transport, retries, CAS module).
export { RpcClient } from '../src/aliyun/rpc.js';
export { createCasOrderService } from '../src/services/cas.js';
