// Held certificates when a call that changes something gets no clear answer: `upload` looks the name up before
// anything else (adopting what landed, uploading again only what provably did not), and `delete` reads whether the
// certificate is still there. In-process through a real FlowContext, against the emulator's faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  closeAll,
  deleteCertificate,
  type Emulator,
  flowContext,
  startEmulator,
  uploadCertificate,
} from '../support/flow-context.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
});
afterAll(() => closeAll(emulator));

async function pairInputs(name: string, version: string) {
  const leaf = await emulator.ca.issueLeaf({ names: [`${name}.example.com`], recycleKey: true });
  return {
    mode: 'upload',
    'api-version': version,
    certificate: `${leaf.certificatePem}${leaf.chainPem}`,
    'private-key': leaf.privateKeyPem ?? '',
    'certificate-name': name,
  };
}
const named = (name: string) => emulator.cas.certificates.all().filter((c) => c.name === name);

describe.each([
  ['2020-04-07', 'UploadUserCertificate'],
  ['2018-07-13', 'CreateUserCertificate'],
])('api-version %s', (version, action) => {
  const tag = version.slice(0, 4);

  it('upload answered by a dropped connection after it landed: adopts the stored certificate, uploads once', async () => {
    const { ctx, domains } = flowContext(emulator, await pairInputs(`landed_${tag}`, version));
    emulator.faults.add({ action, kind: 'drop-after' });
    const result = await uploadCertificate(ctx, domains);
    expect(result.status).toBe('uploaded');
    expect(named(`landed_${tag}`)).toHaveLength(1);
    expect(result.certId).toBe(named(`landed_${tag}`)[0]?.certId.toString());
    expect(emulator.callsTo(action)).toHaveLength(1);
  });

  it('upload dropped before it reached the service: not found by name, so uploaded again, once', async () => {
    const { ctx, domains } = flowContext(emulator, await pairInputs(`lost_${tag}`, version));
    emulator.faults.add({ action, kind: 'drop-before' });
    const result = await uploadCertificate(ctx, domains);
    expect(result.status).toBe('uploaded');
    expect(named(`lost_${tag}`)).toHaveLength(1);
    expect(emulator.callsTo(action).map((c) => c.status)).toEqual([0, 200]);
  });

  it('delete answered by a dropped connection: reads that it is gone, and reports it deleted', async () => {
    const leaf = await emulator.ca.issueLeaf({ names: [`gone-${tag}.example.com`], recycleKey: true });
    const held = emulator.cas.certificates.add({
      name: `gone_${tag}`,
      pem: `${leaf.certificatePem}${leaf.chainPem}`,
      source: 'upload',
    });
    const certId = held.certId.toString();
    const { ctx } = flowContext(emulator, { mode: 'delete', 'api-version': version, 'cert-id': certId });
    emulator.faults.add({ action: 'DeleteUserCertificate', kind: 'drop-after' });
    const result = await deleteCertificate(ctx);
    expect(result).toMatchObject({ status: 'deleted', certId });
    expect(emulator.cas.certificates.get(certId)).toBeUndefined();
    expect(emulator.callsTo('DeleteUserCertificate')).toHaveLength(1);
  });
});
