// Key files are removed by the post step (issue 28, item 4): privkey.pem, privkey.encrypted.pem and cert.pfx the main
// step wrote under RUNNER_TEMP or the workspace (a persistent self-hosted runner keeps both) are gone after the
// post step, unless `keep-files: true`; a folder elsewhere (a web server's own) keeps them. `node dist/index.js`
// for the main step, then again with its saved state as STATE_* variables, as the runner runs the post step.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

const KEY_FILES = ['privkey.pem', 'privkey.encrypted.pem', 'cert.pfx'];

/** The main step writing into `outputDir` (relative to the work directory when it is relative), then the post step. */
async function mainThenPost(
  name: string,
  place: 'temp' | 'workspace' | 'elsewhere',
  extra: Record<string, string> = {},
) {
  const root = await mkdtemp(join(tmpdir(), 'key-files-'));
  const dirs = {
    temp: join(root, 'runner-temp'),
    workspace: join(root, 'workspace'),
    elsewhere: join(root, 'srv'),
  };
  await Promise.all(Object.values(dirs).map((d) => mkdir(d)));
  const outputDir = join(dirs[place], 'certs');
  const env = { RUNNER_TEMP: dirs.temp, GITHUB_WORKSPACE: dirs.workspace };
  const inputs = emulatorInputs(emulator, {
    domains: `${name}.example.com`,
    'output-dir': outputDir,
    'pfx-password': 'a-long-pfx-password',
    'private-key-passphrase': 'a-long-key-passphrase',
    ...extra,
  });
  const main = await runAction(inputs, { env, workDir: dirs.workspace });
  expect(main.exitCode, main.stdout).toBe(0);
  for (const file of KEY_FILES) expect(existsSync(join(outputDir, file)), file).toBe(true);
  const state = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  const post = await runAction(inputs, { env: { ...env, ...state }, workDir: dirs.workspace });
  expect(post.exitCode, post.stdout).toBe(0);
  return { outputDir, post };
}

describe('the post step removes the key files the main step wrote under RUNNER_TEMP or the workspace', () => {
  it.each(['temp', 'workspace'] as const)(
    'under %s: the key files are gone, the certificates stay',
    async (place) => {
      const { outputDir, post } = await mainThenPost(`keyfiles-${place}`, place);
      for (const file of KEY_FILES) expect(existsSync(join(outputDir, file)), file).toBe(false);
      expect(existsSync(join(outputDir, 'fullchain.pem'))).toBe(true);
      expect(post.stdout).toContain(`Removed ${join(outputDir, 'privkey.pem')}`);
    },
  );

  it('elsewhere (a web server folder): the key files are left', async () => {
    const { outputDir } = await mainThenPost('keyfiles-elsewhere', 'elsewhere');
    for (const file of KEY_FILES) expect(existsSync(join(outputDir, file)), file).toBe(true);
  });

  it('keep-files: true leaves them under RUNNER_TEMP too', async () => {
    const { outputDir } = await mainThenPost('keyfiles-kept', 'temp', { 'keep-files': 'true' });
    for (const file of KEY_FILES) expect(existsSync(join(outputDir, file)), file).toBe(true);
  });
});
