// Bundles the action into dist/ as ES modules, one chunk per lazily imported part (README, "Development").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

// @actions/core imports these for OIDC tokens and exec helpers only; nothing of them runs at import time
// that the action needs, so rollup may drop them when unused (ncc cannot: it evaluates all of them at start).
const SIDE_EFFECT_FREE = ['@actions/http-client', '@actions/exec', '@actions/io', 'tunnel', 'undici'];
const sideEffectFree = (id) => SIDE_EFFECT_FREE.some((name) => id.includes(`/node_modules/${name}/`));

// Named chunks for the heavy libraries, so that dist/ says what each file is (test/e2e/loaded-modules.test.ts
// checks that a no-op run loads none of them).
// @actions/core, the packages it imports and rollup's CommonJS helpers get chunks of their own, or rollup would
// put them (needed at start) into whichever named chunk imports them first.
const NAMED_CHUNKS = {
  '@actions/core': 'actions-core',
  '@actions/http-client': 'actions-http-client',
  '@actions/exec': 'actions-exec',
  '@actions/io': 'actions-io',
  tunnel: 'tunnel',
  '@actions/cache': 'actions-cache',
  '@actions/artifact': 'actions-artifact',
  pkijs: 'pkijs',
  // Shared by pkijs and @peculiar/x509: apart, so that loading pkijs does not run x509's set-up.
  asn1js: 'asn1js',
  pvtsutils: 'pvtsutils',
  pvutils: 'pvutils',
  '@peculiar/x509': 'peculiar-x509',
  undici: 'undici',
};
function manualChunks(id) {
  if (id.startsWith('\0commonjsHelpers')) return 'commonjs-helpers';
  for (const [name, chunk] of Object.entries(NAMED_CHUNKS))
    if (id.includes(`/node_modules/${name}/`)) return chunk;
  return undefined;
}

/** The package directory holding a bundled module: the nearest package.json with a name, under node_modules. */
function packageDirOf(id) {
  for (let dir = dirname(id); dir.includes('/node_modules/'); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name) return dir;
  }
  return undefined;
}

/** dist/licenses.txt: name, version, licence and licence text of every package bundled into dist/. */
const licenses = {
  name: 'licenses',
  generateBundle(_options, bundle) {
    const dirs = new Set();
    for (const chunk of Object.values(bundle))
      for (const id of chunk.type === 'chunk' ? Object.keys(chunk.modules) : []) {
        const dir = packageDirOf(id);
        if (dir) dirs.add(dir);
      }
    const entries = [...dirs].map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '';
      return `${pkg.name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${text}`;
    });
    const source = `${[...new Set(entries)].sort().join('\n\n')}\n`;
    this.emitFile({ type: 'asset', fileName: 'licenses.txt', source });
  },
};

export default {
  input: 'src/index.ts',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'index.js',
    chunkFileNames: '[name]-[hash].js',
    manualChunks,
    sourcemap: false,
  },
  treeshake: { moduleSideEffects: (id, external) => external || !sideEffectFree(id) },
  onwarn(warning, warn) {
    // Circular imports inside the Azure and OpenTelemetry SDKs, `this` at the top of their CommonJS.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/**/*.ts'],
      compilerOptions: { noEmit: false, outDir: 'dist' },
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json(),
    licenses,
    {
      name: 'dist-package-json',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'package.json', source: '{"type":"module"}\n' });
      },
    },
  ],
};
