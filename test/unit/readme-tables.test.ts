// The README's inputs and outputs tables are generated from action.yml (scripts/inputs-table.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations (JSDoc-typed)
import { renderReadme, tablesFrom } from '../../scripts/inputs-table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

describe('README tables generated from action.yml', () => {
  it('are current', () => {
    const readme = read('README.md');
    const current = renderReadme(readme, read('action.yml')) === readme;
    expect(current, 'README.md inputs/outputs tables differ from action.yml: run `npm run docs`').toBe(true);
  });

  it('list every input under its action.yml section, with its default, and every output', () => {
    const actionYml = [
      'inputs:',
      '  # --- Common ----',
      '  mode:',
      '    description: What to do.',
      '    default: issue',
      '  # --- Deploying (issue, deploy) ---',
      '  cdn-domains:',
      '    description: >-',
      '      CDN domains, a|b',
      '      comma-separated.',
      'outputs:',
      '  status:',
      '    description: The outcome.',
      'runs:',
      '  using: node24',
      '',
    ].join('\n');
    const { inputs, outputs } = tablesFrom(actionYml);
    expect(inputs.split('\n').slice(2)).toEqual([
      '| **Common** | | |',
      '| `mode` | `issue` | What to do. |',
      '| **Deploying (issue, deploy)** | | |',
      '| `cdn-domains` |  | CDN domains, a\\|b comma-separated. |',
    ]);
    expect(outputs.split('\n').slice(2)).toEqual(['| `status` | The outcome. |']);
  });

  it('replaces only the marked blocks and refuses a README without them', () => {
    const actionYml = 'inputs:\n  a:\n    description: A.\noutputs:\n  b:\n    description: B.\n';
    const readme =
      'intro\n<!-- inputs:start -->\nold\n<!-- inputs:end -->\nmiddle\n<!-- outputs:start -->\nold\n<!-- outputs:end -->\nend\n';
    expect(renderReadme(readme, actionYml)).toBe(
      'intro\n<!-- inputs:start -->\n| input | default | meaning |\n| --- | --- | --- |\n| **Inputs** | | |\n| `a` |  | A. |\n' +
        '<!-- inputs:end -->\nmiddle\n<!-- outputs:start -->\n| output | meaning |\n| --- | --- |\n| `b` | B. |\n' +
        '<!-- outputs:end -->\nend\n',
    );
    expect(() => renderReadme('no markers', actionYml)).toThrow(/inputs:start/);
  });
});
