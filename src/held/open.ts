// Picks the adapter for `api-version`: the one registry line per API version of held certificates.
import type { RpcClient } from '../aliyun/rpc.js';
import { createHeldApi2018 } from './api-2018.js';
import { createHeldApi2020 } from './api-2020.js';
import type { HeldApiVersion, HeldCertificateStore } from './port.js';

export function openHeldCertificates(
  client: RpcClient,
  endpoint: string,
  version: HeldApiVersion,
  maskSecret: (secret: string) => void,
): HeldCertificateStore {
  return version === '2020-04-07'
    ? createHeldApi2020(client, endpoint, maskSecret)
    : createHeldApi2018(client, endpoint, version, maskSecret);
}
