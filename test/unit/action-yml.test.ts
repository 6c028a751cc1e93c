// The action's metadata (action.yml) and the reusable workflow against the contract's input and output names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

// The contract's names (README "Inputs" and "Outputs"), with the defaults it gives as literals.
const CONTRACT_INPUTS: Record<string, string | undefined> = {
  mode: 'issue',
  'access-key-id': undefined,
  'access-key-secret': undefined,
  'security-token': undefined,
  'role-arn': undefined,
  'oidc-provider-arn': undefined,
  audience: 'sts.aliyuncs.com',
  'role-session-name': undefined,
  'role-duration': '3600',
  // Derived from region (https://sts.aliyuncs.com for Chinese regions, docs/keyless.md), like endpoint.
  'sts-endpoint': undefined,
  region: 'cn-hangzhou',
  endpoint: undefined,
  'dns-endpoint': 'https://alidns.aliyuncs.com',
  'cdn-endpoint': 'https://cdn.aliyuncs.com',
  'order-id': undefined,
  domains: undefined,
  'product-code': undefined,
  'create-operation': 'CreateCertificateForPackageRequest',
  csr: undefined,
  'validation-method': 'DNS',
  'dns-provider': 'alidns',
  'dns-hook': undefined,
  'file-validation-root': undefined,
  'contact-name': undefined,
  'contact-phone': undefined,
  'contact-email': undefined,
  'company-name': undefined,
  'renew-before-days': '30',
  force: 'false',
  'wait-timeout': '600',
  'poll-interval': '5',
  'max-poll-interval': '60',
  'fail-on-pending': 'true',
  'output-dir': undefined,
  'pfx-password': undefined,
  'private-key-passphrase': undefined,
  'artifact-name': undefined,
  'cdn-domain': undefined,
  // Certificates held at the service, deploying to CDN (docs/held-certificates.md, docs/deploy.md).
  'api-version': '2020-04-07',
  'cert-id': undefined,
  certificate: undefined,
  'certificate-file': undefined,
  'private-key': undefined,
  'private-key-file': undefined,
  'certificate-name': undefined,
  'cdn-domains': undefined,
  'deploy-timeout': '300',
  'delete-superseded': 'false',
  'allow-paid-deployment-job': 'false',
  'dcdn-domains': undefined,
  // One resource a line, every target (docs/deploy.md).
  deploy: undefined,
  'verify-url': undefined,
  // An ACME CA as the source (README, "Certificates from Let's Encrypt").
  'acme-directory': 'letsencrypt',
  'acme-email': undefined,
  'acme-account-key': undefined,
  'acme-eab-kid': undefined,
  'acme-eab-hmac-key': undefined,
  upload: undefined,
  // Choosing the certificate API (docs/certificate-apis.md).
  'certificate-api': 'auto',
  'instance-id': undefined,
  'certificate-type': 'DV',
  'key-algorithm': 'RSA_2048',
  'contact-id': undefined,
  province: 'Zhejiang',
  city: 'Hangzhou',
  certificates: undefined,
  alert: 'none',
  'alert-before-days': '7',
  // The job's GITHUB_TOKEN.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the runner's expression, literally as action.yml has it
  'github-token': '${{ github.token }}',
};

// Inputs the implementation adds beyond the contract.
const EXTRA_INPUTS: Record<string, string | undefined> = {
  'dns-wait-propagation': 'false',
  'dns-ttl': '600',
  // Key files output-dir puts under RUNNER_TEMP or the workspace are removed by the post step (issue 28).
  'keep-files': 'false',
  // Where record visibility is checked instead of the zone's servers, as lego's --dns.resolvers (README "Validation").
  'dns-resolvers': undefined,
  'artifact-retention-days': undefined,
  // The dns-hook's environment is an allowlist: what else it gets of the step's is named here (issue 24).
  'dns-hook-env': undefined,
  // Every cloud endpoint can be overridden by an input (README "Inputs").
  'dcdn-endpoint': 'https://dcdn.aliyuncs.com',
  'clb-endpoint': undefined,
  // The deploy targets' endpoint overrides: no default, each region has its own (docs/deploy.md).
  'esa-endpoint': undefined,
  // No default: a listener's region picks its endpoint (nlb.<region>.aliyuncs.com).
  'nlb-endpoint': undefined,
  'oss-endpoint': undefined,
  'alb-endpoint': undefined,
  'apigw-endpoint': undefined,
  'waf-endpoint': undefined,
  'ga-endpoint': undefined,
  'fc-endpoint': undefined,
  // V2.0 OV and EV certificates are issued to a company (docs/certificate-apis.md).
  'company-id': undefined,
  // Where a verify-url connects, as curl's --connect-to (docs/deploy.md).
  'verify-connect-to': undefined,
};

const CONTRACT_OUTPUTS = [
  'status',
  'order-id',
  'cert-id',
  'certificate',
  'certificate-chain',
  'fullchain',
  'private-key',
  'not-before',
  'not-after',
  'days-remaining',
  'fingerprint-sha256',
  'domains',
  'validation-record-domain',
  'validation-record-type',
  'validation-record-value',
  'validation-file-uri',
  'validation-file-content',
  'certificate-file',
  'private-key-file',
  'fullchain-file',
  'pfx-file',
  'quota-total',
  'quota-used',
  'quota-issued',
  'cdn-not-after',
  'cdn-days-remaining',
  'deployed-domains',
  'superseded-cert-ids',
  'deployed',
  'changed',
  'certificates',
  'instance-id',
  'matrix',
  'due-count',
];

const WORKFLOW_OUTPUTS = ['status', 'order-id', 'cert-id', 'not-after', 'days-remaining', 'changed'];
// Secrets of the reusable workflow: action inputs that must never be workflow inputs (they'd be logged).
const SECRET_INPUTS = [
  'access-key-id',
  'access-key-secret',
  'security-token',
  'private-key-passphrase',
  'pfx-password',
];

type Input = { description?: unknown; required?: unknown; default?: unknown };
type Output = { description?: unknown };
type ActionYml = {
  name?: unknown;
  description?: unknown;
  author?: unknown;
  branding?: { icon?: unknown; color?: unknown };
  inputs: Record<string, Input>;
  outputs: Record<string, Output>;
  runs: Record<string, unknown>;
};
type WorkflowCall = {
  inputs: Record<string, { type?: unknown; default?: unknown; description?: unknown }>;
  secrets: Record<string, { required?: unknown }>;
  outputs: Record<string, { value?: unknown }>;
};

const action = parse(read('action.yml')) as ActionYml;
const reusable = parse(read('.github/workflows/certificate.yml')) as {
  on: { workflow_call: WorkflowCall };
  permissions?: unknown;
  jobs: Record<
    string,
    {
      outputs?: Record<string, string>;
      steps?: Array<{ id?: string; uses?: string; with?: Record<string, string> }>;
    }
  >;
};
const call = reusable.on.workflow_call;

describe('action.yml', () => {
  it('has name, description, author and branding', () => {
    expect(action.name).toEqual(expect.any(String));
    expect(action.description).toEqual(expect.any(String));
    expect(action.author).toEqual(expect.any(String));
    expect(action.branding).toEqual({ icon: 'lock', color: 'orange' });
  });

  it('declares every input of the contract, with its literal default', () => {
    const declared = Object.keys(action.inputs);
    expect(declared).toEqual(
      expect.arrayContaining([...Object.keys(CONTRACT_INPUTS), ...Object.keys(EXTRA_INPUTS)]),
    );
    for (const [name, def] of Object.entries({ ...CONTRACT_INPUTS, ...EXTRA_INPUTS })) {
      const input = action.inputs[name];
      expect(input?.default, `default of input ${name}`).toBe(def);
    }
  });

  it('declares no input outside the contract and the known extras', () => {
    const known = new Set([...Object.keys(CONTRACT_INPUTS), ...Object.keys(EXTRA_INPUTS)]);
    expect(Object.keys(action.inputs).filter((n) => !known.has(n))).toEqual([]);
  });

  it('describes every input and requires none (credentials come from env vars by default)', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(typeof input.description === 'string' && input.description.trim().length > 0, name).toBe(true);
      expect(input.required, `required of input ${name}`).toBe(false);
      // GitHub passes inputs as strings: a non-string default would arrive as its YAML rendering.
      if (input.default !== undefined) expect(typeof input.default, `default of ${name}`).toBe('string');
    }
  });

  it('declares and describes every output of the contract', () => {
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(CONTRACT_OUTPUTS));
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(typeof output.description === 'string' && output.description.trim().length > 0, name).toBe(true);
    }
  });

  it('runs dist/index.js on node24, with a post step that always runs', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs.main).toBe('dist/index.js');
    expect(action.runs.post).toBe('dist/index.js');
    expect(action.runs['post-if']).toBe('always()');
  });
});

describe('reusable workflow .github/workflows/certificate.yml', () => {
  it('takes only inputs the action has, with the same defaults', () => {
    const names = Object.keys(call.inputs);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !(n in action.inputs))).toEqual([]);
    for (const [name, input] of Object.entries(call.inputs)) {
      const def = action.inputs[name]?.default;
      // An input passed through as '' reaches the action as '' (GitHub applies action.yml defaults only to
      // inputs left out of `with:`), so the workflow's defaults must equal the action's.
      expect(String(input.default ?? ''), `default of workflow input ${name}`).toBe(def ?? '');
    }
  });

  it('takes credentials and key passwords as secrets, never as inputs', () => {
    expect(Object.keys(call.secrets).sort()).toEqual([...SECRET_INPUTS].sort());
    for (const name of SECRET_INPUTS) {
      expect(name in action.inputs, name).toBe(true);
      expect(name in call.inputs, name).toBe(false);
    }
  });

  it('exposes the non-secret outputs, each an output of the action', () => {
    expect(Object.keys(call.outputs).sort()).toEqual([...WORKFLOW_OUTPUTS].sort());
    for (const name of WORKFLOW_OUTPUTS) expect(action.outputs[name], name).toBeDefined();
  });

  it('passes every workflow input and secret to the action step under the same name', () => {
    const steps = Object.values(reusable.jobs).flatMap((job) => job.steps ?? []);
    const step = steps.find((s) => s.uses === '$/');
    expect(step, 'a step `uses: $/`').toBeDefined();
    const withKeys = Object.keys(step?.with ?? {});
    expect(withKeys.filter((k) => !(k in action.inputs))).toEqual([]);
    for (const name of Object.keys(call.inputs)) {
      expect(step?.with?.[name], name).toBe(`\${{ inputs.${name} }}`);
    }
    for (const name of Object.keys(call.secrets)) {
      expect(step?.with?.[name], name).toBe(`\${{ secrets.${name} }}`);
    }
  });

  it('asks for no permission itself: the caller grants contents: read, and id-token: write with a role', () => {
    expect(reusable.permissions).toBeUndefined();
    for (const name of ['access-key-id', 'access-key-secret']) {
      expect(call.secrets[name]?.required, `secret ${name} is optional (a role may replace it)`).toBe(false);
    }
  });
});

// Input names used by the configuration code: every module of src/config/, read as one text.
const configDir = path.join(root, 'src/config');
const configSource = readdirSync(configDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => readFileSync(path.join(configDir, name), 'utf8'))
  .join('\n');

/**
 * Input names in the source: the first string argument of core.getInput-style calls, of the reader the
 * module is given (`read`), and of its local helpers whose first parameter is an input name
 * (`const text = (name: string) => ...`, `fail(input: string, ...)`), plus INPUT_X environment names.
 */
function inputNamesIn(source: string): Map<string, string> {
  const readers = new Set(['read', 'input', 'getInput', 'getBooleanInput', 'getMultilineInput']);
  const helper =
    /(?:const|function)\s+(\w+)\s*=?\s*(?:<[^<>()]*>)?\s*\(\s*(?:name|input|inputName)\s*:\s*string/g;
  for (const m of source.matchAll(helper)) readers.add(m[1] as string);
  const names = new Map<string, string>();
  const call =
    /(?<![\w$])(?:core\.)?([A-Za-z_]\w*)\s*(?:<[^<>()]*>)?\(\s*['"`]([a-z][a-z0-9]*(?:-[a-z0-9]+)*)['"`]/g;
  for (const m of source.matchAll(call)) {
    const [, callee, name] = m as unknown as [string, string, string];
    const isMethod = source[(m.index ?? 0) - 1] === '.' && !m[0].startsWith('core.');
    if (readers.has(callee) && !isMethod) names.set(name, `${callee}('${name}')`);
  }
  for (const m of source.matchAll(/\bINPUT_([A-Z][A-Z0-9-]*)\b/g)) {
    const name = (m[1] as string).toLowerCase();
    names.set(name, m[0]);
  }
  return names;
}

describe('src/config/', () => {
  it('names only inputs that action.yml declares', () => {
    const names = inputNamesIn(configSource);
    expect(
      names.size,
      'found no input name in src/config/ (looked for read/getInput-style calls)',
    ).toBeGreaterThan(0);
    const undeclared = [...names].filter(([name]) => !(name in action.inputs)).map(([, where]) => where);
    expect(undeclared).toEqual([]);
  });

  it('reads only inputs that action.yml declares when parseConfig runs', async () => {
    const mod = (await import(pathToFileURL(path.join(configDir, 'config.ts')).href)) as {
      parseConfig?: unknown;
    };
    if (typeof mod.parseConfig !== 'function') return; // no reader-driven entry point: the static check covers it
    const given: Record<string, string> = {
      'access-key-id': 'LTAI-test',
      'access-key-secret': 'test-secret',
      domains: 'example.com',
    };
    const read = new Set<string>();
    const reader = (name: string) => {
      read.add(name);
      return given[name] ?? (action.inputs[name]?.default as string | undefined) ?? '';
    };
    try {
      (mod.parseConfig as (r: (n: string) => string, env: Record<string, string>) => unknown)(reader, {});
    } catch {
      // A rejected combination still tells which inputs were read.
    }
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((n) => !(n in action.inputs))).toEqual([]);
  });
});

describe('scripts/actionlint.mjs', () => {
  const script = path.join(root, 'scripts/actionlint.mjs');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('finds nothing in .github/workflows/ and examples/', () => {
    const result = run();
    expect(result.stdout + result.stderr).toMatch(/0 finding\(s\)/);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('ignores only the allow-listed gaps of actionlint 1.7.7', () => {
    const expr = (e: string) => `\${{ ${e} }}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'actionlint-'));
    try {
      const file = path.join(dir, 'gaps.yml');
      writeFileSync(
        file,
        [
          'on: push',
          'jobs:',
          '  a:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: $/',
          '      - uses: $/sub/action',
          '      - uses: actions/checkout@v5',
          '        with:',
          `          repository: ${expr('job.workflow_repository')}`,
          `          ref: ${expr('job.workflow_sha')}`,
          '      - run: |',
          `          echo "${expr('job.workflow_ref')}"`,
          // Not allow-listed: still reported.
          `      - run: echo "${expr('job.workflow_nonexistent')}"`,
          '      - uses: owner/repo',
          '',
        ].join('\n'),
      );
      const result = run(file);
      const out = result.stdout + result.stderr;
      expect(result.status, out).toBe(1);
      expect(out).toMatch(/2 finding\(s\), 5 known gap\(s\) ignored/);
      expect(out).toMatch(/property "workflow_nonexistent" is not defined/);
      expect(out).toMatch(/specifying action "owner\/repo" in invalid format/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
