// Starts the emulator from a shell: `tsx emulator/cli.ts [options]`.
// Once it accepts requests it prints `listening on http://127.0.0.1:PORT` (always the first line, which scripts
// wait for), then what to give the action: the endpoint inputs and the accepted test credentials, and the token the
// admin API asks for.
import { parseArgs } from 'node:util';
import { FAULT_KINDS, type FaultKind, type FaultSpec } from './faults.js';
import { prepareLeafKeys } from './leaf-keys.js';
import { ADMIN_TOKEN_HEADER, createEmulator, type EmulatorOptions } from './server.js';
import { EMULATOR_OIDC_PROVIDER_ARN, EMULATOR_ROLE_ARN } from './sts.js';

const USAGE = `Usage: tsx emulator/cli.ts [options]
  --port N                  port on 127.0.0.1 (default: any free port)
  --access-key-id ID        accepted AccessKey ID (default emulator-access-key-id)
  --access-key-secret S     its secret (default emulator-access-key-secret)
  --security-token T        make that key an STS key requiring this token
  --zone NAME               an Alidns zone in the account (repeatable)
  --cdn-domain NAME         a CDN domain in the account (repeatable)
  --issuance-delay-ms N     time from validated to issued (default 0)
  --web-root DIR            document root checked by FILE validation
  --verify-fail-domain NAME orders for this domain fail review (repeatable)
  --record-domain-style S   zone-relative (default: _dnsauth.www for www.example.com) or full
  --max-page-size N         force small ListUserCertificateOrder pages
  --large-ids               allocate order ids above 2^53
  --chaos-max-delay-ms N    delay every answer randomly up to N ms
  --fault FAULT             queue a fault (repeatable): KIND[:ACTION[:TIMES]] or a JSON FaultSpec,
                            e.g. throttle:DescribeCertificateState:3 or '{"kind":"drop-after"}'
  --verbose                 log every call to stderr`;

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
}

interface CliSettings {
  options: EmulatorOptions;
  verbose: boolean;
  faults: FaultSpec[];
}

function optionsFromArgs(argv: string[]): CliSettings {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'access-key-id': { type: 'string' },
      'access-key-secret': { type: 'string' },
      'security-token': { type: 'string' },
      zone: { type: 'string', multiple: true },
      'cdn-domain': { type: 'string', multiple: true },
      'issuance-delay-ms': { type: 'string' },
      'web-root': { type: 'string' },
      'verify-fail-domain': { type: 'string', multiple: true },
      'record-domain-style': { type: 'string' },
      'max-page-size': { type: 'string' },
      'large-ids': { type: 'boolean' },
      'chaos-max-delay-ms': { type: 'string' },
      fault: { type: 'string', multiple: true },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const options: EmulatorOptions = {};
  const port = integer('port', values.port);
  const issuanceDelayMs = integer('issuance-delay-ms', values['issuance-delay-ms']);
  const maxPageSize = integer('max-page-size', values['max-page-size']);
  const chaosMaxDelayMs = integer('chaos-max-delay-ms', values['chaos-max-delay-ms']);
  if (port !== undefined) options.port = port;
  if (values['access-key-id'] !== undefined) options.accessKeyId = values['access-key-id'];
  if (values['access-key-secret'] !== undefined) options.accessKeySecret = values['access-key-secret'];
  if (values['security-token'] !== undefined) options.securityToken = values['security-token'];
  if (values.zone) options.zones = values.zone;
  if (values['cdn-domain']) options.cdnDomains = values['cdn-domain'];
  if (issuanceDelayMs !== undefined) options.issuanceDelayMs = issuanceDelayMs;
  if (values['web-root'] !== undefined) options.webRoot = values['web-root'];
  if (values['verify-fail-domain']) options.verifyFailDomains = values['verify-fail-domain'];
  const style = values['record-domain-style'];
  if (style !== undefined) {
    if (style !== 'zone-relative' && style !== 'full')
      throw new Error('--record-domain-style must be zone-relative or full');
    options.recordDomainStyle = style;
  }
  if (maxPageSize !== undefined) options.maxPageSize = maxPageSize;
  if (values['large-ids']) options.largeIds = true;
  if (chaosMaxDelayMs !== undefined) options.chaos = { maxDelayMs: chaosMaxDelayMs };
  return { options, verbose: values.verbose ?? false, faults: (values.fault ?? []).map(parseFault) };
}

/** `KIND[:ACTION[:TIMES]]` (TIMES -1: forever) or a JSON FaultSpec. */
function parseFault(text: string): FaultSpec {
  if (text.trim().startsWith('{')) return JSON.parse(text) as FaultSpec;
  const [kind = '', action, times] = text.split(':');
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new Error(`--fault: unknown kind "${kind}"`);
  const spec: FaultSpec = { kind: kind as FaultKind };
  if (action) spec.action = action;
  if (times !== undefined) spec.times = Number(times);
  return spec;
}

async function main(): Promise<void> {
  let parsed: CliSettings;
  try {
    parsed = optionsFromArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const { options, verbose } = parsed;
  if (verbose) {
    options.onCall = (call) => {
      const outcome = call.code ? `${call.status} ${call.code}` : String(call.status);
      const fault = call.fault ? ` [fault ${call.fault}]` : '';
      process.stderr.write(
        `${new Date(call.at).toISOString()} ${call.product ?? '?'} ${call.action ?? '?'} -> ${outcome}${fault}\n`,
      );
    };
  }
  const emulator = await createEmulator(options);
  for (const fault of parsed.faults) emulator.faults.add(fault);
  process.stdout.write(
    [
      `listening on ${emulator.url}`,
      `endpoint, dns-endpoint, cdn-endpoint: ${emulator.url}`,
      `access-key-id: ${emulator.accessKeyId}`,
      // A test credential, printed on purpose: the emulator is for local runs only.
      `access-key-secret: ${emulator.accessKeySecret}`,
      ...(options.securityToken ? [`security-token: ${options.securityToken}`] : []),
      // Fresh each start: admin requests (/__emulator/…) send it in this header; see emulator/README.md.
      `admin-token (header ${ADMIN_TOKEN_HEADER}): ${emulator.adminToken}`,
      // Every other product it serves, and what a keyless try (role-arn) needs.
      `dcdn-endpoint, sts-endpoint: ${emulator.url}`,
      `keyless: role-arn ${EMULATOR_ROLE_ARN}, oidc-provider-arn ${EMULATOR_OIDC_PROVIDER_ARN}`,
      `keyless: ACTIONS_ID_TOKEN_REQUEST_URL=${emulator.idTokenRequestUrl}`,
      `keyless: ACTIONS_ID_TOKEN_REQUEST_TOKEN=${emulator.github.requestToken}`,
      '',
    ].join('\n'),
  );
  prepareLeafKeys(); // a spare RSA key for the first issuance
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
