// What a run loads: a scheduled check that finds nothing due must not load the cache, artifact, PKCS#12, X.509
// (CSR) or undici code, so it starts fast. A loader hook (given to `node` with --import) lists every module loaded.
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { ACTION_ENTRY, runAction } from '../support/run-action.js';

const DIST = join(ACTION_ENTRY, '..');
/**
 * Chunks each only for the runs that ask for it: the libraries named in rollup.config.js, the other modes, and the
 * deliveries beyond the step outputs.
 */
const ON_DEMAND = [
  'actions-cache',
  'actions-artifact',
  'actions-http-client',
  'pkijs',
  'peculiar-x509',
  'undici',
  'renew',
  'cancel',
  'revoke',
  'status',
  'csr',
  'pfx',
  'files',
  'artifact',
  'plan',
  'actions-github',
  'octokit',
  'github-issues',
  'send-alerts',
  'instance-api',
  'legacy-dv-api',
  'instance-source',
  'legacy-dv-source',
  'instance-modes',
  'order-renew',
  'order-cancel',
  'order-revoke',
  'order-status',
  'upload',
  'download',
  'list',
  'delete',
  'open',
  'acme-client',
  'acme-api',
  'acme-source',
];

/**
 * The lazily imported deployment modules (src/modes/deploy.ts, the targets src/deploy/cdn.ts and dcdn.ts,
 * src/deploy/held-certificate.ts, src/deliver/deployment.ts).
 */
const DEPLOY_CHUNKS = ['deploy', 'cdn', 'dcdn', 'held-certificate', 'deployment'];

// Runs in the loader thread: records each module's URL as it loads.
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_MODULES_LOG, url + '\\n');
  return next(url, context);
}`;
const REGISTER = `
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url));
process.on('exit', () => appendFileSync(process.env.LOADED_MODULES_LOG, process.moduleLoadList.join('\\n')));
`;

let emulator: Emulator;
const domains = 'loaded.example.com';

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
  const first = await runAction(emulatorInputs(emulator, { domains, 'dns-provider': 'alidns' }));
  expect(first.outputs.status).toBe('issued');
});
afterAll(() => emulator.close());

async function loadedBy(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const run = await runAction(inputs, {
    env: { NODE_OPTIONS: '--import=./register.mjs', LOADED_MODULES_LOG: 'loaded.log', ...env },
    prepare: async (workDir) => {
      await writeFile(join(workDir, 'hooks.mjs'), HOOKS);
      await writeFile(join(workDir, 'register.mjs'), REGISTER);
    },
  });
  expect(run.exitCode, run.stdout).toBe(0);
  const lines = (await readFile(join(run.workDir, 'loaded.log'), 'utf8')).split('\n');
  const chunks = lines
    .filter((l) => l.startsWith(`file://${DIST}/`))
    .map((l) => l.slice(`file://${DIST}/`.length).replace(/\.js$/, ''));
  return { run, chunks, builtins: lines.filter((l) => l.startsWith('NativeModule ')) };
}

describe('a no-op scheduled check', () => {
  it('loads none of the on-demand chunks, nor Node’s own undici or http2', async () => {
    const present = readdirSync(DIST).map((f) => f.replace(/\.js$/, ''));
    for (const chunk of ON_DEMAND) expect(present).toContain(chunk);

    const { run, chunks, builtins } = await loadedBy(emulatorInputs(emulator, { domains }));
    expect(run.outputs.status).toBe('unchanged');
    // The entry and one chunk with all it needs (ours, @actions/core): see rollup.config.js.
    expect(chunks).toEqual(['index', 'start']);
    for (const chunk of ON_DEMAND) expect(chunks).not.toContain(chunk);
    // Deploy targets and their delivery load only with cdn-domains / dcdn-domains or mode deploy.
    for (const chunk of DEPLOY_CHUNKS) expect(chunks).not.toContain(chunk);
    expect(builtins).not.toContain('NativeModule internal/deps/undici/undici');
    expect(builtins).not.toContain('NativeModule http2');
    // Built-ins come through process.getBuiltinModule, so nothing reads crypto.webcrypto.
    expect(builtins).not.toContain('NativeModule internal/crypto/webcrypto');
  });

  it('on a runner with a cache service too: the order list decides before the cache is touched', async () => {
    const { run, chunks } = await loadedBy(emulatorInputs(emulator, { domains }), {
      ACTIONS_CACHE_URL: 'http://127.0.0.1:9/',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
    });
    expect(run.outputs.status).toBe('unchanged');
    expect(chunks).not.toContain('actions-cache');
  });

  it('loads the deploy step only when cdn-domains asks for it', async () => {
    emulator.cdn.addDomain('loaded.example.com');
    const { run, chunks } = await loadedBy(
      emulatorInputs(emulator, { domains, 'cdn-domains': 'loaded.example.com' }),
    );
    expect(run.outputs.status).toBe('unchanged');
    expect(run.outputs['deployed-domains']).toBe('loaded.example.com');
    expect(chunks).toEqual(expect.arrayContaining(['deploy', 'cdn', 'deployment']));
    expect(chunks).not.toContain('dcdn');
  });

  it('loads PKCS#12 code only when a .pfx is asked for', async () => {
    const { run, chunks } = await loadedBy(
      emulatorInputs(emulator, { domains, 'output-dir': 'certs', 'pfx-password': 'bench-pfx-secret' }),
    );
    expect(run.outputs.status).toBe('unchanged');
    expect(chunks).toContain('pkijs');
    expect(chunks).not.toContain('actions-cache');
    expect(chunks).not.toContain('undici');
  });
});
