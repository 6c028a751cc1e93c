import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCas, casSdkClient, type EmulatorTarget, rawJsonNumber, sdkRequest } from './test-helpers.js';

const root = join(import.meta.dirname, '..');

describe('CLI and admin API (out of process)', () => {
  let child: ChildProcess;
  let stderr = '';
  let target: EmulatorTarget;
  let adminToken = '';

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        // tsx as a loader, not its CLI: one process, so signals reach the emulator directly.
        '--import',
        'tsx',
        join(root, 'emulator', 'cli.ts'),
        '--zone',
        'example.com',
        '--access-key-id',
        'cli-id',
        '--access-key-secret',
        'cli-secret',
        '--large-ids',
        '--fault',
        'throttle:DescribePackageState:1',
        '--verbose',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const banner: string[] = [];
    for await (const line of lines) {
      banner.push(line);
      if (banner.length === 5) break;
    }
    const [firstLine = ''] = banner;
    const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
    expect(match, `${firstLine}\n${stderr}`).not.toBeNull();
    // What a user gives the action, printed right after the URL.
    expect(banner.slice(1, 4)).toEqual([
      `endpoint, dns-endpoint, cdn-endpoint: ${match?.[1]}`,
      'access-key-id: cli-id',
      'access-key-secret: cli-secret',
    ]);
    // The admin API's per-process token, for the admin calls below.
    const token = /^admin-token \(header x-emulator-admin-token\): ([0-9a-f]{32,})$/.exec(banner[4] ?? '');
    expect(token, banner[4]).not.toBeNull();
    adminToken = token?.[1] ?? '';
    target = {
      url: match?.[1] ?? '',
      port: Number(match?.[2]),
      accessKeyId: 'cli-id',
      accessKeySecret: 'cli-secret',
    };
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${target.url}/__emulator${path}`, {
      method,
      headers: { 'x-emulator-admin-token': adminToken },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };

  it('serves the SDK, takes DNS records over the admin API and reports calls and state', async () => {
    const throttled = await callCas(target, 'DescribePackageState');
    expect(throttled.json.Code).toBe('Throttling.User');
    const sdk = casSdkClient(target, { style: 'v2' });
    const created = await sdk.createCertificateForPackageRequest(
      sdkRequest('CreateCertificateForPackageRequestRequest', { domain: 'cli.example.com' }),
    );
    expect(created.statusCode).toBe(200);
    const state = await admin('GET', '/state');
    const orderId = rawJsonNumber(state.text, 'orderId');
    expect(orderId).toBe('9007199254740993');

    const pending = await callCas(target, 'DescribeCertificateState', { OrderId: String(orderId) });
    const record = await admin('POST', '/dns/records', {
      domainName: 'example.com',
      rr: '_dnsauth.cli',
      type: 'TXT',
      value: pending.json.RecordValue,
    });
    expect(record.status).toBe(200);
    expect((await callCas(target, 'DescribeCertificateState', { OrderId: String(orderId) })).json.Type).toBe(
      'process',
    );
    expect((await callCas(target, 'DescribeCertificateState', { OrderId: String(orderId) })).json.Type).toBe(
      'certificate',
    );

    const calls = JSON.parse((await admin('GET', '/calls?action=DescribeCertificateState')).text) as Array<
      Record<string, unknown>
    >;
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({ product: 'cas', version: '2020-04-07', status: 200 });
    expect(calls[0]?.params).not.toHaveProperty('Signature');
    expect((await admin('GET', '/nope')).status).toBe(404);
    const withoutToken = await fetch(`${target.url}/__emulator/state`);
    expect(withoutToken.status).toBe(401);
    expect(stderr).toContain('cas DescribeCertificateState -> 200');
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
