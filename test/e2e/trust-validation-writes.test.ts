// A hostile or compromised endpoint cannot make validation touch what the action did not create (issue 24, items 7
// and 8): `node dist/index.js` behind test/support/hostile-proxy.ts, which rewrites the answers that carry the
// validation data (DescribeCertificateState for orders, GetInstanceDetail for instances, DescribeDVOrderResult for the
// 2018 DV API). Afterwards the emulator's zones and the web root show nothing written outside, the user's files and
// records untouched, and the run ends with one clear error.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../emulator/server.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type HostileProxy, rewriteJson, startHostileProxy } from '../support/hostile-proxy.js';
import { type ActionRun, runAction } from '../support/run-action.js';

const open: Array<Emulator | HostileProxy> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await createEmulator({ zones: ['example.com', 'example.net'], ...options });
  open.push(emulator);
  return emulator;
}

async function hostile(
  emulator: Emulator,
  action: string,
  edit: (body: Record<string, unknown>) => void,
): Promise<HostileProxy> {
  const proxy = await startHostileProxy(
    emulator.url,
    rewriteJson(action, (body) => {
      edit(body);
      return undefined;
    }),
  );
  open.push(proxy);
  return proxy;
}

const errors = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));

function expectOneError(run: ActionRun, pattern: RegExp): void {
  expect(run.exitCode).toBe(1);
  const lines = errors(run);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

/** Every record of the emulated zones, as `name type value`. */
const zoneRecords = (emulator: Emulator) =>
  emulator.dns
    .records()
    .map((r) => `${r.rr === '@' ? r.domainName : `${r.rr}.${r.domainName}`} ${r.type} ${r.value}`)
    .sort();

/** The user's own records, there before the run. */
function seedUserRecords(emulator: Emulator): string[] {
  emulator.dns.addRecord({ fqdn: 'www.example.com', type: 'A', value: '203.0.113.7' });
  emulator.dns.addRecord({ fqdn: '_acme-challenge.example.com', type: 'TXT', value: 'users-own-acme-token' });
  return zoneRecords(emulator);
}

/** A web root with the user's site in it. */
async function siteRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'webroot-'));
  await writeFile(join(root, 'index.html'), '<h1>the site</h1>\n');
  return root;
}

/** Short waits: a refused challenge fails at once, a run that wrongly waits ends soon too. */
const WAIT = { 'wait-timeout': '5' };

const orderDns = (emulator: Emulator, proxy: HostileProxy, extra: Record<string, string> = {}) =>
  runAction(emulatorInputs(emulator, { endpoint: proxy.url, domains: 'www.example.com', ...WAIT, ...extra }));

describe('DNS validation data rewritten on the way (order API, DescribeCertificateState)', () => {
  it.each([
    [
      'a CNAME at _acme-challenge',
      { RecordDomain: '_acme-challenge', RecordType: 'CNAME', RecordValue: 'evil.example.net' },
      /asks for a CNAME record.*only TXT/,
    ],
    [
      'an A record at www',
      { RecordDomain: 'www', RecordType: 'A', RecordValue: '198.51.100.9' },
      /asks for a A record.*only TXT/,
    ],
    [
      'a TXT at _acme-challenge',
      { RecordDomain: '_acme-challenge', RecordType: 'TXT', RecordValue: 'attackers-acme-token' },
      /_acme-challenge\.example\.com.*not _dnsauth under one of the ordered names/,
    ],
    [
      'a TXT at the apex',
      { RecordDomain: '@', RecordType: 'TXT', RecordValue: 'attackers-token' },
      /'example\.com'.*not _dnsauth under one of the ordered names/,
    ],
    [
      'a full name under a name not ordered',
      { RecordDomain: '_dnsauth.shop.example.com', RecordType: 'TXT', RecordValue: 'attackers-token' },
      /_dnsauth\.shop\.example\.com.*not _dnsauth under one of the ordered names/,
    ],
    [
      'a value that is no validation token',
      { RecordType: 'TXT', RecordValue: 'v=spf1 include:evil.example.net -all' },
      /value .* is not a validation token/,
    ],
    [
      'a value too long',
      { RecordType: 'TXT', RecordValue: 'a'.repeat(300) },
      /value .* is not a validation token/,
    ],
  ])('refuses %s: writes nothing, the user records stay, one error', async (_, rewrite, message) => {
    const emulator = await start();
    const before = seedUserRecords(emulator);
    const proxy = await hostile(emulator, 'DescribeCertificateState', (body) => {
      if (body.Type === 'domain_verify') Object.assign(body, rewrite);
    });
    const run = await orderDns(emulator, proxy);
    expectOneError(run, message);
    expect(emulator.callsTo('AddDomainRecord')).toEqual([]);
    expect(zoneRecords(emulator)).toEqual(before);
  });

  it('hands no such record to a dns-hook, nor asks it of the user (manual)', async () => {
    const hostileAnswer = {
      RecordDomain: '_acme-challenge',
      RecordType: 'CNAME',
      RecordValue: 'evil.example.net',
    };
    const dir = await mkdtemp(join(tmpdir(), 'hook-'));
    const calls = join(dir, 'calls');
    const providers: Array<Record<string, string>> = [
      { 'dns-provider': 'hook', 'dns-hook': `echo "$CAS_VALIDATION_ACTION" >> ${calls}` },
      { 'dns-provider': 'manual' },
    ];
    for (const provider of providers) {
      const emulator = await start();
      const proxy = await hostile(emulator, 'DescribeCertificateState', (body) => {
        if (body.Type === 'domain_verify') Object.assign(body, hostileAnswer);
      });
      const run = await orderDns(emulator, proxy, provider);
      expectOneError(run, /asks for a CNAME record, and validation writes only TXT/);
      expect(run.stdout).not.toMatch(/create a CNAME record/);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('still validates both readings of a legitimate RecordDomain through the proxy', async () => {
    for (const full of [false, true]) {
      const emulator = await start();
      const before = seedUserRecords(emulator);
      const proxy = await hostile(emulator, 'DescribeCertificateState', (body) => {
        if (body.Type === 'domain_verify')
          body.RecordDomain = full ? '_dnsauth.www.example.com' : '_dnsauth.www';
      });
      const run = await orderDns(emulator, proxy);
      expect(errors(run)).toEqual([]);
      expect(run.outputs.status).toBe('issued');
      expect(zoneRecords(emulator)).toEqual(before);
    }
  });

  it('cancel deletes no record of the user that a rewritten answer names', async () => {
    const emulator = await start();
    const order = await emulator.cas.seedOrder({
      domains: ['www.example.com'],
      state: 'domain_verify',
      productCode: 'symantec-free-1-free',
    });
    const before = seedUserRecords(emulator);
    const proxy = await hostile(emulator, 'DescribeCertificateState', (body) => {
      if (body.Type !== 'domain_verify') return;
      Object.assign(body, { RecordDomain: 'www', RecordType: 'A', RecordValue: '203.0.113.7' });
    });
    const run = await orderDns(emulator, proxy, { mode: 'cancel', 'order-id': order.orderId.toString() });
    expect(run.outputs.status).toBe('cancelled');
    expect(emulator.callsTo('DeleteDomainRecord')).toEqual([]);
    expect(zoneRecords(emulator)).toEqual(before);
    expect(run.summary).toMatch(/not removed: .*asks for a A record/);
  });

  it('cancel still removes the record written for the order (its exact name, type and value)', async () => {
    // The CA checks later: the order still waits for validation when cancel comes.
    const emulator = await start({ validationDelayMs: 60_000 });
    const order = await emulator.cas.seedOrder({
      domains: ['www.example.com'],
      state: 'domain_verify',
      productCode: 'symantec-free-1-free',
    });
    const before = seedUserRecords(emulator);
    emulator.dns.addRecord({ fqdn: '_dnsauth.www.example.com', type: 'TXT', value: order.validationToken });
    emulator.dns.addRecord({ fqdn: '_dnsauth.www.example.com', type: 'TXT', value: 'someone-elses-token' });
    const proxy = await hostile(emulator, 'DescribeCertificateState', () => undefined);
    const run = await orderDns(emulator, proxy, { mode: 'cancel', 'order-id': order.orderId.toString() });
    expect(run.outputs.status).toBe('cancelled');
    expect(emulator.callsTo('DeleteDomainRecord')).toHaveLength(1);
    expect(zoneRecords(emulator)).toEqual(
      [...before, '_dnsauth.www.example.com TXT someone-elses-token'].sort(),
    );
  });
});

describe('DNS validation data rewritten on the way (instance API, GetInstanceDetail)', () => {
  const rewriteFirstEntry = (entry: Record<string, unknown>) => (body: Record<string, unknown>) => {
    const list = body.DomainValidationList as Array<Record<string, unknown>> | undefined;
    if (list?.[0]) Object.assign(list[0], entry);
  };
  const instanceRun = (emulator: Emulator, proxy: HostileProxy) =>
    runAction(
      emulatorInputs(emulator, {
        endpoint: proxy.url,
        'certificate-api': 'instance',
        ...WAIT,
        domains: 'www.example.com',
      }),
    );
  const options = { instanceKnobs: { applyTaskMs: 100, validationListDelayMs: 100 } };

  it.each([
    [
      'a CNAME at _acme-challenge',
      { ValidationType: 'CNAME', ValidationKey: '_acme-challenge', ValidationValue: 'evil.example.net' },
      /_acme-challenge\.example\.com.*not _dnsauth under one of the ordered names/,
    ],
    [
      'an A record',
      { ValidationType: 'A', ValidationKey: 'www', ValidationValue: '198.51.100.9' },
      /asks for a A record.*only TXT or CNAME/,
    ],
    [
      'a CNAME whose value is no host name',
      { ValidationType: 'CNAME', ValidationKey: '_dnsauth.www', ValidationValue: 'not a host' },
      /value .* is not a host name/,
    ],
    [
      'an entry for a name not ordered',
      { Domain: 'shop.example.com', ValidationKey: '_dnsauth.shop' },
      /shop\.example\.com, which is not one of the names ordered/,
    ],
  ])('refuses %s: writes nothing, one error', async (_, entry, message) => {
    const emulator = await start(options);
    emulator.instances.addInstance();
    const before = seedUserRecords(emulator);
    const proxy = await hostile(emulator, 'GetInstanceDetail', rewriteFirstEntry(entry));
    const run = await instanceRun(emulator, proxy);
    expectOneError(run, message);
    expect(emulator.callsTo('AddDomainRecord')).toEqual([]);
    expect(zoneRecords(emulator)).toEqual(before);
  });

  it('still writes the CNAME form the instance API documents, and removes it', async () => {
    const emulator = await start({ instanceKnobs: { ...options.instanceKnobs, dnsValidationType: 'CNAME' } });
    emulator.instances.addInstance();
    const before = seedUserRecords(emulator);
    const proxy = await hostile(emulator, 'GetInstanceDetail', () => undefined);
    const run = await instanceRun(emulator, proxy);
    expect(errors(run)).toEqual([]);
    expect(run.outputs.status).toBe('issued');
    expect(emulator.callsTo('AddDomainRecord').map((c) => `${c.params.RR} ${c.params.Type}`)).toEqual([
      '_dnsauth.www CNAME',
    ]);
    expect(zoneRecords(emulator)).toEqual(before);
  });
});

describe('DNS validation data rewritten on the way (2018 DV API, DescribeDVOrderResult)', () => {
  const legacyInputs = (emulator: Emulator, proxy: HostileProxy, extra: Record<string, string> = {}) =>
    emulatorInputs(emulator, {
      endpoint: proxy.url,
      'certificate-api': 'legacy-dv',
      domains: 'legacy.example.com',
      'contact-name': 'Ops',
      'contact-phone': '13800000000',
      'contact-email': 'ops@example.com',
      ...WAIT,
      ...extra,
    });

  it.each([
    [
      '_acme-challenge.legacy.example.com',
      /_acme-challenge\.legacy\.example\.com.*not _dnsauth under one of the ordered names/,
    ],
    ['_dnsauth.shop.example.com', /shop\.example\.com, which is not one of the names ordered/],
  ])('refuses CheckName %s: writes nothing, one error', async (checkName, message) => {
    const emulator = await start();
    emulator.legacyDv.addInstance();
    const before = seedUserRecords(emulator);
    const proxy = await hostile(emulator, 'DescribeDVOrderResult', (body) => {
      if (body.CheckName) body.CheckName = checkName;
    });
    const run = await runAction(legacyInputs(emulator, proxy));
    expectOneError(run, message);
    expect(emulator.callsTo('AddDomainRecord')).toEqual([]);
    expect(zoneRecords(emulator)).toEqual(before);
  });

  it('refuses a FILE CheckName outside /.well-known/pki-validation/: the site stays', async () => {
    const root = await siteRoot();
    const emulator = await start({ webRoot: root });
    emulator.legacyDv.addInstance();
    const proxy = await hostile(emulator, 'DescribeDVOrderResult', (body) => {
      if (body.CheckName) body.CheckName = 'legacy.example.com/index.html';
    });
    const run = await runAction(
      legacyInputs(emulator, proxy, { 'validation-method': 'FILE', 'file-validation-root': root }),
    );
    expectOneError(run, /'\/index\.html'.*only \/\.well-known\/pki-validation\/<file>/);
    expect(await readdir(root)).toEqual(['index.html']);
    expect(await readFile(join(root, 'index.html'), 'utf8')).toBe('<h1>the site</h1>\n');
  });
});

describe('FILE validation data rewritten on the way', () => {
  const fileRun = (emulator: Emulator, proxy: HostileProxy, root: string) =>
    runAction(
      emulatorInputs(emulator, {
        endpoint: proxy.url,
        domains: 'files.example.com',
        'validation-method': 'FILE',
        'file-validation-root': root,
        ...WAIT,
      }),
    );

  it.each([
    [
      'a Uri of /index.html',
      { Uri: '/index.html' },
      /'\/index\.html'.*only \/\.well-known\/pki-validation\/<file>/,
    ],
    [
      'a Uri in a sub-folder',
      { Uri: '/.well-known/pki-validation/a/b.txt' },
      /only \/\.well-known\/pki-validation\/<file>/,
    ],
    [
      'a Uri of a hidden file',
      { Uri: '/.well-known/pki-validation/.htaccess' },
      /only \/\.well-known\/pki-validation\/<file>/,
    ],
    ['content over 4 KiB', { Content: 'a'.repeat(5000) }, /content of 5000 bytes.*at most 4096/],
    [
      'content with markup',
      { Content: '<script>alert(1)</script>' },
      /content .* characters a validation file never holds/,
    ],
  ])('refuses %s: the site stays as it was, one error', async (_, rewrite, message) => {
    const root = await siteRoot();
    const emulator = await start({ webRoot: root });
    const proxy = await hostile(emulator, 'DescribeCertificateState', (body) => {
      if (body.Type === 'domain_verify') Object.assign(body, rewrite);
    });
    const run = await fileRun(emulator, proxy, root);
    expectOneError(run, message);
    expect(await readdir(root)).toEqual(['index.html']);
    expect(await readFile(join(root, 'index.html'), 'utf8')).toBe('<h1>the site</h1>\n');
  });

  it('never overwrites, nor removes, a validation file the action did not write', async () => {
    const root = await siteRoot();
    await mkdir(join(root, '.well-known/pki-validation'), { recursive: true });
    const theirs = join(root, '.well-known/pki-validation/fileauth.txt');
    await writeFile(theirs, 'another-certificates-token\n');
    const emulator = await start({ webRoot: root });
    const proxy = await hostile(emulator, 'DescribeCertificateState', () => undefined);
    const run = await fileRun(emulator, proxy, root);
    expectOneError(
      run,
      /fileauth\.txt of order \d+ already exists with other content.*refusing to overwrite/,
    );
    expect(await readFile(theirs, 'utf8')).toBe('another-certificates-token\n');
  });

  it('accepts the same file already in place (a resumed order) and leaves it there', async () => {
    const root = await siteRoot();
    const emulator = await start({ webRoot: root });
    const order = await emulator.cas.seedOrder({
      domains: ['files.example.com'],
      state: 'domain_verify',
      validateType: 'FILE',
      productCode: 'symantec-free-1-free',
    });
    // A run before this one wrote the file for the same order.
    const dir = join(root, '.well-known/pki-validation');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'fileauth.txt'), order.validationToken);
    const proxy = await hostile(emulator, 'DescribeCertificateState', () => undefined);
    const run = await runAction(
      emulatorInputs(emulator, {
        endpoint: proxy.url,
        domains: 'files.example.com',
        'order-id': order.orderId.toString(),
        'validation-method': 'FILE',
        'file-validation-root': root,
      }),
    );
    expect(errors(run)).toEqual([]);
    expect(run.outputs.status).toBe('issued');
    expect(await readFile(join(dir, 'fileauth.txt'), 'utf8')).toBe(order.validationToken);
  });

  it('refuses the instance API naming /index.html for HTTP validation: the site stays', async () => {
    const root = await siteRoot();
    const emulator = await start({
      instanceKnobs: { applyTaskMs: 100, validationListDelayMs: 100, webRoot: root },
    });
    emulator.instances.addInstance();
    const proxy = await hostile(emulator, 'GetInstanceDetail', (body) => {
      const list = body.DomainValidationList as Array<Record<string, unknown>> | undefined;
      if (list?.[0]) list[0].ValidationKey = '/index.html';
    });
    const run = await runAction(
      emulatorInputs(emulator, {
        endpoint: proxy.url,
        'certificate-api': 'instance',
        ...WAIT,
        domains: 'files.example.com',
        'validation-method': 'FILE',
        'file-validation-root': root,
      }),
    );
    expectOneError(run, /'\/index\.html'.*only \/\.well-known\/pki-validation\/<file>/);
    expect(await readdir(root)).toEqual(['index.html']);
    expect(await readFile(join(root, 'index.html'), 'utf8')).toBe('<h1>the site</h1>\n');
  });
});
