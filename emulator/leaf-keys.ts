// RSA 2048 leaf keys for the test CA. Generating one takes ~0.1-1 s, the slow part of every test, so a
// spare is generated ahead once keys are in demand, and callers that do not care may recycle keys.
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

export interface LeafKeyPair {
  /** SubjectPublicKeyInfo PEM. */
  spkiPem: string;
  /** PKCS#1 "RSA PRIVATE KEY" PEM, as CAS returns it. */
  pkcs1Pem: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);
const SPARE_TARGET = 1;
const RECYCLE_LIMIT = 4;

const spares: LeafKeyPair[] = [];
const recyclable: LeafKeyPair[] = [];
let refilling = false;

async function generateRsaKey(): Promise<LeafKeyPair> {
  const pair = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  return {
    spkiPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs1Pem: pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

/** Tops the spares up in the background, sequentially so it never takes both cores. */
export function prepareLeafKeys(): void {
  if (refilling || spares.length >= SPARE_TARGET) return;
  refilling = true;
  const next = async (): Promise<void> => {
    while (spares.length < SPARE_TARGET) spares.push(await generateRsaKey());
  };
  next()
    .catch(() => {})
    .finally(() => {
      refilling = false;
    });
}

/** A never-used key (from the spares when one is ready); `recycle` allows reusing one of the last few keys. */
export async function takeLeafKey(recycle = false): Promise<LeafKeyPair> {
  if (recycle && recyclable.length > 0) {
    return recyclable[Math.floor(Math.random() * recyclable.length)] as LeafKeyPair;
  }
  const key = spares.shift() ?? (await generateRsaKey());
  prepareLeafKeys();
  recyclable.push(key);
  if (recyclable.length > RECYCLE_LIMIT) recyclable.shift();
  return key;
}
