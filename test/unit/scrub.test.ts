// Messages from answers are scrubbed of the request's signature, nonce and credentials.
import { describe, expect, it } from 'vitest';
import { scrubEchoedRequest } from '../../src/aliyun/scrub.js';

describe('scrubEchoedRequest', () => {
  it('cuts the values of secret fields in query, JSON and header forms', () => {
    const text =
      'Bad request: Action=X&Signature=abc%2Bdef%3D&SignatureNonce=1234-5678&AccessKeyId=LTAIxyz&Version=1 ' +
      '{"SecurityToken":"tok-secret-value"} Authorization: ACS3-HMAC-SHA256 Credential=LTAIxyz,Signature=ff00aa';
    const out = scrubEchoedRequest(text);
    expect(out).toContain('Action=X&Signature=***&SignatureNonce=***&AccessKeyId=***&Version=1');
    expect(out).toContain('"SecurityToken":"***"');
    expect(out).not.toMatch(/abc|1234-5678|LTAIxyz|tok-secret-value|ff00aa/);
  });

  it('cuts the literal values of the attempt wherever they appear, raw or percent-encoded', () => {
    const signature = 'k3y+S1gn/ature=';
    const text = `echo: ${signature} and ${encodeURIComponent(signature)} and the secret s3cr3t-value`;
    const out = scrubEchoedRequest(text, [signature, 's3cr3t-value', 'ab']);
    expect(out).toBe('echo: *** and *** and the secret ***');
  });

  it('leaves ordinary messages alone', () => {
    const text = 'The certificate order 123 does not exist.';
    expect(scrubEchoedRequest(text, ['abc'])).toBe(text);
  });
});
