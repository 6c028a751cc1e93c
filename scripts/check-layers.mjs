#!/usr/bin/env node
// The import rules of docs/architecture.md, checked (`npm run lint:layers`, run in CI after `npm run lint`):
//   (a) no import circle among the modules of src/, nor among those of emulator/;
//   (b) in src/, arrows point down the layer table below: a module imports its own folder and lower layers only;
//   (c) emulator/ never imports src/, nor src/ emulator/ (the emulator verifies with its own code).
// Type-only imports (`import type`, `import { type A }`, `typeof import()`) are left out: they vanish at build time.
// Plain Node and a regex, no dependency: `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`.
//
//   node scripts/check-layers.mjs [--types] [root]   exit 1 listing every violation, 0 when there is none
//   (--types: type-only imports count as arrows too)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The layers of src/, low to high: each row names the folders (or the files directly in src/) of one layer. A
 * module may import its own folder (subfolders included) and any lower row; folders of one row may not import
 * each other, except as SAME_LAYER_ALLOWED says. A folder or file in no row is an error naming it: add it to the
 * row where it belongs.
 */
export const SRC_LAYERS = [
  ['core'],
  ['aliyun'],
  ['services'],
  // The certificates held at the service, below the deploy targets that install them by id.
  ['held'],
  // The ports' adapters: the CAS clients, the validation providers, the deploy targets; the fleet's pure rules.
  ['authority', 'validation', 'deploy', 'fleet'],
  // The certificate sources drive the CAS clients and the validation providers.
  ['sources'],
  ['flows'],
  ['modes'],
  // What follows a run: its delivery and its alerts (alerts read the mode registry).
  ['deliver', 'alert'],
  // Pure, yet high: it reads the registries of modes, targets, providers and APIs; below it only types use Config.
  ['config'],
  ['action'],
  // The entries: the action's, and the fleet workflow's batch job (src/batch/, bundled to dist/renew-batch.js).
  ['index.ts', 'local-action.ts', 'batch'],
];

/** Same-row imports allowed: `'from → to': 'the reason'`. */
export const SAME_LAYER_ALLOWED = {};

/** The trees whose modules are checked, relative to the root. */
const TREES = ['src', 'emulator'];
const SOURCE = /\.(ts|mts|mjs|js)$/;

/** Comments blanked out (kept line for line), so an import quoted in a comment is not read as one. */
function withoutComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (_whole, before) => before);
}

const STATIC_IMPORT = /^[ \t]*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT_IMPORT = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `{ type A, type B }`: every name imported is a type, so the import vanishes at build time. */
function onlyTypes(clause) {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((name) => /^type\s/.test(name));
}

/** The specifiers a module imports at run time (with `types`, type-only ones too), with the line each is on. */
export function importsOf(text, { types = false } = {}) {
  const code = withoutComments(text);
  const lineAt = (index) => code.slice(0, index).split('\n').length;
  const found = [];
  for (const m of code.matchAll(STATIC_IMPORT))
    if (types || (!m[2] && !onlyTypes(m[3]))) found.push({ specifier: m[4], line: lineAt(m.index) });
  for (const m of code.matchAll(SIDE_EFFECT_IMPORT)) found.push({ specifier: m[1], line: lineAt(m.index) });
  for (const m of code.matchAll(DYNAMIC_IMPORT))
    if (types || !m[1]) found.push({ specifier: m[2], line: lineAt(m.index) });
  return found;
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the sources), or undefined for a package. */
function resolveSpecifier(importer, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(importer), specifier);
  const candidates = [
    target,
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.mjs$/, '.mts'),
    `${target}.ts`,
    join(target, 'index.ts'),
  ];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? target;
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The cycles of a graph (module → modules it imports), each once, as lists of modules starting at its least. */
function cyclesOf(graph) {
  // Tarjan's strongly connected components; then one shortest circle through each member of a component.
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  const cycles = new Map();
  for (const component of components) {
    const members = new Set(component);
    for (const start of [...component].sort()) {
      // Breadth-first from start, inside the component, back to start.
      const from = new Map([[start, undefined]]);
      const queue = [start];
      let closing;
      while (queue.length > 0 && closing === undefined) {
        const node = queue.shift();
        for (const to of [...(graph.get(node) ?? [])].sort()) {
          if (to === start) {
            closing = node;
            break;
          }
          if (members.has(to) && !from.has(to)) {
            from.set(to, node);
            queue.push(to);
          }
        }
      }
      if (closing === undefined) continue;
      const path = [];
      for (let node = closing; node !== undefined; node = from.get(node)) path.unshift(node);
      const least = [...path].sort()[0];
      const at = path.indexOf(least);
      const rotated = [...path.slice(at), ...path.slice(0, at)];
      cycles.set(rotated.join(' → '), rotated);
    }
  }
  return [...cycles.values()];
}

/** The layer table as folder → row number; throws when a folder is in two rows. */
function rowsOf(layers) {
  const rows = new Map();
  layers.forEach((row, at) => {
    for (const folder of row) {
      if (rows.has(folder)) throw new Error(`layer table: ${folder} is in two rows`);
      rows.set(folder, at);
    }
  });
  return rows;
}

/**
 * Every violation under root, as sentences (empty when the tree keeps the rules). `layers` and `sameLayerAllowed`
 * default to the tables above; the tests pass their own. `types` counts type-only imports as arrows too.
 */
export function checkLayers(
  root,
  { layers = SRC_LAYERS, sameLayerAllowed = SAME_LAYER_ALLOWED, types = false } = {},
) {
  const rows = rowsOf(layers);
  const problems = [];
  const name = (file) => relative(root, file).split(sep).join('/');
  const treeOf = (file) => TREES.find((tree) => name(file).startsWith(`${tree}/`));
  // The folder of a src/ module: its first path segment under src/ (a file directly in src/ is its own).
  const folderOf = (file) => name(file).split('/')[1];

  const graphs = new Map(TREES.map((tree) => [tree, new Map()]));
  const unknown = new Map();
  for (const tree of TREES)
    for (const file of filesUnder(join(root, tree))) {
      const from = name(file);
      const edges = new Set();
      graphs.get(tree).set(from, edges);
      if (tree === 'src' && !rows.has(folderOf(file))) unknown.set(folderOf(file), from);
      for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'), { types })) {
        const target = resolveSpecifier(file, specifier);
        if (target === undefined) continue;
        const to = name(target);
        const targetTree = treeOf(target);
        if (targetTree !== tree && (targetTree === 'src' || targetTree === 'emulator')) {
          problems.push(
            `${from}:${line}: ${tree}/ imports ${targetTree}/ (${to}): the two never import each other`,
          );
          continue;
        }
        if (targetTree !== tree) continue;
        edges.add(to);
        if (tree !== 'src') continue;
        const [fromFolder, toFolder] = [folderOf(file), folderOf(target)];
        if (fromFolder === toFolder || !rows.has(fromFolder) || !rows.has(toFolder)) continue;
        const [fromRow, toRow] = [rows.get(fromFolder), rows.get(toFolder)];
        if (toRow > fromRow)
          problems.push(
            `${from}:${line}: upward arrow ${fromFolder} → ${toFolder} (${to}): ${toFolder} is a higher layer`,
          );
        else if (toRow === fromRow && !sameLayerAllowed[`${fromFolder} → ${toFolder}`])
          problems.push(
            `${from}:${line}: sideways arrow ${fromFolder} → ${toFolder} (${to}): one layer, and the pair is not in SAME_LAYER_ALLOWED`,
          );
      }
    }
  for (const [folder, example] of unknown)
    problems.push(
      `src/${folder}: in no layer (${example}): add it to SRC_LAYERS in scripts/check-layers.mjs`,
    );
  for (const [tree, graph] of graphs)
    for (const cycle of cyclesOf(graph))
      problems.push(`${tree}/: import circle ${[...cycle, cycle[0]].join(' → ')}`);
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const types = args.includes('--types');
  const [given] = args.filter((arg) => arg !== '--types');
  const root = resolve(given ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkLayers(root, { types });
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`${problems.length} layer rule(s) broken (scripts/check-layers.mjs)`);
    process.exit(1);
  }
  console.log('layers: no circle, no upward or sideways arrow, emulator/ and src/ apart');
}
