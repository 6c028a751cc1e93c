// The deployment inputs: cdn-domains, dcdn-domains, cert-id, deploy-timeout, delete-superseded (docs/deploy.md).
import { describe, expect, it } from 'vitest';
import { AFTER_WAIT_ALLOWANCE_MS, runDeadline } from '../../src/action/wiring.js';
import { parseConfig } from '../../src/config/config.js';
import type { InputError } from '../../src/core/errors.js';
import { DEPLOY_TARGETS, PLANNED_TARGETS } from '../../src/deploy/registry.js';

const base = { 'access-key-id': 'id', 'access-key-secret': 'secret', domains: '*.example.com' };
const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const problemsOf = (inputs: Record<string, string>) => {
  try {
    parseConfig(read(inputs), {});
    return [];
  } catch (error) {
    return (error as InputError).problems.map((p) => `${p.input}: ${p.problem}`);
  }
};

describe('deployment inputs', () => {
  it('defaults: nothing to deploy, 300 s, nothing deleted, DCDN at dcdn.aliyuncs.com', () => {
    const c = parseConfig(read(base), {});
    expect(c.deploy).toEqual({
      resources: [],
      verify: [],
      timeoutSeconds: 300,
      deleteSuperseded: false,
    });
    expect(c.endpoints.dcdn).toBe('https://dcdn.aliyuncs.com');
    expect(c.certRegion).toBe('cn-hangzhou');
  });

  it('keeps the domains as given; a wildcard CDN domain may be *.example.com or .example.com', () => {
    const c = parseConfig(
      read({
        ...base,
        'cdn-domains': '*.Example.com, static.example.com\n.example.org',
        'dcdn-domains': 'api.example.com',
        'deploy-timeout': '42.5',
        'delete-superseded': 'true',
        region: 'ap-southeast-1',
      }),
      {},
    );
    expect(c.deploy).toEqual({
      resources: [
        { target: 'cdn', resource: '*.example.com', input: 'cdn-domains' },
        { target: 'cdn', resource: 'static.example.com', input: 'cdn-domains' },
        { target: 'cdn', resource: '.example.org', input: 'cdn-domains' },
        { target: 'dcdn', resource: 'api.example.com', input: 'dcdn-domains' },
      ],
      verify: [],
      timeoutSeconds: 42.5,
      deleteSuperseded: true,
    });
    expect(c.certRegion).toBe('ap-southeast-1');
  });

  it('deploy: one resource a line, after the shorthands, a resource given twice once; blank and # lines skipped', () => {
    const c = parseConfig(
      read({
        ...base,
        'cdn-domains': 'static.example.com',
        deploy: '# the site\ncdn: static.example.com\n\n  DCDN:  api.example.com  \ncdn: *.example.com',
      }),
      {},
    );
    expect(c.deploy.resources).toEqual([
      { target: 'cdn', resource: 'static.example.com', input: 'cdn-domains' },
      { target: 'dcdn', resource: 'api.example.com', input: 'deploy' },
      { target: 'cdn', resource: '*.example.com', input: 'deploy' },
    ]);
  });

  it('deploy: every bad line is reported at once, each naming the input and the line', () => {
    // Every target of the registry, in its order (each new target adds itself).
    const targets = DEPLOY_TARGETS.map((entry) => entry.target).join(', ');
    expect(targets).toMatch(/^cdn, dcdn(, |$)/);
    // A target still planned (each one that lands leaves the list): said so, not taken for a typo.
    const planned = PLANNED_TARGETS[0];
    expect(
      problemsOf({
        ...base,
        deploy: `cnd: static.example.com\n${planned ? `${planned}: example.com\n` : ''}static.example.com\ncdn: exa mple.com\ncdn:`,
      }),
    ).toEqual([
      `deploy: names the unknown target 'cnd' ('cnd: static.example.com'); did you mean cdn? (targets: ${targets})`,
      ...(planned
        ? [
            `deploy: names the target '${planned}' ('${planned}: example.com'), which this version cannot deploy to yet (targets: ${targets})`,
          ]
        : []),
      `deploy: has the line 'static.example.com', which is not '<target>: <resource>' (targets: ${targets})`,
      expect.stringMatching(/^deploy: line 'cdn: exa mple\.com': /),
      "deploy: line 'cdn:' names no resource",
    ]);
  });

  it('mode deploy needs cert-id and a domain list', () => {
    expect(problemsOf({ ...base, mode: 'deploy' })).toEqual([
      'cert-id: is required for mode deploy (the certificate at the service to deploy)',
      'deploy: (or cdn-domains or dcdn-domains) is required for mode deploy',
    ]);
    expect(
      problemsOf({ ...base, mode: 'deploy', 'cert-id': '123', 'dcdn-domains': 'a.example.com' }),
    ).toEqual([]);
    expect(problemsOf({ ...base, mode: 'deploy', 'cert-id': '12x', 'cdn-domains': 'a.example.com' })).toEqual(
      ["cert-id: must be a decimal certificate id (got '12x')"],
    );
  });

  it('delete checks the resources of every target, DCDN too, before deleting', () => {
    expect(
      problemsOf({
        ...base,
        mode: 'delete',
        'cert-id': '1',
        'dcdn-domains': 'a.example.com',
        'cdn-domains': '.b.example.com',
      }),
    ).toEqual([]);
    expect(
      problemsOf({ ...base, mode: 'delete', 'cert-id': '1', 'dcdn-domains': 'bad..example.com' })[0],
    ).toMatch(/^dcdn-domains: /);
  });

  it('refuses bad names, bad timeouts and domains for a mode that deploys nothing, all at once', () => {
    expect(
      problemsOf({
        ...base,
        mode: 'status',
        'cdn-domains': 'https://cdn.example.com',
        'deploy-timeout': '0',
        'delete-superseded': 'yes',
      }),
    ).toEqual([
      'cdn-domains: "https://cdn.example.com" is a URL, not a domain name; give the host name alone, like example.com',
      "deploy-timeout: must be a number above 0 (got '0')",
      "delete-superseded: must be true or false (got 'yes')",
      'cdn-domains: applies to mode issue, renew, upload or deploy (or delete, to check), not status (did you mean cdn-domain?)',
    ]);
  });
});

describe('the run deadline with a deployment', () => {
  it('adds deploy-timeout to wait-timeout when there is something to deploy, and only then', () => {
    const plain = parseConfig(read({ ...base, 'wait-timeout': '60' }), {});
    const deploying = parseConfig(
      read({ ...base, 'wait-timeout': '60', 'cdn-domains': '.example.com', 'deploy-timeout': '120' }),
      {},
    );
    expect(runDeadline(plain, 0)).toBe(60_000 + AFTER_WAIT_ALLOWANCE_MS);
    expect(runDeadline(deploying, 0)).toBe(180_000 + AFTER_WAIT_ALLOWANCE_MS);
  });
});

describe('verify-url and verify-connect-to', () => {
  it('reads each URL with its SNI name and where to connect, curl --connect-to style', () => {
    const c = parseConfig(
      read({
        ...base,
        'cdn-domains': 'static.example.com',
        'verify-url':
          'https://static.example.com/index.html\nhttps://api.example.com:8443, https://192.0.2.1',
        'verify-connect-to': 'static.example.com:443:[::1]:9443',
      }),
      {},
    );
    expect(c.deploy.verify).toEqual([
      { url: 'https://static.example.com', servername: 'static.example.com', host: '::1', port: 9443 },
      {
        url: 'https://api.example.com:8443',
        servername: 'api.example.com',
        host: 'api.example.com',
        port: 8443,
      },
      // An address is never sent as SNI.
      { url: 'https://192.0.2.1', host: '192.0.2.1', port: 443 },
    ]);
  });

  it('reports every problem at once, naming the input', () => {
    expect(
      problemsOf({
        ...base,
        'cdn-domains': 'static.example.com',
        'verify-url': 'http://static.example.com\nnot a url',
        'verify-connect-to': 'static.example.com:443:127.0.0.1\nother.example.com:443:127.0.0.1:8443',
      }),
    ).toEqual([
      "verify-connect-to: has 'static.example.com:443:127.0.0.1', which is not HOST:PORT:CONNECT-HOST:CONNECT-PORT (as curl's --connect-to, e.g. static.example.com:443:203.0.113.7:443)",
      "verify-url: has 'http://static.example.com': only https:// URLs serve a certificate",
      "verify-url: has 'not a url', which is not a URL (as in https://static.example.com)",
      'verify-connect-to: maps other.example.com:443, which no verify-url names',
    ]);
    expect(problemsOf({ ...base, 'verify-url': 'https://static.example.com' })).toEqual([
      'verify-url: checks a deployment: list the resources to deploy to in deploy (or cdn-domains)',
    ]);
  });
});
