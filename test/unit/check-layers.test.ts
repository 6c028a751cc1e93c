// The layer check (scripts/check-layers.mjs), run as CI runs it on small trees written here: it passes a clean
// tree and fails, naming each, on a circle, an upward or sideways arrow, an unknown folder, and src/ ↔ emulator/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { importsOf } from '../../scripts/check-layers.mjs';

const script = path.resolve(import.meta.dirname, '../../scripts/check-layers.mjs');
const trees: string[] = [];
afterEach(() => {
  for (const tree of trees.splice(0)) rmSync(tree, { recursive: true, force: true });
});

/** A tree of files (path → text) under a new temporary root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
  trees.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

function check(root: string, ...flags: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [script, ...flags, root], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

const clean = {
  'src/core/log.ts': 'export const log = 1;\n',
  'src/aliyun/rpc.ts': "import { log } from '../core/log.js';\nexport const rpc = log;\n",
  'src/flows/order/orders.ts': "import { rpc } from '../../aliyun/rpc.js';\nexport const orders = rpc;\n",
  'src/flows/instance/wait.ts': "import { orders } from '../order/orders.js';\nexport const wait = orders;\n",
  'src/modes/issue.ts':
    "import type { Config } from '../config/config.js';\nexport const issue = async () => (await import('../flows/order/orders.js')).orders;\n",
  'src/config/config.ts': 'export interface Config { a: 1 }\n',
  'src/index.ts': "import { issue } from './modes/issue.js';\nawait issue();\n",
  'emulator/server.ts': "import { cas } from './cas.js';\nexport const server = cas;\n",
  'emulator/cas.ts': "import { randomUUID } from 'node:crypto';\nexport const cas = randomUUID;\n",
};

describe('check-layers', () => {
  it('passes a tree whose arrows point down, into its own folder, or to packages', () => {
    const run = check(tree(clean));
    expect(run.output).toMatch(/no circle/);
    expect(run.status).toBe(0);
  });

  it('fails on a circle in src/ and one in emulator/, naming the modules in turn', () => {
    const run = check(
      tree({
        ...clean,
        'src/core/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
        'src/core/b.ts': "export const b = async () => (await import('./a.js')).a;\n",
        'emulator/cas.ts': "import { server } from './server.js';\nexport const cas = server;\n",
      }),
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain('src/: import circle src/core/a.ts → src/core/b.ts → src/core/a.ts');
    expect(run.output).toContain(
      'emulator/: import circle emulator/cas.ts → emulator/server.ts → emulator/cas.ts',
    );
  });

  it('fails on an upward arrow and on a sideways one, each with its file and line', () => {
    const run = check(
      tree({
        ...clean,
        'src/flows/order/policy.ts': 'export const policy = 1;\n',
        'src/aliyun/rpc.ts':
          "import { log } from '../core/log.js';\nimport '../flows/order/policy.js';\nexport const rpc = log;\n",
        'src/validation/alidns.ts':
          "import { api } from '../authority/order-api.js';\nexport const alidns = api;\n",
        'src/authority/order-api.ts': 'export const api = 1;\n',
      }),
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      'src/aliyun/rpc.ts:2: upward arrow aliyun → flows (src/flows/order/policy.ts)',
    );
    expect(run.output).toContain(
      'src/validation/alidns.ts:1: sideways arrow validation → authority (src/authority/order-api.ts)',
    );
    expect(run.output).toMatch(/2 layer rule\(s\) broken/);
  });

  it('fails on a folder the table does not know, naming it', () => {
    const run = check(tree({ ...clean, 'src/stuff/thing.ts': 'export const thing = 1;\n' }));
    expect(run.status).toBe(1);
    expect(run.output).toContain('src/stuff: in no layer (src/stuff/thing.ts)');
  });

  it('fails when emulator/ imports src/ or src/ imports emulator/', () => {
    const run = check(
      tree({
        ...clean,
        'emulator/cas.ts': "import { rpc } from '../src/aliyun/rpc.js';\nexport const cas = rpc;\n",
        'src/core/log.ts':
          "export const log = async () => (await import('../../emulator/server.js')).server;\n",
      }),
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain('emulator/cas.ts:1: emulator/ imports src/ (src/aliyun/rpc.ts)');
    expect(run.output).toContain('src/core/log.ts:1: src/ imports emulator/ (emulator/server.ts)');
  });

  it('leaves type-only imports out, unless asked for them with --types', () => {
    const root = tree({
      ...clean,
      'src/core/log.ts': "import type { Config } from '../config/config.js';\nexport const log = 1;\n",
      'src/aliyun/rpc.ts':
        "import { type Config } from '../config/config.js';\nexport type Http = typeof import('../modes/issue.js');\nexport const rpc = 1;\n",
    });
    expect(check(root).status).toBe(0);
    const typed = check(root, '--types');
    expect(typed.status).toBe(1);
    expect(typed.output).toContain('src/core/log.ts:1: upward arrow core → config');
    expect(typed.output).toContain('src/aliyun/rpc.ts:1: upward arrow aliyun → config');
    expect(typed.output).toContain('src/aliyun/rpc.ts:2: upward arrow aliyun → modes');
  });

  it('reads multi-line, re-exporting and dynamic imports, and not those quoted in comments', () => {
    const text = [
      '// import { x } from "./in-a-comment.js";',
      '/* import("./in-a-block.js") */',
      'import {',
      '  a,',
      '  type B,',
      "} from './multi.js';",
      "export { c } from './re-export.js';",
      "export * from './star.js';",
      "const url = 'https://example.com/x'; const d = import('./dynamic.js');",
      "import { type E, type F } from './only-types.js';",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: './multi.js', line: 3 },
      { specifier: './re-export.js', line: 7 },
      { specifier: './star.js', line: 8 },
      { specifier: './dynamic.js', line: 9 },
    ]);
  });
});
