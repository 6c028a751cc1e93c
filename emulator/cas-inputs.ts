// Reading and checking the create operations' inputs: CSR, contact, validation method.
import { parseCsr } from './ca.js';
import { type Contact, checkDomainNames, type ValidateType } from './cas-model.js';
import { invalidParameter, missingParameter } from './errors.js';
import type { RequestParams } from './params.js';

export interface ParsedOrderCsr {
  domains: string[];
  publicKeyPem: string;
  algorithm: 'RSA' | 'ECC';
}

/**
 * Parses and checks a CSR parameter: RSA >= 2048 or ECC, CN required, names follow the domain rules
 * (docs/vendor-facts.md).
 */
export async function readCsr(text: string): Promise<ParsedOrderCsr> {
  let csr: Awaited<ReturnType<typeof parseCsr>>;
  try {
    csr = await parseCsr(text);
  } catch (error) {
    throw invalidParameter('Csr', (error as Error).message);
  }
  if (csr.keyAlgorithm === 'RSA' && (csr.rsaBits ?? 0) < 2048) {
    throw invalidParameter('Csr', `RSA keys must be at least 2048 bits (got ${csr.rsaBits ?? 'unknown'})`);
  }
  if (csr.commonName === undefined)
    throw invalidParameter('Csr', 'the CSR has no CN (the domain to certify)');
  return {
    domains: checkDomainNames(csr.names, 'Csr'),
    publicKeyPem: csr.publicKeyPem,
    algorithm: csr.keyAlgorithm === 'EC' ? 'ECC' : 'RSA',
  };
}

export function readContact(params: RequestParams, required: boolean): Contact {
  const read = (name: string) => (required ? params.required(name) : params.optional(name));
  const contact: Contact = {};
  const username = read('Username');
  const phone = read('Phone');
  const email = read('Email');
  const companyName = params.optional('CompanyName');
  if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw invalidParameter('Email', `"${email}" is not an e-mail address`);
  }
  if (username !== undefined) contact.username = username;
  if (phone !== undefined) contact.phone = phone;
  if (email !== undefined) contact.email = email;
  if (companyName !== undefined) contact.companyName = companyName;
  return contact;
}

/** ValidateType where the operation requires it (CreateCertificateRequest, CreateCertificateWithCsrRequest). */
export function requiredValidateType(params: RequestParams): ValidateType {
  if (params.optional('ValidateType') === undefined) throw missingParameter('ValidateType');
  return params.oneOf<ValidateType>('ValidateType', ['DNS', 'FILE'], 'DNS');
}
