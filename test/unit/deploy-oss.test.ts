// The OSS target's pure parts: how a line is written, how ListCname's answer is read.
import { describe, expect, it } from 'vitest';
import { casIdOf, ossAddress, readCnames, readServing } from '../../src/deploy/oss.js';
import { deployTargetEntry } from '../../src/deploy/registry.js';

const rule = deployTargetEntry('oss')?.resources ?? (() => ({ resources: [], problems: ['no oss'] }));

describe('the oss resource rule', () => {
  it('takes <bucket>/<domain>[@<region>], one a line', () => {
    expect(rule('my-bucket/static.example.com@cn-shanghai\nassets-1/Img.Example.com')).toEqual({
      resources: ['my-bucket/static.example.com@cn-shanghai', 'assets-1/Img.Example.com'],
      problems: [],
    });
    expect(ossAddress('my-bucket/Static.Example.com@cn-shanghai', 'cn-hangzhou')).toEqual({
      bucket: 'my-bucket',
      domain: 'static.example.com',
      region: 'cn-shanghai',
    });
    expect(ossAddress('my-bucket/static.example.com', 'cn-hangzhou').region).toBe('cn-hangzhou');
  });

  it('names each bad line: no domain, a bad bucket name, a wildcard, sni, a bad region', () => {
    expect(
      rule(
        'my-bucket\nMy_Bucket/static.example.com\nmy-bucket/*.example.com\nmy-bucket/static.example.com sni\nmy-bucket/static.example.com@shanghai',
      ).problems,
    ).toEqual([
      "'my-bucket' is not a bucket and a custom domain bound to it (<bucket>/<domain>) (as in oss: my-bucket/static.example.com@cn-shanghai)",
      "'My_Bucket/static.example.com' is not a bucket and a custom domain bound to it (<bucket>/<domain>) (as in oss: my-bucket/static.example.com@cn-shanghai)",
      "'my-bucket/*.example.com' is not a bucket and a custom domain bound to it (<bucket>/<domain>) (as in oss: my-bucket/static.example.com@cn-shanghai)",
      "'my-bucket/static.example.com sni': this product takes no extension (SNI) certificates; remove ' sni'",
      "'my-bucket/static.example.com@shanghai' names region 'shanghai', which is not a region id (as in oss: my-bucket/static.example.com@cn-shanghai)",
    ]);
  });
});

const LIST = `<?xml version="1.0" encoding="UTF-8"?>
<ListCnameResult>
  <Bucket>my-bucket</Bucket>
  <Owner>testowner</Owner>
  <Cname>
    <Domain>static.example.com</Domain>
    <LastModified>2021-09-15T02:35:07.000Z</LastModified>
    <Status>Enabled</Status>
    <Certificate>
      <Type>CAS</Type>
      <CertId>493&#52;-cn-hangzhou</CertId>
      <Status>Disabled</Status>
      <CreationDate>Wed, 15 Sep 2021 02:35:06 GMT</CreationDate>
      <Fingerprint>DE:01:CF</Fingerprint>
      <ValidStartDate>Wed, 12 Apr 2023 10:14:51 GMT</ValidStartDate>
      <ValidEndDate>Mon, 4 May 2048 10:14:51 GMT</ValidEndDate>
    </Certificate>
  </Cname>
  <Cname>
    <Domain>plain.example.com</Domain>
    <Status>Disabled</Status>
  </Cname>
</ListCnameResult>`;

describe('reading ListCname', () => {
  it('tells the domain’s Status from its certificate’s, and unescapes text', () => {
    expect(readCnames(LIST)).toEqual([
      {
        domain: 'static.example.com',
        status: 'Enabled',
        certificate: {
          type: 'CAS',
          certId: '4934-cn-hangzhou',
          status: 'Disabled',
          creationDate: 'Wed, 15 Sep 2021 02:35:06 GMT',
          validEndDate: 'Mon, 4 May 2048 10:14:51 GMT',
          fingerprint: 'DE:01:CF',
        },
      },
      { domain: 'plain.example.com', status: 'Disabled' },
    ]);
  });

  it('serves a CAS id when the certificate and the domain are Enabled', () => {
    const [withCert, plain] = readCnames(LIST);
    const disabled = readServing(withCert ?? { domain: '' });
    expect(disabled).toMatchObject({
      certId: '4934',
      inEffect: false,
      held: true,
      summary: 'certificate 4934, Disabled',
    });
    expect(disabled.since?.toISOString()).toBe('2021-09-15T02:35:06.000Z');
    const enabled = readServing({
      domain: 'static.example.com',
      status: 'Enabled',
      certificate: { type: 'CAS', certId: '77-ap-southeast-1', status: 'Enabled' },
    });
    expect(enabled).toMatchObject({ certId: '77', inEffect: true, settling: false });
    expect(readServing(plain ?? { domain: '' })).toMatchObject({
      inEffect: false,
      failure: 'the domain is Disabled on the bucket',
      summary: 'no certificate, domain Disabled',
    });
    expect(readServing({ domain: 'x', certificate: { type: 'Upload', certId: 'abc' } }).held).toBe(false);
    expect(casIdOf('123-cn-hangzhou')).toBe('123');
  });
});
