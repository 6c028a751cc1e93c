// The pure checks behind the pre-flight (test/e2e/preflight.test.ts drives them end to end): the declared input
// names against action.yml, "did you mean", the region list, and output-dir's probe.

import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUTS, unreadInputWarnings } from '../../src/config/input-names.js';
import { closestName } from '../../src/config/near-miss.js';
import { isKnownRegion, regionProblem } from '../../src/config/regions.js';
import { outputDirProblem } from '../../src/deliver/output-dir.js';

const actionYml = parse(readFileSync(path.resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
};

describe('input names', () => {
  it('are exactly the inputs action.yml declares (add a new input to src/config/input-names.ts)', () => {
    expect([...ACTION_INPUTS].sort()).toEqual(Object.keys(actionYml.inputs).sort());
  });

  it('warn about an unknown name with the closest, and skip empty values and defaults', () => {
    expect(
      unreadInputWarnings(
        {
          'INPUT_CDN-DOMIAN': 'a.example.com',
          'INPUT_WAIT-TIMOUT': '5',
          INPUT_ZZZ: 'x',
          INPUT_EMPTY: ' ',
          PATH: '/',
        },
        'issue',
      ),
    ).toEqual([
      "Input 'cdn-domian' is not an input of this action (did you mean cdn-domain?); it is ignored.",
      "Input 'wait-timout' is not an input of this action (did you mean wait-timeout?); it is ignored.",
      "Input 'zzz' is not an input of this action; it is ignored.",
    ]);
    expect(unreadInputWarnings({ INPUT_FORCE: 'false', INPUT_MODE: 'issue' }, 'issue')).toEqual([]);
    expect(unreadInputWarnings({ INPUT_CDN_DOMAINS: 'a.example.com' }, 'issue')).toEqual([
      "Input 'cdn_domains' is not an input of this action (did you mean cdn-domains?); it is ignored.",
    ]);
    expect(unreadInputWarnings({ INPUT_FORCE: 'true' }, 'issue')).toEqual([
      "Input 'force' is read by mode renew only, not issue: it is ignored.",
    ]);
    expect(unreadInputWarnings({ 'INPUT_CDN-DOMAIN': 'a.example.com' }, 'status')).toEqual([]);
  });
});

describe('regions', () => {
  it('know both sites and suggest the nearest for a typo', () => {
    for (const region of ['cn-hangzhou', 'cn-hongkong', 'ap-southeast-1', 'eu-central-1', 'us-east-1'])
      expect(isKnownRegion(region)).toBe(true);
    expect(closestName('ap-southeast1', ['ap-southeast-2', 'ap-southeast-1'])).toBe('ap-southeast-1');
    expect(regionProblem('cn-hangzou', false)).toMatch(
      /^is not an Alibaba Cloud region \(got 'cn-hangzou'\); did you mean cn-hangzhou\?/,
    );
    expect(regionProblem('mars-1', false)).not.toContain('did you mean');
    expect(regionProblem('xx-newland-1', true)).toBeUndefined();
  });
});

describe('outputDirProblem', () => {
  it('makes the missing folders and leaves no probe file behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'outdir-'));
    expect(await outputDirProblem(join(root, 'a', 'b'))).toBeUndefined();
    expect(await readdir(join(root, 'a', 'b'))).toEqual([]);
  });

  it('names the file in the way', async () => {
    const root = await mkdtemp(join(tmpdir(), 'outdir-'));
    await writeFile(join(root, 'f'), '');
    expect(await outputDirProblem(join(root, 'f', 'x', 'y'))).toBe(
      `cannot be made: ${join(root, 'f')} is a file, not a folder`,
    );
  });
});
