// The workflow security audit (scripts/audit-workflows.mjs): the repository's workflows pass, and each rule
// catches the mistake it exists for.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations (JSDoc-typed)
import { auditWorkflow } from '../../scripts/audit-workflows.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHA = '3d3c42e5aac5ba805825da76410c181273ba90b1';

// A GitHub expression, spelled out so no linter takes it for a template placeholder.
const expr = (e: string) => `$${'{{'} ${e} }}`;

type Finding = { line: number; rule: string; message: string };
const audit = (text: string, options?: { underWorkflows: boolean }): Finding[] =>
  auditWorkflow(text, options);
const rules = (text: string) => audit(text).map((f) => `${f.line}:${f.rule}`);

const workflow = (steps: string, top = 'permissions:\n  contents: read\n') =>
  `name: t\non: push\n${top}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('audit-workflows', () => {
  it('finds nothing in the repository workflows', () => {
    const run = spawnSync(process.execPath, ['scripts/audit-workflows.mjs'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/workflow file\(s\), 0 finding\(s\)/);
    expect(run.status).toBe(0);
  });

  it("lets a reusable workflow inherit the caller's permissions, but not a workflow run on its own", () => {
    const steps = '      - run: echo ok\n';
    const called = workflow(steps, '').replace('on: push', 'on:\n  workflow_call:\n    inputs: {}');
    expect(rules(called)).toEqual([]);
    expect(rules(workflow(steps, '')).map((r) => r.split(':')[1])).toEqual(['excessive-permissions']);
  });

  it('accepts a SHA pin with its version, local actions and the self-repository reference', () => {
    const steps = [
      `      - uses: actions/checkout@${SHA} # v7.0.1`,
      '        with:',
      '          persist-credentials: false',
      '      - uses: ./',
      '      - uses: $/',
      '      - run: echo "$VALUE"',
      '        env:',
      `          VALUE: ${expr('github.event.pull_request.title')}`,
      '',
    ].join('\n');
    expect(audit(workflow(steps))).toEqual([]);
  });

  it('flags tags, short SHAs and SHAs without a version comment', () => {
    const steps = [
      '      - uses: actions/setup-node@v7',
      '      - uses: actions/setup-node@8207627',
      `      - uses: actions/setup-node@${SHA}`,
      '',
    ].join('\n');
    expect(rules(workflow(steps))).toEqual(['9:unpinned-uses', '10:unpinned-uses', '11:unpinned-uses']);
  });

  it('flags unpinned reusable workflows and honours an ignore comment on the line', () => {
    const text = (comment: string) =>
      `on: push\npermissions: {}\njobs:\n  a:\n    uses: o/r/.github/workflows/w.yml@v1${comment}\n`;
    expect(rules(text(''))).toEqual(['5:unpinned-uses']);
    expect(rules(text(' # audit-workflows: ignore[unpinned-uses] example'))).toEqual([]);
    expect(rules(text(' # audit-workflows: ignore[artipacked]'))).toEqual(['5:unpinned-uses']);
  });

  it('flags an expression inside run:', () => {
    const steps = `      - run: |\n          echo "${expr('github.event.issue.title')}"\n`;
    expect(rules(workflow(steps))).toEqual(['9:template-injection']);
  });

  it('flags a checkout that keeps its credentials', () => {
    expect(rules(workflow(`      - uses: actions/checkout@${SHA} # v7.0.1\n`))).toEqual(['9:artipacked']);
    const kept = `      - uses: actions/checkout@${SHA} # v7.0.1\n        with:\n          persist-credentials: true\n`;
    expect(rules(workflow(kept))).toEqual(['9:artipacked']);
  });

  it('requires read-only top-level permissions', () => {
    const step = '      - run: "true"\n';
    expect(rules(workflow(step, ''))).toEqual(['1:excessive-permissions']);
    expect(rules(workflow(step, 'permissions: write-all\n'))).toEqual(['3:excessive-permissions']);
    expect(rules(workflow(step, 'permissions:\n  contents: write\n'))).toEqual(['4:excessive-permissions']);
    expect(rules(workflow(step, 'permissions: {}\n'))).toEqual([]);
  });

  it("flags a schedule under .github/workflows that is not this repository's own, not the same file in examples/", () => {
    const fixture = 'test/fixtures/audit/.github/workflows/nightly-example.yml';
    const run = spawnSync(process.execPath, ['scripts/audit-workflows.mjs', fixture], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stdout).toContain(`${fixture}:5: `);
    expect(run.stdout).toMatch(/\[foreign-schedule\]/);
    expect(run.status).toBe(1);
    const text = readFileSync(path.join(root, fixture), 'utf8');
    expect(rules(text)).toEqual([]);
    expect(audit(text, { underWorkflows: true }).map((f) => `${f.line}:${f.rule}`)).toEqual([
      '5:foreign-schedule',
    ]);
    const own = text.replace(
      'schedule:',
      "schedule: # audit-workflows: ignore[foreign-schedule] this repository's own",
    );
    expect(audit(own, { underWorkflows: true })).toEqual([]);
  });

  it('keeps only what this repository runs in .github/workflows: the scheduled fleet example is in examples/', () => {
    expect(readdirSync(path.join(root, '.github/workflows')).sort()).toEqual([
      'certificate.yml',
      'ci.yml',
      'codeql.yml',
      'release.yml',
      'renew-batch.yml',
      'use-action.yml',
    ]);
    const run = spawnSync(process.execPath, ['scripts/audit-workflows.mjs'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/7 workflow file\(s\), 0 finding\(s\)/);
  });

  it('flags triggers that run untrusted code with secrets', () => {
    const text = 'on:\n  pull_request_target:\npermissions: {}\njobs: {}\n';
    expect(rules(text)).toEqual(['2:dangerous-triggers']);
  });
});
