import { J as isText, F as FlowError, l as redactSecrets, M as requiredRecordNames, O as zoneResolver, P as ownedItems } from './start.js';
import { f as forMethod } from './strategy.js';

const m = /*#__PURE__*/ process.getBuiltinModule('node:child_process');
const spawn = /*#__PURE__*/ (() => m.spawn)();

// dns-provider: hook — a user command (`sh -c`) creates and removes the record at any DNS provider, as with
// acme.sh's dns hooks. It gets the record in CAS_VALIDATION_* variables, an environment built from an allowlist
// (README "Validation"), and never the action's secrets.
/**
 * What every hook gets of the step's environment: what a shell and its tools need (locale, temp, proxy), and the
 * run's public facts. Never a runner command file (GITHUB_OUTPUT, GITHUB_ENV, …: a hook could forge outputs).
 */
const PASSED_NAMES = new Set([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'TERM',
    'TZ',
    'LANG',
    'LANGUAGE',
    'TMPDIR',
    'CI',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'RUNNER_TEMP',
    'RUNNER_TOOL_CACHE',
    'GITHUB_ACTIONS',
    'GITHUB_WORKSPACE',
    'GITHUB_REPOSITORY',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_SERVER_URL',
    'GITHUB_API_URL',
]);
const PASSED_PATTERN = /^LC_[A-Z]+$/;
/** Never passed, even when dns-hook-env names them: the action's inputs and state, Alibaba Cloud credentials. */
const NEVER_PASSED = /^(INPUT_|STATE_|ALIBABA_CLOUD_|ALICLOUD_|ALIBABACLOUD_)/i;
/**
 * Pure: the hook's environment, built from an allowlist: the basics above, the names the user lists in
 * `dns-hook-env` (where another provider's token goes, or GITHUB_TOKEN on purpose), never one holding one of
 * `secrets`; plus the record and the action.
 */
function hookEnvironment(base, action, record, secrets, passEnv = []) {
    const known = secrets.filter((s) => s.length > 0);
    const listed = new Set(passEnv);
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (value === undefined || NEVER_PASSED.test(name))
            continue;
        if (!PASSED_NAMES.has(name) && !PASSED_PATTERN.test(name) && !listed.has(name))
            continue;
        if (known.some((secret) => value.includes(secret)))
            continue;
        env[name] = value;
    }
    env.CAS_VALIDATION_ACTION = action;
    env.CAS_VALIDATION_RECORD_DOMAIN = record.domain;
    env.CAS_VALIDATION_RECORD_TYPE = record.type;
    env.CAS_VALIDATION_RECORD_VALUE = record.value;
    return env;
}
const MAX_OUTPUT = 64 * 1024;
const REPORTED_OUTPUT = 2_000;
/** Runs the hook once through `sh -c`, collecting its output (stdout and stderr interleaved). */
function runHook(runner, action, record) {
    const env = hookEnvironment(runner.env ?? process.env, action, record, runner.secrets, runner.passEnv);
    return new Promise((resolve) => {
        // Its own process group, so that a timeout ends whatever the hook started, not only the shell.
        const child = spawn('sh', ['-c', runner.command], {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        let output = '';
        const collect = (chunk) => {
            if (output.length < MAX_OUTPUT)
                output += chunk.toString('utf8');
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                if (child.pid)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        }, runner.timeoutMs ?? 300_000);
        let settled = false;
        const finish = (exitCode, signal) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            child.stdout.destroy();
            child.stderr.destroy();
            // Without the action's secrets nor any the run registered, raw or URL-encoded: the runner masks raw only.
            resolve({ exitCode, signal, timedOut, output: redactSecrets(output, runner.secrets) });
        };
        // 'close' may not follow an 'error' (sh not found): settle on either, once.
        child.on('error', (error) => {
            output += `\n${String(error)}`;
            finish(null, null);
        });
        child.on('close', finish);
        // A background process the hook left behind may hold the pipes open: stop reading soon after exit.
        child.on('exit', (code, signal) => setTimeout(() => finish(code, signal), 1_000).unref());
    });
}
/** One sentence: which step of the hook failed for which record, with its exit status and the end of its output. */
function describeHookFailure(action, record, result) {
    const status = result.timedOut
        ? 'timed out'
        : result.exitCode !== null
            ? `exited with code ${result.exitCode}`
            : result.signal
                ? `was killed by ${result.signal}`
                : 'could not be started';
    const output = result.output.trim();
    const tail = output.length > REPORTED_OUTPUT ? `…${output.slice(-REPORTED_OUTPUT)}` : output;
    return (`dns-hook ${action} for the ${record.type} record ${record.domain} ${status}` +
        (tail ? `; its output: ${tail}` : ' with no output'));
}
function createHookValidation(deps) {
    const { runner, log, ledger, orderId } = deps;
    const mine = ownedItems(ledger, (item) => runHookCleanup(runner, item, log));
    const cleanup = () => mine.removeAll();
    return {
        async present(challenge, domains) {
            await cleanup();
            const names = requiredRecordNames(challenge, domains, orderId, await zoneResolver());
            const type = challenge.recordType.toUpperCase();
            for (const domain of names) {
                const item = { kind: 'hook', domain, type, value: challenge.recordValue };
                // Remembered before it runs: a hook that dies half-way may still have made the record.
                mine.add(item);
                const result = await runHook(runner, 'present', item);
                if (result.exitCode !== 0 || result.timedOut) {
                    throw new FlowError(`${describeHookFailure('present', item, result)}. Fix the hook (order ${orderId} waits), then run again.`);
                }
                log.info(`dns-hook presented the ${type} record ${domain}.`);
                if (result.output.trim())
                    log.debug(`dns-hook output: ${result.output.trim()}`);
            }
            return names;
        },
        cleanup,
    };
}
/** Runs the hook's cleanup for one record; true when it succeeded. Never throws: warns instead. */
async function runHookCleanup(runner, item, log) {
    const result = await runHook(runner, 'cleanup', item);
    if (result.exitCode === 0 && !result.timedOut) {
        log.info(`dns-hook removed the ${item.type} record ${item.domain}.`);
        if (result.output.trim())
            log.debug(`dns-hook output: ${result.output.trim()}`);
        return true;
    }
    log.warning(`${describeHookFailure('cleanup', item, result)}. Remove the record by hand.`);
    return false;
}
const isHookItem = (item) => item.kind === 'hook';
const hookProvider = {
    create({ settings, log, ledger, orderId }) {
        const runner = settings.hook;
        if (!runner)
            throw new FlowError("dns-provider hook needs the input 'dns-hook'.");
        return forMethod('DNS', createHookValidation({ runner, log, ledger, orderId }));
    },
    itemKind: 'hook',
    parseItem(raw) {
        if (!isText(raw.domain) || !isText(raw.type) || !isText(raw.value))
            return undefined;
        return { kind: 'hook', domain: raw.domain, type: raw.type, value: raw.value };
    },
    describeItem: (item) => isHookItem(item) ? `${item.type} record ${item.domain} (via dns-hook)` : item.kind,
    async removeItem(item, { settings, log }) {
        const runner = settings?.hook;
        return isHookItem(item) && runner !== undefined && runHookCleanup(runner, item, log);
    },
    async removeForChallenge(challenge, names, { settings, log }) {
        const runner = settings?.hook;
        if (challenge.method !== 'DNS' || !runner)
            return 'not removed (no dns-hook)';
        const type = challenge.recordType.toUpperCase();
        let removed = 0;
        for (const domain of names) {
            if (await runHookCleanup(runner, { domain, type, value: challenge.recordValue }, log))
                removed++;
        }
        return `${removed} of ${names.length} removed by dns-hook`;
    },
};

export { NEVER_PASSED, createHookValidation, describeHookFailure, hookEnvironment, hookProvider, runHook, runHookCleanup };
