// Messages from answers are scrubbed of the request's signature, nonce and credentials.
import { describe, expect, it } from 'vitest';
import { scrubEchoedRequest, splitSigningInput } from '../../src/aliyun/scrub.js';
import { encodedForms } from '../../src/core/secrets.js';

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

  it('cuts a secret field written percent-encoded once, twice and three times (a string to sign, an echo of it)', () => {
    const text =
      'POST&%2F&AccessKeyId%3DLTAIxyz%26SecurityToken%3DCAIS%252Fab%252Bcd%26Version%3D1 ' +
      'again: SecurityToken%253DCAIS%25252Fab%2526Version%253D1 and SecurityToken%25253Dtok%252526Version';
    const out = scrubEchoedRequest(text);
    expect(out).toBe(
      'POST&%2F&AccessKeyId%3D***%26SecurityToken%3D***%26Version%3D1 ' +
        'again: SecurityToken%253D***%2526Version%253D1 and SecurityToken%25253D***%252526Version',
    );
  });

  it('cuts a literal value at every encoding depth up to 3', () => {
    const token = "CAIS/ab+cd=ef!(*)'";
    const forms = encodedForms(token);
    expect(forms).toContain('CAIS%2Fab%2Bcd%3Def%21%28%2A%29%27');
    expect(forms).toContain('CAIS%252Fab%252Bcd%253Def%2521%2528%252A%2529%2527');
    expect(forms).toContain(encodeURIComponent(encodeURIComponent(encodeURIComponent(token))));
    expect(forms).not.toContain(token);
    expect(scrubEchoedRequest(`x ${forms.join(' ')} ${token} y`, [token])).toBe(
      `x ${forms.map(() => '***').join(' ')} *** y`,
    );
    // A value encoding leaves unchanged has no other forms.
    expect(encodedForms('plain-token_123')).toEqual([]);
  });

  it("keeps a refused signature's string to sign out of the message", () => {
    const split = splitSigningInput(
      'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&A%3D1',
    );
    expect(split).toEqual({
      message: 'Specified signature is not matched with our calculation.',
      signingInput: 'server string to sign is:POST&%2F&A%3D1',
    });
    expect(splitSigningInput('No such order.')).toEqual({ message: 'No such order.' });
  });

  it('leaves ordinary messages alone', () => {
    const text = 'The certificate order 123 does not exist.';
    expect(scrubEchoedRequest(text, ['abc'])).toBe(text);
  });
});
