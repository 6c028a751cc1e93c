import { q as isText, F as FlowError, t as requiredRecordNames, u as zoneResolver, v as ownedItems } from './start.js';
import { f as forMethod } from './strategy.js';

const m = /*#__PURE__*/ process.getBuiltinModule('node:child_process');
const spawn = /*#__PURE__*/ (() => m.spawn)();

// dns-provider: hook — a user command (`sh -c`) creates and removes the record at any DNS provider, as with
// acme.sh's dns hooks. It gets the record in CAS_VALIDATION_* variables and never the action's secrets.
/** Variables never passed to the hook: the action's inputs and state, Alibaba Cloud keys, runner tokens. */
const WITHHELD = [
    /^INPUT_/i,
    /^STATE_/i,
    /^ALIBABA_CLOUD_/i,
    /^ALICLOUD_/i,
    /^ACTIONS_RUNTIME_TOKEN$/i,
    /^ACTIONS_ID_TOKEN_REQUEST_TOKEN$/i,
];
/**
 * Pure: the hook's environment — the step's own environment (where a user puts the other provider's token)
 * minus anything withheld or holding one of `secrets`, plus the record and the action.
 */
function hookEnvironment(base, action, record, secrets) {
    const known = secrets.filter((s) => s.length > 0);
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (value === undefined || WITHHELD.some((re) => re.test(name)))
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
    const env = hookEnvironment(runner.env ?? process.env, action, record, runner.secrets);
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
            resolve({ exitCode, signal, timedOut, output: redact(output, runner.secrets) });
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
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets)
        if (secret)
            out = out.split(secret).join('***');
    return out;
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

export { createHookValidation, describeHookFailure, hookEnvironment, hookProvider, runHook, runHookCleanup };
