// Bundles the action into dist/ as ES modules, one chunk per lazily imported part (README, "Development"), and
// beside it dist/renew-batch.js, the fleet workflow's batch job (src/batch/), a build of its own that shares no
// chunk with the action (it runs dist/index.js as a child process) and bundles the little of src/ it imports (the
// entry keys, src/fleet/entry-keys.ts), which the plan's chunk holds too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
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
// The packages @actions/core imports and rollup's CommonJS helpers get chunks of their own, or rollup would put
// them into whichever named chunk imports them first.
const NAMED_CHUNKS = {
  '@actions/http-client': 'actions-http-client',
  '@actions/exec': 'actions-exec',
  '@actions/io': 'actions-io',
  tunnel: 'tunnel',
  '@actions/cache': 'actions-cache',
  '@actions/artifact': 'actions-artifact',
  // alert: issue only (src/alert/).
  '@actions/github': 'actions-github',
  '@octokit': 'octokit',
  pkijs: 'pkijs',
  // Shared by pkijs and @peculiar/x509: apart, so that loading pkijs does not run x509's set-up.
  asn1js: 'asn1js',
  pvtsutils: 'pvtsutils',
  pvutils: 'pvutils',
  '@peculiar/x509': 'peculiar-x509',
  undici: 'undici',
  // certificate-api acme only: the ACME library and what it alone needs (CommonJS, axios, node-forge).
  'acme-client': 'acme-client',
  axios: 'acme-client',
  'node-forge': 'acme-client',
  debug: 'acme-client',
  'follow-redirects': 'acme-client',
  'form-data': 'acme-client',
  'proxy-from-env': 'acme-client',
};
const SRC = join(import.meta.dirname, 'src/');
const ENTRY = join(SRC, 'index.ts');

/** The named chunk a module belongs to, if any. */
function namedChunkOf(id) {
  if (id.startsWith('\0commonjsHelpers')) return 'commonjs-helpers';
  for (const [name, chunk] of Object.entries(NAMED_CHUNKS))
    if (id.includes(`/node_modules/${name}/`)) return chunk;
  return undefined;
}

/**
 * What a no-op run needs goes into one chunk, `start`: our modules, @actions/core and the built-ins they use, all
 * that the entry imports statically without passing through a named chunk (those load only when asked for). One
 * file to load rather than a dozen small shared chunks, each costing a resolve and a read (README, "Development").
 * Not into index.js itself: it awaits the run at top level, so a lazily imported chunk importing it would never load.
 */
let startModules;
function neededAtStart(id, getModuleInfo) {
  if (!startModules) {
    startModules = new Set();
    const queue = [ENTRY];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (startModules.has(next) || namedChunkOf(next)) continue;
      startModules.add(next);
      queue.push(...(getModuleInfo(next)?.importedIds ?? []));
    }
  }
  return id !== ENTRY && startModules.has(id);
}

function manualChunks(id, { getModuleInfo }) {
  return namedChunkOf(id) ?? (neededAtStart(id, getModuleInfo) ? 'start' : undefined);
}

/**
 * Node's built-ins through `process.getBuiltinModule`, not `import`: importing one as an ES module builds its
 * namespace, which reads every export, and for `node:crypto` that loads WebCrypto, key and X.509 internals a
 * no-op run never uses (~17 ms; on Node 24 `node:http` also loads Node's internal undici). Each named export
 * is read only where it is used: the unused ones are pure and tree-shaken away, and a namespace or dynamic import
 * (as @actions/core has them) becomes the module object itself, whose exports are read only when used (README,
 * "Development").
 */
const BUILTIN_PREFIX = '\0builtin:';
const nodeRequire = createRequire(import.meta.url);
// Only for what a no-op run loads: the lazily loaded CommonJS libraries keep plain imports, which rollup's
// CommonJS interop would otherwise wrap in namespace objects that read every export again.
// (The batch build below has no such plugin: its built-ins stay plain imports.)
const startsLean = (id) => id.startsWith(SRC) || id.includes('/node_modules/@actions/core/');
const DYNAMIC_IMPORT = /\bimport\(['"](node:)?([\w/]+)['"]\)/g;
const NAMESPACE_IMPORT = /^import \* as ([\w$]+) from ['"](node:)?([\w/]+)['"];?$/gm;
const builtins = {
  name: 'builtins-via-get-builtin-module',
  resolveId(source, importer) {
    const name = source.replace(/^node:/, '');
    if (!importer || !startsLean(importer)) return null;
    if (!builtinModules.includes(name)) return null;
    return { id: `${BUILTIN_PREFIX}${name}`, moduleSideEffects: false };
  },
  transform(code, id) {
    if (!startsLean(id)) return null;
    const direct = (name) => `process.getBuiltinModule('node:${name}')`;
    return code
      .replace(NAMESPACE_IMPORT, (whole, binding, _scheme, name) =>
        builtinModules.includes(name) ? `const ${binding} = ${direct(name)};` : whole,
      )
      .replace(DYNAMIC_IMPORT, (whole, _scheme, name) =>
        builtinModules.includes(name) ? `Promise.resolve(${direct(name)})` : whole,
      );
  },
  load(id) {
    if (!id.startsWith(BUILTIN_PREFIX)) return null;
    const name = id.slice(BUILTIN_PREFIX.length);
    const names = Object.keys(nodeRequire(`node:${name}`)).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key));
    const lines = names
      .filter((key) => key !== 'default')
      .map((key) => `export const ${key} = /*#__PURE__*/ (() => m.${key})();`);
    return [
      `const m = /*#__PURE__*/ process.getBuiltinModule('node:${name}');`,
      'export default m;',
      ...lines,
    ].join('\n');
  },
};

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

const typescriptPlugin = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    compilerOptions: { noEmit: false, outDir: 'dist' },
  });

const action = {
  input: { index: 'src/index.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    // No content hash: dist/ is committed, and a hash in every name would make each change rename every chunk.
    chunkFileNames: '[name].js',
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
    builtins,
    typescriptPlugin(),
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

/** dist/renew-batch.js: one file, Node's built-ins as plain imports (test/e2e/reusable-workflow.test.ts). */
const batch = {
  input: { 'renew-batch': 'src/batch/renew-batch.ts' },
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', sourcemap: false },
  plugins: [typescriptPlugin(), nodeResolve({ preferBuiltins: true, exportConditions: ['node'] })],
};

export default [action, batch];
