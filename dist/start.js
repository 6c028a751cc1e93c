// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

const os$2 = process.getBuiltinModule('node:os');
/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os$2.EOL);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
const crypto = process.getBuiltinModule('node:crypto');
const fs = process.getBuiltinModule('node:fs');
const os$1 = process.getBuiltinModule('node:os');
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os$1.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os$1.EOL}${convertedValue}${os$1.EOL}${delimiter}`;
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

const m$7 = /*#__PURE__*/ process.getBuiltinModule('node:os');
const tmpdir = /*#__PURE__*/ (() => m$7.tmpdir)();
const EOL = /*#__PURE__*/ (() => m$7.EOL)();

const m$6 = /*#__PURE__*/ process.getBuiltinModule('node:fs');
const constants = /*#__PURE__*/ (() => m$6.constants)();
const promises = /*#__PURE__*/ (() => m$6.promises)();

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile: writeFile$1 } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants.R_OK | constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile$1 : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

process.getBuiltinModule('node:path');

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
m$7.platform();
m$7.arch();

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const os = process.getBuiltinModule('node:os');
process.getBuiltinModule('node:path');
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}

const m$5 = /*#__PURE__*/ process.getBuiltinModule('node:fs/promises');
const open = /*#__PURE__*/ (() => m$5.open)();
const rm = /*#__PURE__*/ (() => m$5.rm)();
const rmdir = /*#__PURE__*/ (() => m$5.rmdir)();
const mkdir = /*#__PURE__*/ (() => m$5.mkdir)();
const lstat = /*#__PURE__*/ (() => m$5.lstat)();
const stat = /*#__PURE__*/ (() => m$5.stat)();
const unlink = /*#__PURE__*/ (() => m$5.unlink)();
const chmod = /*#__PURE__*/ (() => m$5.chmod)();
const realpath = /*#__PURE__*/ (() => m$5.realpath)();
const mkdtemp = /*#__PURE__*/ (() => m$5.mkdtemp)();
const writeFile = /*#__PURE__*/ (() => m$5.writeFile)();
const readFile = /*#__PURE__*/ (() => m$5.readFile)();

/** The one error type of the cloud client: a service error, or a transport failure that the service never answered. */
class AliyunApiError extends Error {
    name = 'AliyunApiError';
    action;
    /** The service's `Code`, or `NetworkError` / `MalformedResponse` for failures with no answer. */
    code;
    status;
    requestId;
    recommend;
    /**
     * True when a call that changes state may or may not have taken effect (sent, then no clear answer).
     * The caller must reconcile (look the result up) before anything else: never retry it blindly.
     */
    outcomeUnknown;
    /** True when the client stopped retrying because the next wait would end past the run's deadline. */
    deadlineReached;
    /** An STS refusal: the `sub` of the ID token it refused, what a trust policy's oidc:sub condition must match. */
    idTokenSubject;
    constructor(init) {
        super(init.message, { cause: init.cause });
        this.action = init.action;
        this.code = init.code;
        this.status = init.status;
        this.requestId = init.requestId;
        this.recommend = init.recommend;
        this.outcomeUnknown = init.outcomeUnknown ?? false;
        this.deadlineReached = init.deadlineReached ?? false;
        this.idTokenSubject = init.idTokenSubject;
    }
    /** One line for logs and failure messages: action, code, message, request id. */
    describe() {
        const request = this.requestId ? ` (RequestId ${this.requestId})` : '';
        return `${this.action} failed: ${this.code}: ${this.message}${request}`;
    }
}

// The one credentials chain, chosen as a whole (never one field from here and one from there):
// the inputs (role inputs first, then access-key inputs with their own security-token), else an OIDC role
// named in the environment, else the first complete access key among the environment's variable families.
/** The families that configure-aliyun-credentials-action and the Alibaba Cloud tools export, in order. */
const ENV_FAMILIES = [
    {
        id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
        secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
        tokens: ['ALIBABA_CLOUD_SECURITY_TOKEN'],
    },
    {
        id: 'ALICLOUD_ACCESS_KEY',
        secret: 'ALICLOUD_SECRET_KEY',
        tokens: ['ALICLOUD_SECURITY_TOKEN', 'ALICLOUD_ACCESS_KEY_STS_TOKEN'],
    },
    {
        id: 'ALIBABACLOUD_ACCESS_KEY_ID',
        secret: 'ALIBABACLOUD_ACCESS_KEY_SECRET',
        tokens: ['ALIBABACLOUD_SECURITY_TOKEN'],
    },
];
/** Pure: picks the one source. A role given by half (arn without provider) is reported by config/config.ts. */
function chooseCredentialSource(inputs, env, settings) {
    const value = (v) => v?.trim() || undefined;
    const envValue = (name) => value(env[name]);
    const githubOidc = envValue('ACTIONS_ID_TOKEN_REQUEST_URL') && envValue('ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    const tokenFile = githubOidc ? undefined : envValue('ALIBABA_CLOUD_OIDC_TOKEN_FILE');
    const role = (roleArn, oidcProviderArn) => ({
        roleArn,
        oidcProviderArn,
        ...settings,
        ...(tokenFile ? { tokenFile } : {}),
    });
    const roleArn = value(inputs.roleArn);
    const providerArn = value(inputs.oidcProviderArn);
    if (roleArn || providerArn) {
        return { kind: 'oidc-role', from: 'inputs', role: role(roleArn ?? '', providerArn ?? '') };
    }
    const keyId = value(inputs.accessKeyId);
    const keySecret = value(inputs.accessKeySecret);
    const token = value(inputs.securityToken);
    // Any key input picks the inputs: what they lack is reported, never filled in from the environment.
    if (keyId || keySecret || token) {
        const key = { accessKeyId: keyId, accessKeySecret: keySecret };
        if (token)
            key.securityToken = token;
        return { kind: 'access-key', from: 'inputs', key };
    }
    const envRole = envValue('ALIBABA_CLOUD_ROLE_ARN');
    const envProvider = envValue('ALIBABA_CLOUD_OIDC_PROVIDER_ARN');
    if (envRole && envProvider) {
        return {
            kind: 'oidc-role',
            from: 'environment (ALIBABA_CLOUD_ROLE_ARN)',
            role: role(envRole, envProvider),
        };
    }
    for (const family of ENV_FAMILIES) {
        const accessKeyId = envValue(family.id);
        const accessKeySecret = envValue(family.secret);
        if (!accessKeyId || !accessKeySecret)
            continue;
        const securityToken = family.tokens.map(envValue).find(Boolean);
        return {
            kind: 'access-key',
            from: `environment (${family.id})`,
            key: { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) },
        };
    }
    return { kind: 'access-key', from: 'nowhere', key: {} };
}
/** Which source signs the calls, for the log and the summary: never a value of it but the role's name. */
function describeCredentialSource(source) {
    if (source.kind === 'access-key') {
        return `access key from ${source.from}${source.key.securityToken ? ', with its security token' : ''}`;
    }
    const token = source.role.tokenFile ? 'ID token from ALIBABA_CLOUD_OIDC_TOKEN_FILE' : "the job's ID token";
    return `OIDC role ${source.role.roleArn} (from ${source.from}, ${token})`;
}
/** Every secret value of every environment family, to mask before anything is printed. */
function environmentSecrets(env) {
    return ENV_FAMILIES.flatMap((f) => [f.secret, ...f.tokens])
        .map((name) => env[name]?.trim())
        .filter((v) => Boolean(v));
}
/** Renew this long before the temporary key expires, so no call is signed with a key about to lapse. */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
function createCredentialsProvider(source, deps) {
    if (source.kind === 'access-key') {
        const key = source.key;
        for (const secret of [key.accessKeySecret, key.securityToken])
            if (secret)
                deps.maskSecret(secret);
        return async () => key;
    }
    const now = deps.now ?? Date.now;
    const { role } = source;
    let current;
    let pending;
    const assume = async () => {
        const oidcToken = role.tokenFile
            ? (await readFile(role.tokenFile, 'utf8')).trim()
            : await deps.getIdToken(role.audience, deps.deadline);
        deps.maskSecret(oidcToken);
        return deps.sts
            .assumeRoleWithOidc({
            roleArn: role.roleArn,
            oidcProviderArn: role.oidcProviderArn,
            oidcToken,
            roleSessionName: role.roleSessionName,
            durationSeconds: role.durationSeconds,
            maskSecret: deps.maskSecret,
        })
            .catch((error) => {
            throw withTokenSubject(error, oidcToken);
        });
    };
    return async () => {
        if (!current || now() >= current.expiresAt.getTime() - RENEW_BEFORE_EXPIRY_MS) {
            pending ??= assume().finally(() => {
                pending = undefined;
            });
            current = await pending;
        }
        return current.credentials;
    };
}
/** A refusal by STS, with the `sub` of the token it refused (read from the payload, unverified; nothing else). */
function withTokenSubject(error, idToken) {
    if (!(error instanceof AliyunApiError) || error.status === undefined)
        return error;
    const subject = idTokenSubject(idToken);
    if (subject === undefined)
        return error;
    return new AliyunApiError({
        action: error.action,
        code: error.code,
        message: error.message,
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
        ...(error.recommend === undefined ? {} : { recommend: error.recommend }),
        outcomeUnknown: error.outcomeUnknown,
        deadlineReached: error.deadlineReached,
        idTokenSubject: subject,
        cause: error,
    });
}
function idTokenSubject(idToken) {
    try {
        const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof payload?.sub === 'string' && payload.sub !== '' ? payload.sub.slice(0, 200) : undefined;
    }
    catch {
        return undefined;
    }
}

// Plain http only where it never leaves the machine: a signed call carries the key id and the STS token, the STS
// exchange the job's ID token, GitHub's token request its bearer (SECURITY.md).
const PLAIN_HTTP_LOOPBACK_ONLY = 'must use https: plain http is allowed for loopback only (127.0.0.0/8, ::1, localhost)';
/** 127.0.0.0/8, ::1 and localhost (URL's hostname, IPv6 in brackets). */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host === '::1')
        return true;
    return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/** Why `url` may not be sent to, or undefined: an http URL off loopback. */
function plainHttpProblem(url) {
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname) ? PLAIN_HTTP_LOOPBACK_ONLY : undefined;
}
/** ACTIONS_ID_TOKEN_REQUEST_URL as the runner gives it (https), or a loopback stand-in; else why not. */
function idTokenUrlProblem(raw) {
    let url;
    try {
        url = new URL(raw ?? '');
    }
    catch {
        return `ACTIONS_ID_TOKEN_REQUEST_URL is not a URL`;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return `ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL (got ${url.protocol})`;
    const problem = plainHttpProblem(url);
    return problem ? `ACTIONS_ID_TOKEN_REQUEST_URL ${problem} (got ${url.origin})` : undefined;
}

/** The client's timeouts unless a caller sets its own (RpcClientOptions.timeouts). */
const DEFAULT_TIMEOUTS = {
    connectMs: 10_000,
    headersMs: 30_000,
    bodyMs: 30_000,
    totalMs: 60_000,
};
/** No answer of these APIs comes near it (a page of 100 records, a certificate with its chain and key). */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
/**
 * Errors carry `code`: CONNECT_TIMEOUT, DEADLINE_PASSED and PLAIN_HTTP mean nothing was sent; HEADERS_TIMEOUT, BODY_TIMEOUT,
 * ANSWER_TIMEOUT, DEADLINE and ANSWER_TOO_LARGE mean it may have run.
 */
class TransportError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
    }
}
function proxyConfigured(env = process.env) {
    return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}
/** The order undici's EnvHttpProxyAgent reads them in: https URLs fall back to the http proxy. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
const HTTP_PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY'];
/** The variable whose proxy a request to `url` goes through, and the proxy's host:port (never its credentials). */
function proxyFor(url, env = process.env) {
    const names = url.protocol === 'https:' ? PROXY_VARIABLES : HTTP_PROXY_VARIABLES;
    const variable = names.find((name) => Boolean(env[name]));
    if (!variable || bypassesProxy(url, env.no_proxy ?? env.NO_PROXY ?? ''))
        return undefined;
    return { variable, hostPort: proxyHostPort(env[variable] ?? '') };
}
/** The one line a proxied run logs: which variables, which proxies (host:port only). */
function describeProxies(env = process.env) {
    const https = ['https_proxy', 'HTTPS_PROXY'].find((name) => Boolean(env[name]));
    const http = HTTP_PROXY_VARIABLES.find((name) => Boolean(env[name]));
    const parts = [
        https && `${https} (${proxyHostPort(env[https] ?? '')}) for https`,
        http && `${http} (${proxyHostPort(env[http] ?? '')}) for ${https ? 'http' : 'http and https'}`,
    ].filter(Boolean);
    if (parts.length === 0)
        return undefined;
    const noProxy = (env.no_proxy ?? env.NO_PROXY) ? ', except the hosts in NO_PROXY' : '';
    return `Proxy in use: ${parts.join(', ')}${noProxy}.`;
}
function proxyHostPort(value) {
    try {
        const url = new URL(value);
        return url.port ? `${url.hostname}:${url.port}` : url.hostname;
    }
    catch {
        return 'an unreadable URL';
    }
}
/** NO_PROXY as undici reads it: `*`, or host[:port] entries (a leading `.` or `*.` for a domain and its hosts). */
function bypassesProxy(url, noProxy) {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return noProxy
        .split(/[,\s]+/)
        .filter(Boolean)
        .some((entry) => {
        if (entry === '*')
            return true;
        const [host = '', entryPort] = entry.toLowerCase().split(/:(?=\d+$)/);
        if (entryPort && entryPort !== port)
            return false;
        const bare = host.replace(/^\*?\./, '');
        return url.hostname === bare || url.hostname.endsWith(`.${bare}`);
    });
}
function createTransport(timeouts = DEFAULT_TIMEOUTS) {
    return proxyConfigured() ? new ProxyTransport(timeouts) : new NodeTransport(timeouts);
}
/** Built-ins through getBuiltinModule: on Node 24 a static `import 'node:http'` also loads Node's internal undici. */
function builtin(id) {
    return process.getBuiltinModule(id);
}
class NodeTransport {
    timeouts;
    agents = new Map();
    constructor(timeouts) {
        this.timeouts = timeouts;
    }
    request(method, url, headers, body, limits = {}) {
        const target = new URL(url);
        const refused = refusal(target, limits, this.timeouts);
        if (refused instanceof TransportError)
            return Promise.reject(refused);
        const client = builtin(target.protocol === 'https:' ? 'node:https' : 'node:http');
        let agent = this.agents.get(target.protocol);
        if (!agent) {
            agent = new client.Agent({ keepAlive: true });
            this.agents.set(target.protocol, agent);
        }
        const payload = body === undefined ? undefined : Buffer.from(body);
        const { connectMs, headersMs, bodyMs } = this.timeouts;
        return new Promise((resolve, reject) => {
            let timer;
            const settle = () => {
                clearTimeout(timer);
                clearTimeout(whole);
            };
            // Rejected with this error before the socket's own (a reset, an abort) can take its place.
            const fail = (error) => {
                settle();
                reject(error);
                request.destroy(error);
            };
            const arm = (ms, code, what) => {
                clearTimeout(timer);
                timer = setTimeout(() => fail(new TransportError(code, `${what} within ${ms} ms`)), ms);
            };
            // The idle timers re-arm on every piece; this one does not (a byte every few seconds cannot hold the run).
            const whole = setTimeout(() => fail(refused.error()), refused.ms);
            const request = client.request(target, {
                method,
                agent,
                headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers,
            });
            arm(connectMs, 'CONNECT_TIMEOUT', 'no connection');
            request.on('socket', (socket) => {
                const connected = () => arm(headersMs, 'HEADERS_TIMEOUT', 'no answer');
                if (!socket.connecting)
                    connected();
                else
                    socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
            });
            request.on('response', (response) => {
                const chunks = [];
                let bytes = 0;
                arm(bodyMs, 'BODY_TIMEOUT', 'no body');
                if (Number(response.headers['content-length'] ?? 0) > MAX_ANSWER_BYTES) {
                    fail(tooLarge());
                    return;
                }
                response.on('data', (chunk) => {
                    bytes += chunk.length;
                    if (bytes > MAX_ANSWER_BYTES) {
                        fail(tooLarge());
                        return;
                    }
                    chunks.push(chunk);
                    arm(bodyMs, 'BODY_TIMEOUT', 'no body');
                });
                response.on('end', () => {
                    settle();
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: response.headers,
                        text: Buffer.concat(chunks).toString('utf8'),
                    });
                });
                response.on('error', (error) => {
                    settle();
                    reject(error);
                });
            });
            request.on('error', (error) => {
                settle();
                reject(error);
            });
            request.end(payload);
        });
    }
    async close() {
        for (const agent of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
}
class ProxyTransport {
    timeouts;
    dispatcher;
    constructor(timeouts) {
        this.timeouts = timeouts;
    }
    load() {
        this.dispatcher ??= import('./undici.js').then(function (n) { return n.i; }).then(({ EnvHttpProxyAgent, request }) => ({
            request,
            agent: withoutExperimentalWarning(() => new EnvHttpProxyAgent({
                keepAliveTimeout: 10_000,
                connect: { timeout: this.timeouts.connectMs },
                headersTimeout: this.timeouts.headersMs,
                bodyTimeout: this.timeouts.bodyMs,
            })),
        }));
        return this.dispatcher;
    }
    async request(method, url, headers, body, limits = {}) {
        const target = new URL(url);
        const refused = refusal(target, limits, this.timeouts);
        if (refused instanceof TransportError)
            throw refused;
        const { agent, request } = await this.load();
        const abort = new AbortController();
        const whole = setTimeout(() => abort.abort(refused.error()), refused.ms);
        try {
            const response = await request(url, { method, headers, body, dispatcher: agent, signal: abort.signal });
            if (Number(response.headers['content-length'] ?? 0) > MAX_ANSWER_BYTES)
                throw tooLarge();
            const chunks = [];
            let bytes = 0;
            for await (const chunk of response.body) {
                bytes += chunk.length;
                if (bytes > MAX_ANSWER_BYTES)
                    throw tooLarge();
                chunks.push(chunk);
            }
            return {
                status: response.statusCode,
                headers: response.headers,
                text: Buffer.concat(chunks).toString('utf8'),
            };
        }
        catch (cause) {
            abort.abort();
            throw throughProxy(cause, target);
        }
        finally {
            clearTimeout(whole);
        }
    }
    async close() {
        // destroy, not close: close waits for what is in flight, and an abandoned tunnel may never end.
        if (this.dispatcher)
            await (await this.dispatcher).agent.destroy();
    }
}
/**
 * Why a request may not start (plain http off loopback, the deadline gone), or when it must be abandoned: the
 * earlier of the caller's deadline and the request's own total time.
 */
function refusal(target, limits, timeouts) {
    const plainHttp = plainHttpProblem(target);
    if (plainHttp)
        return new TransportError('PLAIN_HTTP', `${target.origin}: an endpoint ${plainHttp}`);
    const untilDeadline = limits.deadline === undefined ? Number.POSITIVE_INFINITY : limits.deadline - Date.now();
    if (untilDeadline <= 0)
        return new TransportError('DEADLINE_PASSED', "not sent: this run's deadline has passed");
    if (untilDeadline < timeouts.totalMs) {
        return {
            ms: untilDeadline,
            error: () => new TransportError('DEADLINE', "no complete answer by this run's deadline"),
        };
    }
    return {
        ms: timeouts.totalMs,
        error: () => new TransportError('ANSWER_TIMEOUT', `no complete answer within ${timeouts.totalMs} ms`),
    };
}
function tooLarge() {
    return new TransportError('ANSWER_TOO_LARGE', `the answer exceeded ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`);
}
/** A failure of a proxied request names the proxy and the variable that set it (never the proxy's credentials). */
function throughProxy(cause, target) {
    const proxy = proxyFor(target);
    if (cause instanceof TransportError || !proxy)
        return cause;
    const { code, message } = (cause ?? {});
    return new TransportError(code ?? 'PROXY_ERROR', `${message ?? String(cause)}, through the proxy ${proxy.hostPort} that ${proxy.variable} sets`, { cause });
}
/** undici says once that EnvHttpProxyAgent is experimental: a warning for its users, not for this action's log. */
function withoutExperimentalWarning(make) {
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning, ...rest) => {
        const code = rest[0]?.code;
        if (code === 'UNDICI-EHPA')
            return;
        emitWarning.call(process, warning, ...rest);
    });
    try {
        return make();
    }
    finally {
        process.emitWarning = emitWarning;
    }
}

// The certificate-authority port: what the flows need from whichever API serves the certificate. The 2020-04-07
// order API is one adapter (order-api.ts); answers use the order lifecycle's vocabulary (docs/vendor-facts.md).
const CERTIFICATE_APIS = ['auto', 'order', 'instance', 'legacy-dv', 'acme'];

const m$4 = /*#__PURE__*/ process.getBuiltinModule('node:url');
const domainToASCII = /*#__PURE__*/ (() => m$4.domainToASCII)();
const domainToUnicode = /*#__PURE__*/ (() => m$4.domainToUnicode)();

// Domain-name rules for certificate orders: parsing the `domains` input, checking names the way a CA
// would before an order spends quota, and RFC 6125 matching of certificate names. Pure, no I/O.
/** Service rule: one certificate order names at most this many domains. */
const MAX_DOMAINS_PER_ORDER = 5;
const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const WILDCARD_PREFIX = '*.';
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ALL_DIGITS = /^[0-9]+$/;
/** Splits a comma- or newline-separated list: trimmed, lower-cased, empties and repeats dropped, in order. */
function parseDomainList(raw) {
    const names = raw
        .split(/[,\r\n]/)
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '');
    return [...new Set(names)];
}
/** Lower-case A-label form without a trailing dot: `Bücher.Example.` → `xn--bcher-kva.example`. */
function normaliseDomain(name) {
    const lowered = name.trim().toLowerCase();
    // ASCII names skip domainToASCII: it would rewrite numeric names as IPv4 (`1.2.3` → `1.2.0.3`).
    const ascii = /^[\x20-\x7e]*$/.test(lowered) ? lowered : toALabels(lowered);
    return ascii.replace(/\.$/, '');
}
function toALabels(name) {
    const ascii = domainToASCII(validationBaseName(name));
    // An unconvertible name is kept as typed so that checkDomain reports it.
    if (ascii === '')
        return name;
    return isWildcard(name) ? `${WILDCARD_PREFIX}${ascii}` : ascii;
}
function isWildcard(name) {
    return name.startsWith(WILDCARD_PREFIX);
}
/** The name whose ownership is validated: a wildcard's base (`*.example.com` → `example.com`). */
function validationBaseName(name) {
    return isWildcard(name) ? name.slice(WILDCARD_PREFIX.length) : name;
}
/**
 * Only digits-and-dots or a colon can be an IP address: the rest skip `net.isIP`, whose first call (and node:net
 * itself) costs more than the rest of the input checks.
 */
function isIpAddress(ascii) {
    if (!/^[\d.]+$|:/.test(ascii))
        return false;
    const { isIP } = process.getBuiltinModule('node:net');
    return isIP(ascii) !== 0 || isIP(ascii.replace(/^\[|\]$/g, '')) !== 0;
}
/** Why `name` cannot be put in a certificate order, or undefined when it can. Checks the normalised form. */
function checkDomain(name) {
    const ascii = normaliseDomain(name);
    if (ascii === '')
        return 'a domain name is empty';
    if (/\s/.test(name.trim())) {
        return `"${name}" holds a space: separate names with commas or new lines, like example.com, www.example.com`;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ascii) || ascii.includes('/')) {
        return `"${name}" is a URL, not a domain name; give the host name alone, like example.com`;
    }
    if (isIpAddress(ascii)) {
        return `"${name}" is an IP address, not a domain name`;
    }
    if (ascii.length > MAX_NAME_LENGTH) {
        return `"${name}" is ${ascii.length} characters long; a domain name has at most ${MAX_NAME_LENGTH}`;
    }
    const wildcardProblem = checkWildcard(name, ascii);
    if (wildcardProblem !== undefined)
        return wildcardProblem;
    const labels = validationBaseName(ascii).split('.');
    if (labels.length < 2) {
        return isWildcard(ascii)
            ? `"${name}" is a wildcard over a whole top-level domain; use one like *.example.com`
            : `"${name}" needs at least two labels, like example.com`;
    }
    for (const label of labels) {
        const problem = checkLabel(name, label);
        if (problem !== undefined)
            return problem;
    }
    if (ALL_DIGITS.test(labels[labels.length - 1] ?? '')) {
        return `"${name}" ends in an all-numeric top-level label`;
    }
    return undefined;
}
function checkWildcard(name, ascii) {
    const stars = ascii.split('*').length - 1;
    if (stars === 0)
        return undefined;
    if (stars > 1)
        return `"${name}" has more than one wildcard; only one "*." at the start is allowed`;
    if (!isWildcard(ascii))
        return `"${name}" has a wildcard that is not the whole leftmost label ("*.")`;
    return undefined;
}
function checkLabel(name, label) {
    if (label === '')
        return `"${name}" has an empty label (two dots in a row, or a leading dot)`;
    if (label.length > MAX_LABEL_LENGTH) {
        return `"${name}" has a label of ${label.length} characters; a label has at most ${MAX_LABEL_LENGTH}`;
    }
    if (!LDH_LABEL.test(label)) {
        return `"${name}" has the label "${label}"; labels use only letters, digits and inner hyphens`;
    }
    // RFC 5891 4.2.3.1: hyphens in the 3rd and 4th places are reserved; only `xn--` (an IDN A-label) may use them.
    if (label.slice(2, 4) === '--') {
        if (!label.startsWith('xn--')) {
            return `"${name}" has the label "${label}"; hyphens in the third and fourth places are reserved for IDN (xn--) labels`;
        }
        if (!isValidALabel(label))
            return `"${name}" has the label "${label}", which is not valid Punycode`;
    }
    return undefined;
}
/** An A-label is valid when it decodes and encodes back to itself (`xn--zz` decodes to nothing). */
function isValidALabel(label) {
    const unicode = domainToUnicode(label);
    return unicode !== '' && unicode !== label && domainToASCII(unicode) === label;
}
/** The service orders plain and wildcard names apart: the message says what to do instead (README, "Validation"). */
const MIXED_NAMES = 'plain and wildcard domain names cannot be mixed in one certificate order: order them as two certificates ' +
    '(two entries of certificates, or two runs), e.g. one for example.com and one for *.example.com';
/**
 * Every reason these names cannot be ordered together (each bad name, then the rules of the set: at most 5, no
 * mixing of plain and wildcard names, no repeats); empty when they can. Used on the final list, whether the names
 * came from the domains input or a CSR.
 */
/** An ACME order (Let's Encrypt's limit) takes up to 100 names, wildcards and plain names together. */
const ACME_LIST_RULES = { maxNames: 100, mixing: true };
function domainListProblems(names, rules = { maxNames: MAX_DOMAINS_PER_ORDER, mixing: false }) {
    if (names.length === 0)
        return ['no domain names were given'];
    const problems = names.map(checkDomain).filter((p) => p !== undefined);
    if (names.length > rules.maxNames) {
        problems.push(`${names.length} domain names were given; one certificate order allows at most ${rules.maxNames}`);
    }
    const normalised = names.map(normaliseDomain);
    const wildcards = normalised.filter(isWildcard).length;
    if (!rules.mixing && wildcards > 0 && wildcards < normalised.length) {
        problems.push(MIXED_NAMES);
    }
    const repeated = normalised.find((name, index) => normalised.indexOf(name) !== index);
    if (repeated !== undefined)
        problems.push(`"${repeated}" is listed more than once`);
    return problems;
}
/** Why these names cannot be ordered together, or undefined when they can. */
function checkDomainSet(names) {
    if (names.length === 0)
        return 'no domain names were given';
    if (names.length > MAX_DOMAINS_PER_ORDER) {
        return `${names.length} domain names were given; one certificate order allows at most ${MAX_DOMAINS_PER_ORDER}`;
    }
    for (const name of names) {
        const problem = checkDomain(name);
        if (problem !== undefined)
            return problem;
    }
    const normalised = names.map(normaliseDomain);
    const wildcards = normalised.filter(isWildcard).length;
    if (wildcards > 0 && wildcards < normalised.length) {
        return MIXED_NAMES;
    }
    const repeated = normalised.find((name, index) => normalised.indexOf(name) !== index);
    if (repeated !== undefined)
        return `"${repeated}" is listed more than once`;
    return undefined;
}
/**
 * RFC 6125 matching: a certificate name covers `wanted` when equal, or when it is `*.base` and `wanted`
 * is exactly one label more than `base`. A wanted wildcard is covered only by the same wildcard.
 */
function certificateCovers(certNames, wanted) {
    const target = normaliseDomain(wanted);
    return certNames.map(normaliseDomain).some((certName) => {
        if (certName === target)
            return true;
        if (!isWildcard(certName) || isWildcard(target))
            return false;
        const dot = target.indexOf('.');
        return dot > 0 && target.slice(dot + 1) === validationBaseName(certName);
    });
}
/** Whether two lists name the same domains, ignoring order, case, IDN form and repeats. */
function sameDomainSet(a, b) {
    const setA = new Set(a.map(normaliseDomain));
    const setB = new Set(b.map(normaliseDomain));
    return setA.size === setB.size && [...setA].every((name) => setB.has(name));
}
/**
 * The registrable domain of a name by the Public Suffix List (ICANN section): `a.b.example.co.uk` →
 * `example.co.uk`. Loaded on first use only, since only validation without a zone list needs it.
 */
async function loadRegistrableDomain() {
    const { getDomain } = await import('./es6.js');
    return (name) => getDomain(name, { validateHostname: false }) ?? undefined;
}

class InputError extends Error {
    problems;
    name = 'InputError';
    constructor(problems) {
        super(problems.map((p) => `input '${p.input}' ${p.problem}`).join('; '));
        this.problems = problems;
    }
}
/**
 * A failure the user can act on: one sentence naming the order or operation and what to do next. `result` holds
 * what the run leaves behind (the order, its state, the validation still to do) for the outputs and the summary.
 */
class FlowError extends Error {
    result;
    name = 'FlowError';
    constructor(message, result) {
        super(message);
        this.result = result;
    }
}

// Pure: how the resources of a kind are written, one rule per kind, shared by the targets that take that kind
// (registry.ts names each target's). config/config.ts reads the deploy inputs through them, before any call.
/** Accelerated domains (CDN, DCDN): a wildcard domain may be written `*.example.com` or `.example.com`. */
const acceleratedDomains = (text) => {
    const resources = parseDomainList(text);
    const problems = [];
    for (const name of resources) {
        const problem = checkDomain(name.startsWith('.') ? `*${name}` : name);
        if (problem)
            problems.push(problem);
    }
    return { resources, problems };
};
const REGION_SHAPE = /^[a-z]{2,}(-[a-z0-9]+)+$/;
/**
 * Reads `<id>[@<region>][ sni]`; the id's shape is the target's (`parseRegionalResource(text).id`). Where the
 * product's ids end in a port (an NLB listener's `lsn-1@443`), digits after the last `@` are the id's, not a region.
 */
function parseRegionalResource(text, idMayEndInPort = false) {
    const words = text.trim().split(/\s+/);
    const sni = words.length > 1 && words[words.length - 1]?.toLowerCase() === 'sni';
    const [address = ''] = words;
    const at = address.lastIndexOf('@');
    if (at < 0 || (idMayEndInPort && /^\d+$/.test(address.slice(at + 1))))
        return { id: address, sni };
    return { id: address.slice(0, at), region: address.slice(at + 1), sni };
}
/**
 * The rule of a target whose resources are `<id>[@<region>][ sni]`: one resource a line, the id checked against
 * its target's shape (`lsn-…` for an ALB listener), `sni` only where the product has extension certificates.
 */
function regionalResources(shape) {
    return (text) => {
        const problems = [];
        const lines = text
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean);
        for (const line of lines) {
            const words = line.split(/\s+/);
            const parsed = parseRegionalResource(line, shape.idMayEndInPort);
            const extra = words.length > (parsed.sni ? 2 : 1);
            if (!shape.id.test(parsed.id) || extra) {
                problems.push(`'${line}' is not ${shape.what}${extra ? ' followed at most by sni' : ''} (as in ${shape.example})`);
            }
            else if (parsed.region !== undefined && !REGION_SHAPE.test(parsed.region)) {
                problems.push(`'${line}' names region '${parsed.region}', which is not a region id (as in ${shape.example})`);
            }
            else if (parsed.sni && !shape.sni) {
                problems.push(`'${line}': this product takes no extension (SNI) certificates; remove ' sni'`);
            }
        }
        return { resources: lines, problems };
    };
}
/** ESA answers for the China site and the international one, each with its own sites. */
const ESA_REGIONS = ['cn-hangzhou', 'ap-southeast-1'];
const SITE_SHAPE = /^(\d{1,19}|(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9])$/i;
const esaSiteRule = regionalResources({
    id: SITE_SHAPE,
    what: 'an ESA site, by its name or its numeric id',
    example: 'esa: example.com',
    sni: false,
});
/** `esa: <site name or id>[@cn-hangzhou|@ap-southeast-1]`, one a line. */
const esaSites = (text) => {
    const read = esaSiteRule(text);
    // Every certificate of a site is picked by hostname (src/deploy/esa.ts): ` sni` adds nothing.
    const problems = read.problems.map((p) => p.endsWith("takes no extension (SNI) certificates; remove ' sni'")
        ? p.replace('this product takes no extension (SNI) certificates', 'ESA picks every certificate of a site by hostname already')
        : p);
    for (const line of read.resources) {
        const { region } = parseRegionalResource(line);
        if (read.problems.some((p) => p.includes(`'${line}'`)) || region === undefined)
            continue;
        if (!ESA_REGIONS.includes(region))
            problems.push(`'${line}' names region '${region}', where ESA has no endpoint (${ESA_REGIONS.join(' or ')})`);
    }
    return { resources: read.resources, problems };
};
/** WAF 3.0 answers for the Chinese mainland (`cn-hangzhou`) and outside it (`ap-southeast-1`), one instance each. */
const WAF_REGIONS = ['cn-hangzhou', 'ap-southeast-1'];
/** A cloud resource's access port: its instance id (CLB `lb-…`, NLB `nlb-…`, ECS `i-…`) and port. */
const WAF_PORT_SHAPE = /^((?:lb|nlb|i)-[a-z0-9]+):([1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/;
const WAF_EXAMPLE = 'waf: www.example.com, or waf: lb-xxxx:443 sni';
/**
 * `waf: <domain>[@region]` (a CNAME-access domain, one certificate) or `waf: <resource id>:<port>[@region][ sni]`
 * (a cloud-resource access port; ` sni` adds an extension certificate), one a line (docs/deploy.md).
 */
const wafResources = (text) => {
    const problems = [];
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    for (const line of lines) {
        const words = line.split(/\s+/);
        const { id, region, sni } = parseRegionalResource(line);
        const port = WAF_PORT_SHAPE.test(id);
        const domainProblem = port ? undefined : checkDomain(id);
        if (words.length > (sni ? 2 : 1) || (!port && (domainProblem || /^[a-z]+-[a-z0-9]+:/.test(id)))) {
            problems.push(`'${line}' is not a WAF CNAME-access domain or a cloud resource's port (<lb-…|nlb-…|i-…>:<port>) followed at most by sni (as in ${WAF_EXAMPLE})`);
        }
        else if (region !== undefined && !WAF_REGIONS.includes(region)) {
            problems.push(`'${line}' names region '${region}', where WAF 3.0 has no instance (${WAF_REGIONS.join(' or ')}: the Chinese mainland, or outside it)`);
        }
        else if (sni && !port) {
            problems.push(`'${line}': a CNAME-access domain serves one certificate; remove ' sni' (extension certificates are a cloud resource's port's)`);
        }
    }
    return { resources: lines, problems };
};
const gaListenerRule = regionalResources({
    id: /^lsr-[a-z0-9]+$/,
    what: 'a Global Accelerator listener id (lsr-…)',
    example: 'ga: lsr-xxxx sni',
    sni: true,
});
/** `ga: lsr-…[ sni]`, one a line: GA is global, so a line names no region. */
const gaListeners = (text) => {
    const read = gaListenerRule(text);
    const problems = [...read.problems];
    for (const line of read.resources) {
        const { region } = parseRegionalResource(line);
        if (region !== undefined && !read.problems.some((p) => p.includes(`'${line}'`)))
            problems.push(`'${line}' names region '${region}', but Global Accelerator is global: remove '@${region}'`);
    }
    return { resources: read.resources, problems };
};
/**
 * The cloud products Certificate Management Service deploys to (`ListCloudResources`' CloudProduct), as its
 * console writes them: a `cas-job:` line's product is one of these, in any case.
 */
const CAS_JOB_PRODUCTS = [
    'CDN',
    'DCDN',
    'SLB',
    'ALB',
    'NLB',
    'OSS',
    'WAF',
    'LIVE',
    'VOD',
    'FC',
    'GA',
    'APIGateway',
    'MSE',
    'SAE',
    'DDOS',
    'CR',
    'webHosting',
];
function parseCasJobResource(text) {
    const { id, region } = parseRegionalResource(text, true);
    const slash = id.indexOf('/');
    const given = id.slice(0, slash).toLowerCase();
    const product = CAS_JOB_PRODUCTS.find((p) => p.toLowerCase() === given) ?? id.slice(0, slash);
    return { product, name: id.slice(slash + 1), ...(region === undefined ? {} : { region }) };
}
const casJobRule = regionalResources({
    // A domain (`static.example.com`, `*.example.com`), an instance or listener id (`lb-1:443`, `lsn-1@443`), or the
    // resource's numeric id in ListCloudResources.
    id: /^[A-Za-z]+\/(\*\.)?[A-Za-z0-9][A-Za-z0-9._:-]*(@\d{1,5})?$/,
    what: 'a cloud product and one of its resources (<CloudProduct>/<domain, instance or listener id, or numeric id>)',
    example: 'cas-job: SLB/lb-xxxx:443@cn-hangzhou',
    sni: false,
    idMayEndInPort: true,
});
/** `cas-job: <CloudProduct>/<resource>[@<region>]`, one a line (docs/deploy.md). */
const casJobResources = (text) => {
    const read = casJobRule(text);
    const problems = [...read.problems];
    for (const line of read.resources) {
        if (read.problems.some((p) => p.includes(`'${line}'`)))
            continue;
        const { product } = parseCasJobResource(line);
        if (!CAS_JOB_PRODUCTS.includes(product))
            problems.push(`'${line}' names the product '${product}', which Certificate Management Service does not deploy to ` +
                `(products: ${CAS_JOB_PRODUCTS.join(', ')})`);
    }
    return { resources: read.resources, problems };
};
function parseFcDomain(text) {
    const [address = '', ...rest] = text.trim().split(/\s+/);
    const https = rest.length > 0 && rest[rest.length - 1]?.toLowerCase() === 'https';
    const at = address.lastIndexOf('@');
    const domain = (at < 0 ? address : address.slice(0, at)).toLowerCase();
    return at < 0 ? { domain, https } : { domain, region: address.slice(at + 1), https };
}
/** `fc: <custom domain>[@<region>][ https]`, one a line (src/deploy/fc.ts). */
const fcCustomDomains = (text) => {
    const problems = [];
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    const example = 'fc: api.example.com@cn-hangzhou https';
    for (const line of lines) {
        const words = line.split(/\s+/);
        const parsed = parseFcDomain(line);
        const extra = parsed.https ? words.slice(1, -1) : words.slice(1);
        const problem = checkDomain(parsed.domain);
        if (extra.some((word) => word.toLowerCase() === 'sni')) {
            problems.push(`'${line}': a Function Compute custom domain holds one certificate; remove ' sni'`);
        }
        else if (problem || extra.length > 0) {
            problems.push(`'${line}' is not a custom domain followed at most by https (as in ${example})${problem ? `: ${problem}` : ''}`);
        }
        else if (parsed.region !== undefined && !REGION_SHAPE.test(parsed.region)) {
            problems.push(`'${line}' names region '${parsed.region}', which is not a region id (as in ${example})`);
        }
    }
    return { resources: lines, problems };
};

// Every deploy target: the input that lists its resources and how they are written (read by config, so pure at
// import time), and its code, loaded only when its resources are listed. A new target: a file and one line here.
/** The input of one resource a line, `<target>: <resource>` (docs/deploy.md). */
const DEPLOY_INPUT = 'deploy';
/** Targets a `deploy` line may name that this version does not serve yet: said so, not taken for a typo. */
const PLANNED_TARGETS = ['live', 'vod'];
const DEPLOY_TARGETS = [
    {
        target: 'cdn',
        input: 'cdn-domains',
        endpointInput: 'cdn-endpoint',
        resources: acceleratedDomains,
        load: async () => (await import('./cdn.js')).createCdnTarget,
    },
    {
        target: 'dcdn',
        input: 'dcdn-domains',
        endpointInput: 'dcdn-endpoint',
        resources: acceleratedDomains,
        load: async () => (await import('./dcdn.js')).createDcdnTarget,
    },
    {
        target: 'clb',
        input: DEPLOY_INPUT,
        endpointInput: 'clb-endpoint',
        resources: regionalResources({
            id: /^lb-[a-z0-9]+:([1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/,
            what: 'a CLB listener, its load balancer id and port (lb-…:443)',
            example: 'clb: lb-xxxx:443@cn-hangzhou',
            sni: true,
        }),
        load: async () => (await import('./clb.js')).createClbTarget,
    },
    {
        target: 'esa',
        input: DEPLOY_INPUT,
        endpointInput: 'esa-endpoint',
        resources: esaSites,
        load: async () => (await import('./esa.js')).createEsaTarget,
    },
    {
        target: 'nlb',
        input: DEPLOY_INPUT,
        endpointInput: 'nlb-endpoint',
        resources: regionalResources({
            id: /^lsn-[a-z0-9]+(@\d{1,5})?$/,
            what: 'an NLB listener id (lsn-…, as the console writes it, with its @<port>)',
            example: 'nlb: lsn-xxxx@443@cn-hangzhou',
            sni: true,
            idMayEndInPort: true,
        }),
        load: async () => (await import('./nlb.js')).createNlbTarget,
    },
    {
        target: 'oss',
        input: DEPLOY_INPUT,
        endpointInput: 'oss-endpoint',
        // `<bucket>/<domain>`: a bucket's name (3–63 of a–z, 0–9, `-`), then a domain bound to it (no wildcard).
        resources: regionalResources({
            id: /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\/(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]*$/,
            what: 'a bucket and a custom domain bound to it (<bucket>/<domain>)',
            example: 'oss: my-bucket/static.example.com@cn-shanghai',
            sni: false,
        }),
        load: async () => (await import('./oss.js')).createOssTarget,
    },
    {
        target: 'alb',
        input: DEPLOY_INPUT,
        endpointInput: 'alb-endpoint',
        resources: regionalResources({
            id: /^lsn-[a-z0-9]+$/,
            what: 'an ALB listener id (lsn-…)',
            example: 'alb: lsn-xxxx@cn-hangzhou',
            sni: true,
        }),
        load: async () => (await import('./alb.js')).createAlbTarget,
    },
    {
        target: 'apigw',
        input: DEPLOY_INPUT,
        endpointInput: 'apigw-endpoint',
        // Cloud-native `d-…`, or classic `<groupId>/<domain>` (a group id is 32 hex digits; no wildcard domain).
        resources: regionalResources({
            id: /^(d-[a-z0-9]+|[0-9a-f]{32}\/(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]*)$/,
            what: 'a cloud-native API Gateway domain id (d-…) or a classic API group and its custom domain (<groupId>/<domain>)',
            example: 'apigw: d-xxxx@cn-hangzhou, or apigw: <32-hex group id>/api.example.com@cn-hangzhou',
            sni: false,
        }),
        load: async () => (await import('./apigw.js')).createApigwTarget,
    },
    {
        target: 'waf',
        input: DEPLOY_INPUT,
        endpointInput: 'waf-endpoint',
        resources: wafResources,
        load: async () => (await import('./waf.js')).createWafTarget,
    },
    {
        target: 'ga',
        input: DEPLOY_INPUT,
        endpointInput: 'ga-endpoint',
        resources: gaListeners,
        load: async () => (await import('./ga.js')).createGaTarget,
    },
    {
        target: 'cas-job',
        input: DEPLOY_INPUT,
        // Certificate Management Service's own deployment: the run's CAS endpoint, no endpoint of its own.
        endpointInput: 'endpoint',
        resources: casJobResources,
        load: async () => (await import('./cas-job.js')).createCasJobTarget,
    },
    {
        target: 'fc',
        input: DEPLOY_INPUT,
        endpointInput: 'fc-endpoint',
        resources: fcCustomDomains,
        load: async () => (await import('./fc.js')).createFcTarget,
    },
];
/** Whether any resource is listed to deploy to. */
function wantsDeployment(deploy) {
    return deploy.resources.length > 0;
}
/** The registry entry of a target, by its key. */
function deployTargetEntry(target) {
    return DEPLOY_TARGETS.find((entry) => entry.target === target);
}

// The port for certificates held at the service (upload, download, list, delete), one adapter per API version:
// api-2020.ts (2020-04-07) and api-2018.ts (2018-07-13), which share by-id.ts. Flows see only this vocabulary
// (docs/held-certificates.md).
/** `2018-08-13` is the version string the 2018 reference also names for the 2018 API (docs/held-certificates.md). */
const HELD_API_VERSIONS = ['2020-04-07', '2018-07-13', '2018-08-13'];
/** The name is taken at the service (`NameRepeat`). */
class NameTakenError extends Error {
    name = 'NameTakenError';
}
/** The service's answer for an id it does not hold (both versions). */
const NOT_FOUND_CODES = new Set(['NotFoundCertificate', 'CertificateNotFound', 'NotFound']);
const NAME_TAKEN_CODE = 'NameRepeat';
/** YYYY-MM-DD as the list answers dates: the day in China Standard Time. A full timestamp is read as it is. */
function parseServiceDay(value) {
    if (typeof value !== 'string' || value === '')
        return undefined;
    const at = /^\d{4}-\d\d-\d\d$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
    return Number.isNaN(at.getTime()) ? undefined : at;
}
/** The day itself when the service gave a day and no time (`2027-02-05`); undefined for a full timestamp. */
function serviceDayOnly(value) {
    return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) ? { notAfterDay: value } : {};
}
/** `a.example.com,b.example.com` (and the common name) as lower-case names without repeats. */
function namesOf(...lists) {
    const names = lists
        .flatMap((list) => (list ?? '').split(/[,\s]+/))
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
    return [...new Set(names)];
}

const MODE_REGISTRY = {
    issue: {
        requires: requireIssueInputs,
        deploys: 'after-run',
        alerts: true,
    },
    renew: {
        requires(c, fail) {
            if (!c.orderId && c.domains.length === 0)
                fail('order-id', 'or domains is required for mode renew');
        },
        deploys: 'after-run',
        alerts: true,
    },
    cancel: {
        requires: requireOrderOrInstance,
    },
    revoke: {
        requires: requireOrderOrInstance,
    },
    status: {},
    upload: {
        requires: requireUploadInputs,
        deploys: 'after-run',
    },
    download: {
        requires: requireCertId,
    },
    delete: {
        requires: requireCertId,
        readsDeployTargets: true,
    },
    list: {},
    deploy: {
        requires(c, fail) {
            if (!c.certId)
                fail('cert-id', 'is required for mode deploy (the certificate at the service to deploy)');
            const shorthands = DEPLOY_TARGETS.map((entry) => entry.input).filter((input) => input !== DEPLOY_INPUT);
            if (c.deploy.resources.length === 0)
                fail(DEPLOY_INPUT, `(or ${shorthands.join(' or ')}) is required for mode deploy`);
        },
        deploys: 'as-run',
    },
    plan: {
        requires(c, fail) {
            if (!c.certificates)
                fail('certificates', 'is required for mode plan (a JSON array of entries, or the path of a file holding one)');
        },
        alerts: true,
    },
};
const MODES = Object.keys(MODE_REGISTRY);
function modeEntry(mode) {
    return MODE_REGISTRY[mode];
}
/** The modes that deploy, in words for a message: `issue, renew, upload or deploy`. */
function deployingModes() {
    const names = MODES.filter((mode) => modeEntry(mode).deploys);
    return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
function requireIssueInputs(c, fail) {
    if (c.domains.length === 0 && !c.csr && !c.orderId && !c.instanceId) {
        fail('domains', 'is required for mode issue (or give csr, or order-id to resume an order)');
    }
    if (c.createOperation !== 'CreateCertificateForPackageRequest') {
        for (const [input, value] of [
            ['contact-name', c.contact.name],
            ['contact-phone', c.contact.phone],
            ['contact-email', c.contact.email],
        ]) {
            if (!value)
                fail(input, `is required with create-operation ${c.createOperation}`);
        }
    }
    if (c.createOperation === 'CreateCertificateRequest' && c.domains.length > 1) {
        fail('domains', 'must hold exactly one name with create-operation CreateCertificateRequest');
    }
    if (c.createOperation === 'CreateCertificateWithCsrRequest' && !c.csr) {
        fail('csr', 'is required with create-operation CreateCertificateWithCsrRequest');
    }
    if (c.dnsProvider === 'hook' && c.validationMethod === 'DNS' && !c.dnsHook) {
        fail('dns-hook', 'is required with dns-provider hook');
    }
}
function requireOrderOrInstance(c, fail) {
    if (!c.orderId && !c.instanceId)
        fail('order-id', `(or instance-id) is required for mode ${c.mode}`);
}
function requireCertId(c, fail) {
    if (c.certId === undefined)
        fail('cert-id', `is required for mode ${c.mode} (list the certificates with mode: list)`);
}
/** A certificate name: at most 63 characters (UploadUserCertificate), none of them a space or a control character. */
const CERTIFICATE_NAME = /^[^\s\p{Cc}]{1,63}$/u;
function requireUploadInputs(c, fail) {
    const h = c.held;
    const exactlyOne = (inline, file, a, b) => {
        if (a === undefined && b === undefined)
            fail(inline, `or ${file} is required for mode upload`);
        if (a !== undefined && b !== undefined)
            fail(file, `cannot be given together with ${inline}`);
    };
    exactlyOne('certificate', 'certificate-file', h.certificate, h.certificateFile);
    exactlyOne('private-key', 'private-key-file', h.privateKey, h.privateKeyFile);
    if (h.certificate !== undefined && !h.certificate.includes('-----BEGIN CERTIFICATE-----'))
        fail('certificate', 'must be PEM (-----BEGIN CERTIFICATE-----), the leaf first, then its chain');
    if (h.privateKey !== undefined && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(h.privateKey))
        fail('private-key', 'must be an unencrypted PEM private key (-----BEGIN PRIVATE KEY-----)');
    if (h.certificateName !== undefined && !CERTIFICATE_NAME.test(h.certificateName))
        fail('certificate-name', `must be 1 to 63 characters without spaces (got '${h.certificateName}')`);
}

const DNS_PROVIDER_LOADERS = {
    alidns: async () => (await import('./alidns.js')).alidnsProvider,
    manual: async () => (await Promise.resolve().then(function () { return manual; })).manualProvider,
    hook: async () => (await import('./hook.js')).hookProvider,
};
/** FILE validation under file-validation-root (without it, the user publishes the file: manual). */
const FILE_PROVIDER_LOADER = async () => (await import('./file.js')).fileProvider;
const DNS_PROVIDERS = Object.keys(DNS_PROVIDER_LOADERS);
const loadDnsProvider = (name) => DNS_PROVIDER_LOADERS[name]();
const loadFileProvider = FILE_PROVIDER_LOADER;
/** The provider that wrote items of this kind (the post step's way back from the saved ledger). */
async function providerOfItem(kind) {
    for (const load of [...Object.values(DNS_PROVIDER_LOADERS), FILE_PROVIDER_LOADER]) {
        const provider = await load();
        if (provider.itemKind === kind)
            return provider;
    }
    return undefined;
}

const m$3 = /*#__PURE__*/ process.getBuiltinModule('node:crypto');
const createCipheriv = /*#__PURE__*/ (() => m$3.createCipheriv)();
const createHash = /*#__PURE__*/ (() => m$3.createHash)();
const createHmac = /*#__PURE__*/ (() => m$3.createHmac)();
const createPrivateKey = /*#__PURE__*/ (() => m$3.createPrivateKey)();
const createPublicKey = /*#__PURE__*/ (() => m$3.createPublicKey)();
const pbkdf2 = /*#__PURE__*/ (() => m$3.pbkdf2)();
const generateKeyPair = /*#__PURE__*/ (() => m$3.generateKeyPair)();
const randomBytes = /*#__PURE__*/ (() => m$3.randomBytes)();
const randomUUID = /*#__PURE__*/ (() => m$3.randomUUID)();
const X509Certificate = /*#__PURE__*/ (() => m$3.X509Certificate)();

// The ACME port (RFC 8555): what the ACME source (src/sources/acme/) asks of an ACME certificate authority, in its
// words. The adapter over the acme-client library is acme-api.ts, loaded only when certificate-api is acme
// (src/action/wiring.ts). Pure at import time: the config reads the directory names from here.
/** `acme-directory` shorthands; anything else must be an https URL of a directory. */
const ACME_DIRECTORIES = {
    letsencrypt: 'https://acme-v02.api.letsencrypt.org/directory',
    'letsencrypt-staging': 'https://acme-staging-v02.api.letsencrypt.org/directory',
    zerossl: 'https://acme.zerossl.com/v2/DV90',
    google: 'https://dv.acme-v02.api.pki.goog/directory',
};
/** The CAs that refuse an account without External Account Binding. */
const EAB_REQUIRED = ['zerossl', 'google'];
/** A problem document of the CA (RFC 8555 section 6.7), or a failure to reach it. */
class AcmeProblemError extends Error {
    operation;
    type;
    detail;
    name = 'AcmeProblemError';
    constructor(operation, 
    /** `urn:ietf:params:acme:error:rateLimited`; undefined when no problem document came back. */
    type, detail) {
        super(`ACME ${operation} failed: ${type ? `${type}: ` : ''}${detail}`);
        this.operation = operation;
        this.type = type;
        this.detail = detail;
    }
}
/** Pure: the directory URL of an `acme-directory` value, or undefined when it is neither a shorthand nor an https URL. */
function acmeDirectoryUrl(value) {
    const known = ACME_DIRECTORIES[value.toLowerCase()];
    if (known)
        return known;
    try {
        return new URL(value).protocol === 'https:' ? value : undefined;
    }
    catch {
        return undefined;
    }
}

// The acme-* inputs and `upload` (README, "Certificates from Let's Encrypt"): read and checked before any call, each
// problem naming its input. Read for every run, so that an acme-* input given without certificate-api acme is said.
/** The one command that makes an account key (README, "Certificates from Let's Encrypt"). */
const ACCOUNT_KEY_COMMAND = 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out acme-account.pem';
function readAcmeInputs(read, fail, facts) {
    const text = (name) => read(name).trim() || undefined;
    const upload = facts.flag('upload', facts.deploys);
    if (facts.certificateApi !== 'acme') {
        for (const name of ['acme-account-key', 'acme-eab-kid', 'acme-eab-hmac-key', 'acme-email'])
            if (text(name))
                fail(name, 'is read with certificate-api acme only');
        return { upload };
    }
    if (facts.mode !== 'issue')
        fail('certificate-api', `acme serves mode issue only (got mode ${facts.mode}); renewing is issuing again`);
    const directory = text('acme-directory') ?? 'letsencrypt';
    const directoryUrl = acmeDirectoryUrl(directory);
    if (!directoryUrl)
        fail('acme-directory', `must be ${Object.keys(ACME_DIRECTORIES).join(', ')} or an https URL of an ACME directory (got '${directory}')`);
    const accountKey = text('acme-account-key');
    if (!accountKey) {
        fail('acme-account-key', 'is required with certificate-api acme: the PEM of your ACME account key, from a secret (made once, ' +
            `kept: a new key each run would be a new account and meet the CA's rate limits). Make one with: ${ACCOUNT_KEY_COMMAND}`);
    }
    else if (!readablePrivateKey(accountKey)) {
        fail('acme-account-key', `is not a readable PEM private key (EC P-256 or RSA); make one with: ${ACCOUNT_KEY_COMMAND}`);
    }
    const kid = text('acme-eab-kid');
    const hmacKey = text('acme-eab-hmac-key');
    if (Boolean(kid) !== Boolean(hmacKey))
        fail(kid ? 'acme-eab-hmac-key' : 'acme-eab-kid', 'and the other External Account Binding input go together');
    if (hmacKey && !/^[A-Za-z0-9_-]+={0,2}$/.test(hmacKey))
        fail('acme-eab-hmac-key', 'must be the base64url HMAC key the CA gave with the key id');
    if (!kid && EAB_REQUIRED.includes(directory.toLowerCase()))
        fail('acme-eab-kid', `is required with acme-directory ${directory} (with acme-eab-hmac-key: its External Account Binding)`);
    const email = text('acme-email');
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        fail('acme-email', `must be an email address (got '${email}')`);
    checkChallengeInputs(facts, fail);
    if (facts.deploys && !upload)
        fail('upload', 'must be true when something is deployed: the deploy targets take certificates held in CAS');
    return {
        upload,
        acme: {
            directory,
            directoryUrl: directoryUrl ?? '',
            ...(email ? { email } : {}),
            accountKey: accountKey ?? '',
            ...(kid && hmacKey ? { eab: { kid, hmacKey } } : {}),
        },
    };
}
/** Which challenge proves the names: DNS-01 through alidns, hook or by hand, HTTP-01 into file-validation-root. */
function checkChallengeInputs(facts, fail) {
    if (facts.validationMethod === 'FILE') {
        const wildcard = facts.domains.find(isWildcard);
        if (wildcard)
            fail('validation-method', `FILE (ACME HTTP-01) cannot prove the wildcard ${wildcard}: the CA takes DNS-01 only for a wildcard; use validation-method DNS`);
        if (!facts.fileValidationRoot)
            fail('file-validation-root', 'is required with certificate-api acme and validation-method FILE (HTTP-01)');
    }
}
function readablePrivateKey(pem) {
    try {
        createPrivateKey(pem);
        return true;
    }
    catch {
        return false;
    }
}

/** The certificate API's own rules (docs/certificate-apis.md), checked before any call. */
function checkApiRequirements(c, fail) {
    const api = c.certificateApi;
    if (api === 'order' && c.instanceId)
        fail('instance-id', 'names an instance, which certificate-api order does not use');
    if ((api === 'instance' || api === 'legacy-dv') && c.orderId)
        fail('order-id', `names an order, which certificate-api ${api} does not use (give instance-id)`);
    if (c.orderId && c.instanceId)
        fail('instance-id', 'and order-id cannot both be given');
    // An OV or EV certificate is issued to a company: without one, ApplyCertificate is refused after UpdateInstance
    // has already changed the instance (docs/certificate-apis.md).
    if (c.certificateType !== 'DV' &&
        !c.companyId &&
        api !== 'order' &&
        api !== 'legacy-dv' &&
        c.mode === 'issue')
        fail('company-id', `is required with certificate-type ${c.certificateType} (the id of the company in the Certificate ` +
            `Management Service console that the ${c.certificateType} certificate is issued to)`);
    if (api !== 'legacy-dv')
        return;
    if (c.instanceId && !/^cas-/.test(c.instanceId))
        fail('instance-id', `must be a 2018 DV instance id (cas-cn-…) with certificate-api legacy-dv (got '${c.instanceId}')`);
    if (c.mode === 'cancel' || c.mode === 'revoke')
        fail('certificate-api', `legacy-dv has no operation for mode ${c.mode} (the 2018 DV API cannot withdraw or revoke)`);
    if (c.mode !== 'issue')
        return;
    // CreateDVOrderAudit takes all eight as required (docs/certificate-apis.md, the 2018 DV API).
    for (const [input, value] of [
        ['contact-name', c.contact.name],
        ['contact-phone', c.contact.phone],
        ['contact-email', c.contact.email],
    ]) {
        if (!value)
            fail(input, 'is required with certificate-api legacy-dv (CreateDVOrderAudit needs it)');
    }
    if (c.domains.length > 1)
        fail('domains', 'must hold exactly one name with certificate-api legacy-dv');
    if (c.csr)
        fail('csr', 'is not accepted by the 2018 DV API (certificate-api legacy-dv)');
}

// The credentials inputs: one source as a whole (src/aliyun/credentials.ts), and what it lacks.
/** The credentials part: one source as a whole (src/aliyun/credentials.ts), and what it lacks. */
function parseCredentials(read, env, fail) {
    const text = (name) => read(name).trim() || undefined;
    const rawDuration = text('role-duration') ?? '3600';
    const durationSeconds = Number(rawDuration);
    const runId = env.GITHUB_RUN_ID?.trim();
    const source = chooseCredentialSource({
        accessKeyId: read('access-key-id'),
        accessKeySecret: read('access-key-secret'),
        securityToken: read('security-token'),
        roleArn: read('role-arn'),
        oidcProviderArn: read('oidc-provider-arn'),
    }, env, {
        audience: text('audience') ?? 'sts.aliyuncs.com',
        roleSessionName: text('role-session-name') ?? `github-${runId || 'local'}`,
        durationSeconds,
    });
    if (source.kind === 'access-key') {
        if (!source.key.accessKeyId) {
            fail('access-key-id', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_ID, or give role-arn)');
        }
        if (!source.key.accessKeySecret) {
            fail('access-key-secret', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_SECRET)');
        }
        return source;
    }
    const { role } = source;
    if (!role.roleArn)
        fail('role-arn', 'is required with oidc-provider-arn');
    else if (!/^acs:ram::\d+:role\/.+/.test(role.roleArn))
        fail('role-arn', `must look like acs:ram::<account id>:role/<name> (got '${role.roleArn}')`);
    if (!role.oidcProviderArn)
        fail('oidc-provider-arn', 'is required with role-arn');
    else if (!/^acs:ram::\d+:oidc-provider\/.+/.test(role.oidcProviderArn)) {
        fail('oidc-provider-arn', `must look like acs:ram::<account id>:oidc-provider/<name> (got '${role.oidcProviderArn}')`);
    }
    if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 3600)
        fail('role-duration', `must be a whole number of seconds from 900 to 3600 (got '${rawDuration}')`);
    if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(role.roleSessionName)) {
        fail('role-session-name', `must be 2 to 64 letters, digits or . @ _ - (got '${role.roleSessionName}')`);
    }
    const githubOidc = env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const tokenUrlProblem = githubOidc && !role.tokenFile && idTokenUrlProblem(env.ACTIONS_ID_TOKEN_REQUEST_URL);
    if (tokenUrlProblem)
        fail('role-arn', `needs GitHub's ID token, and ${tokenUrlProblem}`);
    if (!githubOidc && !role.tokenFile) {
        fail('role-arn', 'needs a GitHub OIDC token, and this job has none: add `permissions: id-token: write` to the job ' +
            '(or set ALIBABA_CLOUD_OIDC_TOKEN_FILE to a file holding the token)');
    }
    return source;
}

// Pure: the known name closest to a misspelt one, for "did you mean" in messages (regions, input names).
/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
function distance(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const row = [i];
        for (let j = 1; j <= y.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
            row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
        }
        previous = row;
    }
    return previous[y.length] ?? 0;
}
/** The closest of `known` within a few edits (more for longer names), the first on a tie; none when far. */
function closestName(given, known) {
    const allowed = given.length > 6 ? 3 : 2;
    let best;
    for (const name of known) {
        const edits = distance(given, name);
        if (edits <= allowed && (!best || edits < best.edits))
            best = { name, edits };
    }
    return best?.name;
}
/** `; did you mean x?` or nothing. */
function didYouMean(given, known) {
    const name = closestName(given, known);
    return name ? `; did you mean ${name}?` : '';
}

// Pure: the deploy resources of a run, from the `deploy` input (one resource a line, `<target>: <resource>`) and
// the shorthands `cdn-domains` / `dcdn-domains`, each read under its target's own rule, every problem reported at
// once before any call (docs/deploy.md).
/** `alb: lsn-1@cn-hangzhou sni` → `{ target: 'alb', text: 'lsn-1@cn-hangzhou sni' }`; blank and `#` lines none. */
function deployLines(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => {
        const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
        return match ? { line, target: match[1]?.toLowerCase(), rest: match[2] ?? '' } : { line, rest: line };
    });
}
function readDeployResources(read, fail) {
    const resources = [];
    const add = (resource) => {
        if (!resources.some((r) => r.target === resource.target && r.resource === resource.resource))
            resources.push(resource);
    };
    for (const { target, input, resources: rule } of DEPLOY_TARGETS) {
        if (input === DEPLOY_INPUT)
            continue;
        const parsed = rule(read(input));
        for (const problem of parsed.problems)
            fail(input, problem);
        for (const resource of parsed.resources)
            add({ target, resource, input });
    }
    const known = DEPLOY_TARGETS.map((entry) => entry.target);
    for (const { line, target, rest } of deployLines(read(DEPLOY_INPUT))) {
        const entry = target ? deployTargetEntry(target) : undefined;
        if (!entry) {
            const problem = !target
                ? `has the line '${line}', which is not '<target>: <resource>' (targets: ${known.join(', ')})`
                : PLANNED_TARGETS.includes(target)
                    ? `names the target '${target}' ('${line}'), which this version cannot deploy to yet (targets: ${known.join(', ')})`
                    : `names the unknown target '${target}' ('${line}')${didYouMean(target, known)} (targets: ${known.join(', ')})`;
            fail(DEPLOY_INPUT, problem);
            continue;
        }
        const parsed = entry.resources(rest);
        for (const problem of parsed.problems)
            fail(DEPLOY_INPUT, `line '${line}': ${problem}`);
        if (parsed.problems.length === 0 && parsed.resources.length === 0)
            fail(DEPLOY_INPUT, `line '${line}' names no resource`);
        for (const resource of parsed.resources)
            add({ target: entry.target, resource, input: DEPLOY_INPUT });
    }
    return resources;
}

/** Names the hook never gets, whatever dns-hook-env says (src/validation/hook.ts withholds them too). */
const NEVER_PASSED = /^(INPUT_|STATE_|ALIBABA_CLOUD_|ALICLOUD_|ALIBABACLOUD_)/i;
/** Pure: `dns-hook-env`, the step's variables passed to the hook besides the basics; a name it may not pass fails. */
function parseHookEnv(raw, fail) {
    const names = raw
        .split(/[\s,]+/)
        .map((n) => n.trim())
        .filter(Boolean);
    const malformed = names.filter((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
    if (malformed.length > 0)
        fail('dns-hook-env', `must list variable names (got ${malformed.join(', ')})`);
    const refused = names.filter((n) => NEVER_PASSED.test(n));
    if (refused.length > 0) {
        fail('dns-hook-env', `cannot pass ${refused.join(', ')}: the hook never gets the Alibaba Cloud credentials, the inputs or the ` +
            'state; give the hook its own DNS provider credentials instead');
    }
    return names.filter((n) => !malformed.includes(n) && !refused.includes(n));
}

// Pure: every input name action.yml declares (test/unit/input-names.test.ts holds the two equal), and the inputs
// that one mode alone reads: what main warns about when a step passes a name it does not know, or one its mode
// ignores (README, "Troubleshooting").
const ACTION_INPUTS = [
    'mode',
    'access-key-id',
    'access-key-secret',
    'security-token',
    'role-arn',
    'oidc-provider-arn',
    'audience',
    'role-session-name',
    'role-duration',
    'sts-endpoint',
    'region',
    'endpoint',
    'dns-endpoint',
    'cdn-endpoint',
    'dcdn-endpoint',
    'clb-endpoint',
    'esa-endpoint',
    'nlb-endpoint',
    'oss-endpoint',
    'alb-endpoint',
    'apigw-endpoint',
    'waf-endpoint',
    'ga-endpoint',
    'fc-endpoint',
    'order-id',
    'certificate-api',
    'instance-id',
    'certificate-type',
    'key-algorithm',
    'contact-id',
    'company-id',
    'province',
    'city',
    'domains',
    'product-code',
    'create-operation',
    'csr',
    'validation-method',
    'dns-provider',
    'dns-hook',
    'dns-hook-env',
    'dns-wait-propagation',
    'dns-resolvers',
    'dns-ttl',
    'file-validation-root',
    'contact-name',
    'contact-phone',
    'contact-email',
    'company-name',
    'renew-before-days',
    'force',
    'wait-timeout',
    'poll-interval',
    'max-poll-interval',
    'fail-on-pending',
    'output-dir',
    'pfx-password',
    'private-key-passphrase',
    'keep-files',
    'artifact-name',
    'artifact-retention-days',
    'cdn-domain',
    'certificates',
    'alert',
    'alert-before-days',
    'github-token',
    'api-version',
    'certificate',
    'certificate-file',
    'private-key',
    'private-key-file',
    'certificate-name',
    'cert-id',
    'cdn-domains',
    'dcdn-domains',
    'deploy',
    'deploy-timeout',
    'verify-url',
    'verify-connect-to',
    'delete-superseded',
    'allow-paid-deployment-job',
    'acme-directory',
    'acme-email',
    'acme-account-key',
    'acme-eab-kid',
    'acme-eab-hmac-key',
    'upload',
];
/** Inputs only some modes read, and the input meant instead when a near name is (`cdn-domain` for `cdn-domains`). */
const MODE_ONLY_INPUTS = {
    'cdn-domain': { modes: ['status'], instead: 'cdn-domains' },
    certificates: { modes: ['plan'] },
    // The runner passes action.yml's default `false` to every mode: only `true` is worth a word.
    force: { modes: ['renew'], ignoredValue: 'false' },
    certificate: { modes: ['upload'] },
    'certificate-file': { modes: ['upload'] },
    'private-key': { modes: ['upload'] },
    'private-key-file': { modes: ['upload'] },
    'certificate-name': { modes: ['upload'] },
};
/** The input of a runner's variable: `INPUT_CDN-DOMAINS` → `cdn-domains` (a space of a `with:` key stays `_`). */
const inputNameOf = (variable) => variable.slice('INPUT_'.length).toLowerCase();
/**
 * One warning per input the step was given that this action does not read: an unknown name (with the closest
 * known one), or a name the mode ignores (with the mode that reads it). Warnings, as the runner's own: a step
 * still runs with them, and an input its mode requires is refused by the config.
 */
function unreadInputWarnings(env, mode) {
    const warnings = [];
    for (const [variable, value] of Object.entries(env)) {
        if (!/^INPUT_/i.test(variable) || !value?.trim())
            continue;
        const name = inputNameOf(variable);
        if (!ACTION_INPUTS.includes(name)) {
            const near = closestName(name, ACTION_INPUTS);
            warnings.push(`Input '${name}' is not an input of this action${near ? ` (did you mean ${near}?)` : ''}; it is ignored.`);
            continue;
        }
        const only = MODE_ONLY_INPUTS[name];
        if (only && !only.modes.includes(mode) && value.trim() !== only.ignoredValue) {
            warnings.push(`Input '${name}' is read by mode ${only.modes.join(' or ')} only, not ${mode}: it is ignored` +
                `${only.instead ? ` (did you mean ${only.instead}?)` : ''}.`);
        }
    }
    return warnings;
}
/** For an input refused in this mode: the near input that this mode does read (`cdn-domains` → `cdn-domain`). */
function meantForMode(input, mode) {
    return Object.entries(MODE_ONLY_INPUTS).find(([, only]) => only.instead === input && only.modes.includes(mode))?.[0];
}

const ALERTS = ['none', 'issue'];
const CREATE_OPERATIONS = [
    'CreateCertificateForPackageRequest',
    'CreateCertificateRequest',
    'CreateCertificateWithCsrRequest',
];
const CERTIFICATE_TYPES = ['DV', 'OV', 'EV'];
const KEY_ALGORITHMS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_256'];

const m$2 = /*#__PURE__*/ process.getBuiltinModule('node:net');
const isIP = /*#__PURE__*/ (() => m$2.isIP)();

// `dns-resolvers`: the name servers record-visibility waits ask (README "Validation"), as Node's resolver takes them.
/** Pure: `1.1.1.1`, `127.0.0.1:5353`, `2001:db8::1` or `[2001:db8::1]:53`; anything else fails naming the input. */
function parseNameServers(raw, fail) {
    const entries = raw
        .split(/[\s,]+/)
        .map((n) => n.trim())
        .filter(Boolean);
    const malformed = entries.filter((entry) => !isNameServer(entry));
    if (malformed.length > 0) {
        fail('dns-resolvers', `must list name server addresses (ip or ip:port, [ipv6]:port), got ${malformed.join(', ')}`);
    }
    return entries.filter((entry) => !malformed.includes(entry));
}
function isNameServer(entry) {
    if (isIP(entry))
        return true;
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d{1,5})$/.exec(entry);
    if (!match)
        return false;
    const port = Number(match[3]);
    return isIP(match[1] ?? match[2] ?? '') !== 0 && port > 0 && port < 65536;
}

// The readers of raw inputs, each reporting a bad value to the one list of problems (config.ts) and returning the
// fallback, so that every problem is found in one pass.
function inputReaders(read, fail) {
    const text = (name) => read(name).trim() || undefined;
    const oneOf = (name, allowed, fallback) => {
        const raw = text(name) ?? fallback;
        const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
        if (!match)
            fail(name, `must be one of ${allowed.join(', ')} (got '${raw}')`);
        return match ?? fallback;
    };
    const number = (name, fallback, { integer = false, min = 0, allowZero = false } = {}) => {
        const raw = text(name);
        if (raw === undefined)
            return fallback;
        const value = Number(raw);
        const ok = Number.isFinite(value) &&
            (!integer || Number.isInteger(value)) &&
            (allowZero ? value >= min : value > min);
        const kind = integer ? 'a whole number' : 'a number';
        if (!ok)
            fail(name, `must be ${kind} ${allowZero ? `of at least ${min}` : `above ${min}`} (got '${raw}')`);
        return ok ? value : fallback;
    };
    // The runner's boolean rules (core.getBooleanInput, the YAML 1.2 core schema): nothing else is a boolean.
    const flag = (name, fallback) => {
        const raw = text(name);
        if (raw === undefined)
            return fallback;
        if (['true', 'True', 'TRUE'].includes(raw))
            return true;
        if (['false', 'False', 'FALSE'].includes(raw))
            return false;
        fail(name, `must be true or false (got '${raw}')`);
        return fallback;
    };
    const endpoint = (name, fallback) => {
        const raw = text(name) ?? fallback;
        const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
        try {
            const url = new URL(withScheme);
            if (url.protocol !== 'https:' && url.protocol !== 'http:')
                throw new Error('scheme');
            // Signed calls carry the key id, the STS token and (for STS) the ID token: never in clear over a network.
            const plainHttp = plainHttpProblem(url);
            if (plainHttp) {
                fail(name, `${plainHttp} (got '${raw}')`);
                return fallback;
            }
            return url.origin;
        }
        catch {
            fail(name, `must be an http(s) URL such as https://cas.aliyuncs.com (got '${raw}')`);
            return fallback;
        }
    };
    return { text, oneOf, number, flag, endpoint };
}

// The Alibaba Cloud regions this action knows (the public regions of the China and international sites). A region
// newer than this list works when `endpoint` is set: the user then names where CAS answers (README, "Troubleshooting").
const KNOWN_REGIONS = [
    'cn-hangzhou',
    'cn-shanghai',
    'cn-qingdao',
    'cn-beijing',
    'cn-zhangjiakou',
    'cn-huhehaote',
    'cn-wulanchabu',
    'cn-shenzhen',
    'cn-heyuan',
    'cn-guangzhou',
    'cn-chengdu',
    'cn-nanjing',
    'cn-fuzhou',
    'cn-wuhan-lr',
    'cn-hongkong',
    'cn-shanghai-finance-1',
    'cn-shenzhen-finance-1',
    'cn-beijing-finance-1',
    'cn-north-2-gov-1',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-south-1',
    'us-east-1',
    'us-west-1',
    'na-south-1',
    'eu-west-1',
    'eu-central-1',
    'me-east-1',
    'me-central-1',
];
const isKnownRegion = (region) => KNOWN_REGIONS.includes(region.toLowerCase());
/** Why a region is refused, or nothing: an unknown one passes only with `endpoint` set (a new region). */
function regionProblem(region, endpointGiven) {
    if (isKnownRegion(region) || endpointGiven)
        return undefined;
    return (`is not an Alibaba Cloud region (got '${region}')${didYouMean(region, KNOWN_REGIONS)}` +
        ' (a region newer than this action: set endpoint too)');
}

// Pure: the HTTPS URLs whose served certificate proves a deployment (`verify-url`), and where to connect for each
// (`verify-connect-to`, curl's `--connect-to HOST1:PORT1:HOST2:PORT2`: an origin or a load balancer behind DNS, or
// a loopback front in tests), every problem reported at once before any call (docs/deploy.md).
const listOf = (text) => text
    .split(/[\r\n,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
/** `static.example.com:443:127.0.0.1:8443` → the first pair mapped to the second; `[…]` for IPv6. */
function connectToRules(text, fail) {
    const rules = new Map();
    for (const line of listOf(text)) {
        const match = /^([^:[\]]+|\[[^\]]+\]):(\d{1,5}):([^:[\]]+|\[[^\]]+\]):(\d{1,5})$/.exec(line);
        const [, fromHost = '', fromPort = '', toHost = '', toPort = ''] = match ?? [];
        if (!match || Number(fromPort) > 65535 || Number(toPort) > 65535 || Number(toPort) === 0) {
            fail('verify-connect-to', `has '${line}', which is not HOST:PORT:CONNECT-HOST:CONNECT-PORT (as curl's --connect-to, e.g. static.example.com:443:203.0.113.7:443)`);
            continue;
        }
        rules.set(`${fromHost.toLowerCase()}:${fromPort}`, {
            host: toHost.replace(/^\[|\]$/g, ''),
            port: Number(toPort),
        });
    }
    return rules;
}
function readServedChecks(read, fail) {
    const rules = connectToRules(read('verify-connect-to'), fail);
    const checks = [];
    const used = new Set();
    for (const text of listOf(read('verify-url'))) {
        let url;
        try {
            url = new URL(text);
        }
        catch {
            fail('verify-url', `has '${text}', which is not a URL (as in https://static.example.com)`);
            continue;
        }
        if (url.protocol !== 'https:') {
            fail('verify-url', `has '${text}': only https:// URLs serve a certificate`);
            continue;
        }
        const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
        const port = Number(url.port || 443);
        const key = `${host}:${port}`;
        const rule = rules.get(key);
        if (rule)
            used.add(key);
        checks.push({
            url: url.origin,
            // SNI carries a name, never an address (RFC 6066): a URL with an IP sends none.
            ...(isIP(host) ? {} : { servername: host }),
            host: rule?.host ?? host,
            port: rule?.port ?? port,
        });
    }
    for (const key of rules.keys()) {
        if (!used.has(key))
            fail('verify-connect-to', `maps ${key}, which no verify-url names`);
    }
    return checks.filter((check, index) => checks.findIndex((c) => c.url === check.url) === index);
}

// Pure: raw action inputs → a typed Config, or one InputError listing every bad input, before any call that costs.
const onChinaSite = (region) => region.startsWith('cn-');
/** The STS endpoint of a region (the international site has its own); `sts.aliyuncs.com` for China. */
function stsEndpointForRegion(region) {
    return onChinaSite(region) ? 'https://sts.aliyuncs.com' : `https://sts.${region}.aliyuncs.com`;
}
/** Chinese regions use the main CAS endpoint; every other region the international site's. */
function casEndpointForRegion(region) {
    return onChinaSite(region) ? 'https://cas.aliyuncs.com' : 'https://cas.ap-southeast-1.aliyuncs.com';
}
function parseConfig(read, env) {
    const problems = [];
    const fail = (input, problem) => problems.push({ input, problem });
    const { text, oneOf, number, flag, endpoint } = inputReaders(read, fail);
    const mode = oneOf('mode', MODES, 'issue');
    const region = text('region') ?? 'cn-hangzhou';
    // A typo would pick endpoints that do not exist (ENOTFOUND), as if an endpoint input were wrong.
    const unknownRegion = regionProblem(region, text('endpoint') !== undefined);
    if (unknownRegion)
        fail('region', unknownRegion);
    const credentials = parseCredentials(read, env, fail);
    if (!onChinaSite(region) && /free/i.test(text('product-code') ?? '')) {
        fail('product-code', `names a free product, which exists on the China site only, not in region ${region}`);
    }
    const orderId = text('order-id');
    if (orderId !== undefined && !/^\d{1,30}$/.test(orderId))
        fail('order-id', `must be a decimal order id (got '${orderId}')`);
    const domains = parseDomainList(read('domains')).map(normaliseDomain);
    // Every problem of the list at once; a CSR's names meet the same rules in action/main.ts (checkFinalDomains). For
    // `list` the names only filter: the ordering rules (at most 5, not mixed) do not apply.
    if (domains.length > 0) {
        const problems = mode === 'list'
            ? domains.map(checkDomain).filter((p) => p !== undefined)
            : domainListProblems(domains, read('certificate-api').trim().toLowerCase() === 'acme' ? ACME_LIST_RULES : undefined);
        for (const problem of problems)
            fail('domains', problem);
    }
    const createOperation = oneOf('create-operation', CREATE_OPERATIONS, 'CreateCertificateForPackageRequest');
    const csr = text('csr');
    if (csr !== undefined && !/-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(csr)) {
        fail('csr', 'must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)');
    }
    const validationMethod = oneOf('validation-method', ['DNS', 'FILE'], 'DNS');
    const dnsProvider = oneOf('dns-provider', DNS_PROVIDERS, 'alidns');
    const dnsHook = text('dns-hook');
    const dnsHookEnv = parseHookEnv(read('dns-hook-env'), fail);
    const dnsResolvers = parseNameServers(read('dns-resolvers'), fail);
    const contact = {
        name: text('contact-name'),
        phone: text('contact-phone'),
        email: text('contact-email'),
        companyName: text('company-name'),
    };
    const pollIntervalSeconds = number('poll-interval', 5);
    const maxPollIntervalSeconds = number('max-poll-interval', 60);
    if (maxPollIntervalSeconds < pollIntervalSeconds) {
        fail('max-poll-interval', `must not be below poll-interval (${pollIntervalSeconds})`);
    }
    const certificateApi = oneOf('certificate-api', CERTIFICATE_APIS, 'auto');
    const instanceId = text('instance-id');
    const contactId = text('contact-id');
    if (contactId !== undefined && !/^\d{1,20}$/.test(contactId))
        fail('contact-id', `must be a decimal contact id from ListContact (got '${contactId}')`);
    const companyId = text('company-id');
    if (companyId !== undefined && !/^\d{1,20}$/.test(companyId))
        fail('company-id', `must be a decimal company id from the console's company list (got '${companyId}')`);
    if (instanceId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(instanceId))
        fail('instance-id', `must be an instance id such as cas-cn-… (got '${instanceId}')`);
    const casEndpoint = endpoint('endpoint', casEndpointForRegion(region));
    const deployResources = readDeployResources(read, fail);
    // Only a mode that deploys creates jobs: `delete` reads the lines to see what still serves a certificate.
    if (modeEntry(mode).deploys)
        checkPaidDeployment(deployResources, flag('allow-paid-deployment-job', false), fail);
    const fileValidationRoot = text('file-validation-root');
    const acmeReading = readAcmeInputs(read, fail, {
        certificateApi,
        mode,
        domains,
        validationMethod,
        dnsProvider,
        fileValidationRoot,
        deploys: deployResources.length > 0,
        flag,
    });
    const config = {
        mode,
        certificateApi,
        instanceId,
        certificateType: oneOf('certificate-type', CERTIFICATE_TYPES, 'DV'),
        keyAlgorithm: oneOf('key-algorithm', KEY_ALGORITHMS, 'RSA_2048'),
        contactId,
        companyId,
        province: text('province') ?? 'Zhejiang',
        city: text('city') ?? 'Hangzhou',
        credentials,
        region,
        certRegion: onChinaSite(region) ? 'cn-hangzhou' : 'ap-southeast-1',
        endpoints: {
            sts: endpoint('sts-endpoint', stsEndpointForRegion(region)),
            cas: casEndpoint,
            cas2018: text('endpoint') ? casEndpoint : 'https://cas.aliyuncs.com',
            dns: endpoint('dns-endpoint', 'https://alidns.aliyuncs.com'),
            cdn: endpoint('cdn-endpoint', 'https://cdn.aliyuncs.com'),
            dcdn: endpoint('dcdn-endpoint', 'https://dcdn.aliyuncs.com'),
        },
        deployEndpoints: Object.fromEntries(DEPLOY_TARGETS.filter((e) => !['cdn', 'dcdn'].includes(e.target) && text(e.endpointInput)).map((e) => [
            e.target,
            // A target at the CAS endpoint (the CAS deployment job) goes where the run's certificates are.
            e.endpointInput === 'endpoint' ? casEndpoint : endpoint(e.endpointInput, ''),
        ])),
        orderId,
        domains,
        productCode: text('product-code'),
        createOperation,
        csr,
        validationMethod,
        dnsProvider,
        dnsHook,
        dnsHookEnv,
        dnsWaitPropagation: flag('dns-wait-propagation', false),
        dnsResolvers,
        dnsTtl: number('dns-ttl', 600, { integer: true }),
        fileValidationRoot,
        contact,
        renewBeforeDays: number('renew-before-days', 30, { integer: true, allowZero: true }),
        waitTimeoutSeconds: waitTimeout(text('wait-timeout'), number, fail),
        pollIntervalSeconds,
        maxPollIntervalSeconds,
        failOnPending: flag('fail-on-pending', true),
        outputDir: text('output-dir'),
        keepFiles: flag('keep-files', false),
        pfxPassword: text('pfx-password'),
        privateKeyPassphrase: text('private-key-passphrase'),
        artifactName: text('artifact-name'),
        artifactRetentionDays: number('artifact-retention-days', 0, { integer: true, allowZero: true }),
        cdnDomain: text('cdn-domain'),
        certId: text('cert-id'),
        deploy: {
            resources: deployResources,
            verify: readServedChecks(read, fail),
            timeoutSeconds: number('deploy-timeout', 300),
            deleteSuperseded: flag('delete-superseded', false),
        },
        held: {
            apiVersion: oneOf('api-version', HELD_API_VERSIONS, '2020-04-07'),
            certificate: text('certificate'),
            certificateFile: text('certificate-file'),
            privateKey: text('private-key'),
            privateKeyFile: text('private-key-file'),
            certificateName: text('certificate-name'),
        },
        certificates: text('certificates'),
        alert: oneOf('alert', ALERTS, 'none'),
        alertBeforeDays: number('alert-before-days', 7, { integer: true, allowZero: true }),
        githubToken: text('github-token') ?? (env.GITHUB_TOKEN?.trim() || undefined),
        force: flag('force', false),
        ...acmeReading,
    };
    if (config.certId !== undefined && !/^\d{1,30}$/.test(config.certId))
        fail('cert-id', `must be a decimal certificate id (got '${config.certId}')`);
    checkKeyPasswords(config, fail);
    checkModeRequirements(config, fail);
    checkApiRequirements(config, fail);
    if (problems.length > 0)
        throw new InputError(problems);
    return config;
}
/** A `cas-job:` line creates a CAS deployment job, which the service bills: only with allow-paid-deployment-job. */
function checkPaidDeployment(resources, allowed, fail) {
    if (allowed)
        return;
    for (const { resource } of resources.filter((r) => r.target === 'cas-job')) {
        fail('allow-paid-deployment-job', `must be true for the deploy line 'cas-job: ${resource}': it creates a deployment job at Certificate ` +
            'Management Service, which the service bills; set allow-paid-deployment-job: true to allow it, or ' +
            "deploy with the product's own target");
    }
}
/** 0 would order, write the record and give up before a single check: the wait is above 0 (fractions allowed). */
function waitTimeout(raw, number, fail) {
    if (raw === undefined || Number(raw) !== 0)
        return number('wait-timeout', 600);
    fail('wait-timeout', "must be a number above 0 (got '0', which would order and give up before one check): for a run that " +
        'returns pending soon, give a few seconds with fail-on-pending: false');
    return 600;
}
/** Fewer characters than this fall to an offline guess of an artifact or a .pfx, however slow the derivation. */
const MIN_KEY_PASSWORD_LENGTH = 12;
function checkKeyPasswords(c, fail) {
    const given = [
        ['pfx-password', c.pfxPassword],
        ['private-key-passphrase', c.privateKeyPassphrase],
    ];
    for (const [input, value] of given) {
        const length = value === undefined ? undefined : [...value].length;
        if (length !== undefined && length < MIN_KEY_PASSWORD_LENGTH)
            fail(input, `must be at least ${MIN_KEY_PASSWORD_LENGTH} characters long (got ${length})`);
    }
}
/** The mode's own requirements (modes/registry.ts), then the rules every mode shares. */
function checkModeRequirements(c, fail) {
    const entry = modeEntry(c.mode);
    entry.requires?.(c, fail);
    const [first] = c.deploy.resources;
    // delete reads the resources as those that must not be serving the certificate it deletes.
    if (first && !entry.deploys && !entry.readsDeployTargets) {
        const { input } = first;
        const meant = meantForMode(input, c.mode);
        fail(input, `applies to mode ${deployingModes()} (or delete, to check), not ${c.mode}${meant ? ` (did you mean ${meant}?)` : ''}`);
    }
    if (c.deploy.verify.length > 0 && !first && entry.deploys)
        fail('verify-url', 'checks a deployment: list the resources to deploy to in deploy (or cdn-domains)');
    if (c.cdnDomain && checkDomain(c.cdnDomain))
        fail('cdn-domain', `is not a valid domain name: ${checkDomain(c.cdnDomain)}`);
    if (c.artifactName && !c.csr && !c.privateKeyPassphrase && !c.pfxPassword) {
        fail('artifact-name', 'needs private-key-passphrase or pfx-password: the private key is never uploaded in clear');
    }
}

/** Pure: what validation reads of the inputs, with every secret the hook must never see nor repeat. */
function validationSettingsFrom(config) {
    return {
        dnsProvider: config.dnsProvider,
        ttl: config.dnsTtl,
        waitPropagation: config.dnsWaitPropagation,
        waitTimeoutSeconds: config.waitTimeoutSeconds,
        ...(config.dnsResolvers.length > 0 ? { nameServers: config.dnsResolvers } : {}),
        fileRoot: config.fileValidationRoot,
        hook: config.dnsHook
            ? { command: config.dnsHook, secrets: hookSecrets(config), passEnv: config.dnsHookEnv }
            : undefined,
    };
}
/** The Alibaba Cloud key and token, and the PFX and private-key passwords: what the hook gets none of. */
function hookSecrets(config) {
    const { accessKeySecret, securityToken } = config.credentials.kind === 'access-key' ? config.credentials.key : {};
    const secrets = [accessKeySecret, securityToken, config.pfxPassword, config.privateKeyPassphrase];
    return secrets.filter((s) => Boolean(s));
}

// Pure: the one set of time helpers (days, ISO forms).
const DAY_MS = 86_400_000;
/** `2026-12-01T10:20:30Z`: ISO 8601 UTC without milliseconds, as outputs and the signature timestamp use it. */
function isoSeconds(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}
/** `2026-12-01`. */
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}
/** `1 day`, `-1 day`, `30 days`: a count of days for a sentence. */
function dayCount(count) {
    return `${count} ${Math.abs(count) === 1 ? 'day' : 'days'}`;
}

// Checks a certificate before it is handed out: it parses, names the requested domains, matches the key,
// chains, and is valid now. node:crypto only.
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const CSR_BLOCK = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (?:NEW )?CERTIFICATE REQUEST-----/;
const PRIVATE_KEY_BLOCK$1 = /-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;
class CertificateCheckError extends Error {
    name = 'CertificateCheckError';
}
/** Rewraps a PEM body at 64 columns, whatever whitespace (none, spaces, CRLF) it came with. */
function rewrapPem(label, body) {
    const base64 = body.replace(/\s+/g, '');
    const lines = base64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
/** Every certificate block of a bundle, as standard PEM; text between blocks is ignored. */
function splitPemBundle(pem) {
    return [...pem.matchAll(CERTIFICATE_BLOCK)].map((match) => rewrapPem('CERTIFICATE', match[1] ?? ''));
}
function dnsNames(certificate) {
    // Node lists SANs as `DNS:a, DNS:b, IP Address:…`, quoting (JSON) values with unusual characters.
    const matches = (certificate.subjectAltName ?? '').matchAll(/(?:^|, )DNS:("(?:[^"\\]|\\.)*"|[^,]*)/g);
    const sanNames = [...matches].map(([, value = '']) => (value.startsWith('"') ? JSON.parse(value) : value));
    if (sanNames.length > 0)
        return sanNames.map((name) => name.toLowerCase());
    const commonName = /^CN=(.*)$/m.exec(certificate.subject)?.[1];
    return commonName === undefined ? [] : [commonName.toLowerCase()];
}
function describeParsed(certificate) {
    return {
        subject: certificate.subject.replace(/\n/g, ', '),
        issuer: certificate.issuer.replace(/\n/g, ', '),
        serialNumber: certificate.serialNumber,
        names: dnsNames(certificate),
        notBefore: new Date(certificate.validFrom),
        notAfter: new Date(certificate.validTo),
        fingerprintSha256: certificate.fingerprint256,
    };
}
function describeCertificate(pem) {
    return describeParsed(new X509Certificate(pem));
}
/** Whole days from `now` until `notAfter`, rounded down; negative once expired. */
function daysRemaining(notAfter, now) {
    return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}
/**
 * How many days before expiry a certificate is due, as cert-manager decides: a `renew-before-days` at or above
 * the certificate's lifetime would make every run order anew, so it becomes a third of the lifetime.
 */
function renewalWindowDays(renewBeforeDays, validity) {
    const lifetimeDays = (validity.notAfter.getTime() - validity.notBefore.getTime()) / DAY_MS;
    if (lifetimeDays <= 0 || renewBeforeDays < lifetimeDays)
        return { days: renewBeforeDays, capped: false };
    return { days: Math.floor(lifetimeDays / 3), capped: true };
}
function parseBundle(pems) {
    const parsed = [];
    for (const [index, pem] of pems.entries()) {
        let certificate;
        try {
            certificate = new X509Certificate(pem);
        }
        catch (error) {
            throw new CertificateCheckError(`Certificate ${index + 1} of the bundle cannot be parsed (${error.message}).`);
        }
        // The service may repeat the leaf or an intermediate in the chain: keep the first copy only.
        if (!parsed.some((seen) => seen.certificate.fingerprint256 === certificate.fingerprint256)) {
            parsed.push({ pem, certificate });
        }
    }
    return parsed;
}
function issuedBy(child, parent) {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
}
/** Orders the other certificates from the leaf's issuer upwards; every one of them must be on that path. */
function buildChain(leaf, others) {
    const chain = [];
    const remaining = [...others];
    let current = leaf;
    for (;;) {
        const parentIndex = remaining.findIndex((candidate) => issuedBy(current.certificate, candidate.certificate));
        const parent = remaining[parentIndex];
        if (parent === undefined)
            break;
        chain.push(parent);
        remaining.splice(parentIndex, 1);
        current = parent;
    }
    const stray = remaining[0];
    if (stray !== undefined) {
        throw new CertificateCheckError(`The certificate chain is broken: "${stray.certificate.subject.replace(/\n/g, ', ')}" is not in the chain ` +
            `of issuers of the leaf (the chain stops at "${current.certificate.issuer.replace(/\n/g, ', ')}").`);
    }
    return chain;
}
/** One DER element at `offset`: where its content starts and where the element ends. */
function derElement(der, offset) {
    const first = der[offset + 1] ?? 0;
    let length = first;
    let content = offset + 2;
    if (first & 0x80) {
        const bytes = first & 0x7f;
        length = 0;
        for (let i = 0; i < bytes; i++)
            length = length * 256 + (der[content + i] ?? 0);
        content += bytes;
    }
    if (content + length <= der.length)
        return { content, end: content + length };
    throw new CertificateCheckError('The csr is not a readable PEM certificate request.');
}
/**
 * The CSR's public key as canonical SPKI DER: CertificationRequest → CertificationRequestInfo → (version, subject,
 * subjectPKInfo); the CSR's own checks (signature, key size) are core/csr.ts's, before any order.
 */
function csrPublicKey(pem) {
    const der = Buffer.from(CSR_BLOCK.exec(pem)?.[1]?.replace(/\s+/g, '') ?? '', 'base64');
    try {
        const info = derElement(der, derElement(der, 0).content);
        const version = derElement(der, info.content);
        const subject = derElement(der, version.end);
        const spki = derElement(der, subject.end);
        const key = createPublicKey({ key: der.subarray(subject.end, spki.end), format: 'der', type: 'spki' });
        return key.export({ type: 'spki', format: 'der' });
    }
    catch (error) {
        if (error instanceof CertificateCheckError)
            throw error;
        throw new CertificateCheckError('The csr is not a readable PEM certificate request.');
    }
}
function readPrivateKey(pem) {
    const match = PRIVATE_KEY_BLOCK$1.exec(pem);
    if (match !== null) {
        const rewrapped = rewrapPem(match[1] ?? '', match[2] ?? '');
        try {
            return { key: createPrivateKey(rewrapped), pem: rewrapped };
        }
        catch {
            // Reported below, in the same words as a missing block.
        }
    }
    throw new CertificateCheckError('The private key is not a readable unencrypted PEM private key (PKCS#1, PKCS#8 or SEC1).');
}
/** Checks what the service issued and splits it into leaf and chain; throws CertificateCheckError. */
function checkIssuedCertificate(input) {
    const bundle = parseBundle([
        ...splitPemBundle(input.certificatePem),
        ...splitPemBundle(input.chainPem ?? ''),
    ]);
    const coversAll = (candidate) => input.domains.every((domain) => certificateCovers(dnsNames(candidate.certificate), domain));
    const leaf = bundle.find(coversAll) ?? bundle[0];
    if (leaf === undefined)
        throw new CertificateCheckError('The service returned no PEM certificate.');
    const info = describeParsed(leaf.certificate);
    const uncovered = input.domains.filter((domain) => !certificateCovers(info.names, domain));
    if (uncovered.length > 0) {
        throw new CertificateCheckError(`The certificate names (${info.names.join(', ')}) do not cover the requested ${uncovered.join(', ')}.`);
    }
    let privateKeyPem;
    if (input.privateKeyPem !== undefined) {
        const privateKey = readPrivateKey(input.privateKeyPem);
        if (!leaf.certificate.checkPrivateKey(privateKey.key)) {
            throw new CertificateCheckError("The private key does not match the certificate's public key.");
        }
        privateKeyPem = privateKey.pem;
    }
    if (input.csrPem !== undefined) {
        const leafKey = leaf.certificate.publicKey.export({ type: 'spki', format: 'der' });
        if (!leafKey.equals(csrPublicKey(input.csrPem))) {
            throw new CertificateCheckError("The certificate's public key is not the one in the csr input, so your private key cannot use it; " +
                'refusing it (check the endpoint inputs: the service, or something in between, sent another key).');
        }
    }
    const chain = buildChain(leaf, bundle.filter((entry) => entry !== leaf));
    if (input.now < info.notBefore) {
        throw new CertificateCheckError(`The certificate is not valid until ${info.notBefore.toISOString()}.`);
    }
    if (input.now > info.notAfter) {
        throw new CertificateCheckError(`The certificate expired on ${info.notAfter.toISOString()}.`);
    }
    const chainPems = chain.map((entry) => entry.pem);
    const checked = {
        leafPem: leaf.pem,
        chainPems,
        fullchainPem: [leaf.pem, ...chainPems].join(''),
        info,
    };
    if (privateKeyPem !== undefined)
        checked.privateKeyPem = privateKeyPem;
    return checked;
}
/**
 * The moment inside a certificate's validity nearest to `now`: a certificate read as it is (status, revoke, the
 * reuse check) has its chain judged there, so that only its dates are left to report, not to refuse.
 */
function momentInsideValidity(info, now) {
    return new Date(Math.min(Math.max(now.getTime(), info.notBefore.getTime()), info.notAfter.getTime()));
}

// What a flow hands back: the low vocabulary of results that the flows produce and delivery reads.
function emptyResult(status, orderId) {
    return { status, orderId, timeline: [], details: [] };
}
/** The result's report when it is of this kind. */
function reportOf(result, kind) {
    return result.report?.kind === kind ? result.report : undefined;
}
/** The `status` report of a result, started on first use (the sources and the mode each add their part). */
function statusReport(result) {
    const report = reportOf(result, 'status') ?? { kind: 'status' };
    result.report = report;
    return report;
}

// Pure, but for one store: every value the run registers as a secret (src/deliver/outputs.ts maskSecret),
// remembered so that text the runner's log masking does not cover (an alert issue, a hook's output) is redacted
// against the same values; and the one account of the forms in which a secret may come back encoded.
const remembered = new Set();
/** Shorter values are not redacted as such: they would cut ordinary words (the runner masks them in logs). */
const MIN_LENGTH = 3;
/** How deep an echo may percent-encode a value: a signer's string to sign encodes the query twice. */
const MAX_ENCODING_DEPTH = 3;
/** Percent-encoding as the signer writes it: RFC 3986 unreserved characters stay, all else is %XX. */
const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const formEncoded = (s) => new URLSearchParams({ v: s }).toString().slice(2);
const ENCODINGS = [rfc3986, encodeURIComponent, formEncoded];
/** Remembers a value; false when it was remembered already (so that it is announced to the runner once). */
function rememberSecret(value) {
    if (remembered.has(value))
        return false;
    remembered.add(value);
    return true;
}
/**
 * `value` percent-encoded once, twice and three times by each encoder (the signer's, JavaScript's, a form's): the
 * forms in which an echo of a request (a query string, a string to sign) repeats it. Only those that differ from it.
 */
function encodedForms(value) {
    const forms = new Set();
    for (const encode of ENCODINGS) {
        let form = value;
        for (let depth = 1; depth <= MAX_ENCODING_DEPTH; depth++) {
            form = encode(form);
            forms.add(form);
        }
    }
    forms.delete(value);
    return [...forms];
}
/** `text` with each of `values` replaced by `***`, longest first, so that a value containing another goes whole. */
function cutOut(text, values) {
    let out = text;
    for (const value of [...new Set(values)].sort((a, b) => b.length - a.length))
        out = out.split(value).join('***');
    return out;
}
/** `text` with every remembered secret (and `extra`) replaced by `***`, raw or encoded, escapes in either case. */
function redactSecrets(text, extra = []) {
    const secrets = [...remembered, ...extra].filter((s) => Boolean(s && s.length >= MIN_LENGTH));
    const forms = secrets.flatMap((secret) => [secret, ...encodedForms(secret)]);
    // Percent-escapes are case-insensitive: %2f is %2F.
    return cutOut(text, [...forms, ...forms.map((f) => f.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()))]);
}
const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;
/**
 * Every private key anywhere in an answer (any field, any depth), as sent and re-wrapped at 64 columns as the
 * action publishes it: the forms to mask the moment the answer arrives, before any line about it is printed.
 */
function privateKeysIn$1(value, found = []) {
    if (typeof value === 'string') {
        const match = PRIVATE_KEY_BLOCK.exec(value);
        if (match !== null) {
            const lines = (match[2] ?? '').replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
            found.push(value, `-----BEGIN ${match[1]}-----\n${lines.join('\n')}\n-----END ${match[1]}-----\n`);
        }
    }
    else if (Array.isArray(value)) {
        for (const item of value)
            privateKeysIn$1(item, found);
    }
    else if (typeof value === 'object' && value !== null) {
        for (const item of Object.values(value))
            privateKeysIn$1(item, found);
    }
    return found;
}

// Step outputs. The private key is registered as a secret (whole and line by line) before any output is written.
/** The statuses that mean this run issued, renewed, uploaded or deployed something. */
const CHANGES = new Set(['issued', 'renewed', 'uploaded', 'deployed']);
/**
 * The one way a value becomes a secret: masked by the runner, and remembered for text the runner's masking does
 * not reach (alert issues, src/alert/). Nothing else calls core.setSecret.
 */
function maskSecret(value) {
    // A key masked where it arrived and again as published is announced once.
    if (rememberSecret(value))
        setSecret(value);
}
/** Older runners mask single lines only, so each line of a multi-line secret is registered too. */
function maskMultilineSecret(value) {
    maskSecret(value);
    for (const line of value.split(/\r?\n/)) {
        const trimmed = line.trim();
        // The PEM armour lines are public constants; masking them would hide every certificate header in logs.
        if (trimmed && !trimmed.startsWith('-----'))
            maskSecret(trimmed);
    }
}
/**
 * Every form in which the key leaves the step: the PEM as published (re-wrapped at 64 columns, whatever wrapping
 * the service or the input had), the encrypted PEM, and the PKCS#12 file as base64.
 */
function maskPublishedKey(cert, keys = {}) {
    if (cert?.privateKeyPem)
        maskMultilineSecret(cert.privateKeyPem);
    if (keys.encryptedPrivateKeyPem)
        maskMultilineSecret(keys.encryptedPrivateKeyPem);
    if (keys.pfx)
        maskSecret(keys.pfx.toString('base64'));
}
function publishOutputs(result, files, now) {
    const set = (name, value) => {
        if (value !== undefined && value !== '')
            setOutput(name, String(value));
    };
    // The key was masked by the authority adapter the moment it arrived, before anything was printed; and as
    // published, before it is set here.
    const cert = result.certificate;
    maskPublishedKey(cert);
    set('status', result.status);
    // Later deploy steps skip on `changed != 'true'` (action.yml, output `changed`): only a new certificate, or one
    // put somewhere.
    if (result.status)
        set('changed', String(result.changed ?? CHANGES.has(result.status)));
    set('order-id', result.orderId);
    set('instance-id', result.instanceId);
    set('cert-id', result.certId);
    if (cert) {
        set('certificate', cert.leafPem);
        setOutput('certificate-chain', cert.chainPems.join(''));
        set('fullchain', cert.fullchainPem);
        set('private-key', cert.privateKeyPem);
        set('not-before', isoSeconds(cert.info.notBefore));
        set('not-after', isoSeconds(cert.info.notAfter));
        set('days-remaining', daysRemaining(cert.info.notAfter, now));
        set('fingerprint-sha256', cert.info.fingerprintSha256);
        set('domains', cert.info.names.join(','));
    }
    const challenge = result.challenge;
    if (challenge?.method === 'DNS') {
        set('validation-record-domain', challenge.recordDomain);
        set('validation-record-type', challenge.recordType);
        set('validation-record-value', challenge.recordValue);
        set('validation-record-name', result.recordNames?.join(','));
    }
    else if (challenge?.method === 'FILE') {
        set('validation-file-uri', challenge.uri);
        set('validation-file-content', challenge.content);
    }
    if (result.quota) {
        set('quota-total', result.quota.total);
        set('quota-used', result.quota.used);
        set('quota-issued', result.quota.issued);
    }
    const cdnNotAfter = reportOf(result, 'status')?.cdn?.notAfter;
    if (cdnNotAfter) {
        set('cdn-not-after', isoSeconds(cdnNotAfter));
        set('cdn-days-remaining', daysRemaining(cdnNotAfter, now));
    }
    const list = reportOf(result, 'list');
    if (list)
        set('certificates', JSON.stringify(listedCertificatesJson(list.certificates, now)));
    const plan = reportOf(result, 'plan')?.plan;
    if (plan) {
        set('matrix', JSON.stringify(plan.matrix));
        set('due-count', plan.dueCount);
    }
    for (const [name, path] of Object.entries(files))
        set(name, path);
}
/** The output `certificates`: one object per certificate held at the service (fields: docs/held-certificates.md). */
function listedCertificatesJson(certificates, now) {
    return certificates.map((c) => ({
        id: c.id,
        name: c.name,
        domains: c.domains,
        // A day the service gave without a time stays that day (docs/held-certificates.md).
        'not-after': c.notAfterDay ?? (c.notAfter ? isoSeconds(c.notAfter) : null),
        'days-remaining': c.notAfter ? daysRemaining(c.notAfter, now) : null,
        source: c.source,
    }));
}

// The job summary: what was done, for whom, until when. Never a key.
function renderSummary(result, domains, now) {
    const rows = [['Status', result.status]];
    if (domains.length > 0)
        rows.push(['Domains', domains.join(', ')]);
    if (result.orderId)
        rows.push(['Order id', result.orderId]);
    if (result.instanceId)
        rows.push(['Instance id', result.instanceId]);
    if (result.state)
        rows.push(['Order state', result.state]);
    if (result.certId)
        rows.push(['Certificate id', result.certId]);
    const info = result.certificate?.info;
    if (info) {
        rows.push(['Certificate names', info.names.join(', ')]);
        rows.push(['Not after', isoSeconds(info.notAfter)]);
        rows.push(['Days remaining', String(daysRemaining(info.notAfter, now))]);
        rows.push(['SHA-256 fingerprint', info.fingerprintSha256]);
    }
    if (result.quota) {
        const q = result.quota;
        rows.push([
            'Quota',
            `${q.used} used of ${q.total}, ${q.issued} issued (${q.productCode || 'default product'})`,
        ]);
    }
    if (result.challenge?.method === 'DNS') {
        const c = result.challenge;
        const names = result.recordNames?.length ? result.recordNames.join(', ') : c.recordDomain;
        rows.push(['Validation record', `${c.recordType} ${names} = ${c.recordValue}`]);
    }
    else if (result.challenge?.method === 'FILE') {
        rows.push([
            'Validation file',
            `${result.challenge.domain}${result.challenge.uri} = ${result.challenge.content}`,
        ]);
    }
    const cdn = reportOf(result, 'status')?.cdn;
    if (cdn) {
        const { certName, notAfter } = cdn;
        rows.push([
            `CDN ${cdn.domain}`,
            notAfter
                ? `${certName ?? 'certificate'} until ${isoSeconds(notAfter)} (${dayCount(daysRemaining(notAfter, now))})`
                : 'no certificate served (HTTPS off)',
        ]);
    }
    rows.push(...result.details);
    if (result.timeline.length > 0) {
        rows.push(['Timeline', result.timeline.map((t) => `${isoSeconds(t.at)} ${t.state}`).join('<br>')]);
    }
    const table = rows.map(([k, v]) => `| ${escapeCell(k)} | ${escapeCell(v)} |`).join('\n');
    return (`### Alibaba Cloud SSL certificate\n\n| | |\n| --- | --- |\n${table}\n${renderOrders(result, now)}` +
        renderInstances(result, now) +
        renderHeldCertificates(result, now) +
        renderPlan(result));
}
const escapeCell = (cell) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/** `list`: the certificates held at the service, soonest expiry first, those due marked. */
function renderHeldCertificates(result, now) {
    const list = reportOf(result, 'list');
    if (!list)
        return '';
    if (list.certificates.length === 0)
        return '\nNo certificates at the service match.\n';
    const window = list.renewBeforeDays;
    const rows = list.certificates.map((c) => {
        const left = c.notAfter ? daysRemaining(c.notAfter, now) : undefined;
        const due = left !== undefined && window !== undefined && left <= window;
        const day = c.notAfterDay ?? (c.notAfter ? isoSeconds(c.notAfter).slice(0, 10) : '');
        const until = c.notAfter ? `${day} (${dayCount(left ?? 0)})` : '';
        const cells = [c.id, c.name, c.domains.join(', '), c.source, until, due ? '**due**' : ''];
        return `| ${cells.map(escapeCell).join(' | ')} |`;
    });
    const header = `| Cert id | Name | Domains | Source | Not after | Within ${window === undefined ? '-' : dayCount(window)} |\n| --- | --- | --- | --- | --- | --- |`;
    return `\n#### Certificates (${list.certificates.length})\n\n${header}\n${rows.join('\n')}\n`;
}
/** The orders a status report concerns, one row each. */
function renderOrders(result, now) {
    const orders = reportOf(result, 'status')?.orders;
    if (!orders)
        return '';
    if (orders.length === 0)
        return '\nNo orders in the order list for these domains.\n';
    const rows = orders.map((o) => {
        const until = o.certEndTime
            ? `${isoSeconds(o.certEndTime)} (${dayCount(daysRemaining(o.certEndTime, now))})`
            : '';
        const cells = [o.orderId, o.domains.join(', '), o.status, o.productCode ?? '', until];
        return `| ${cells.map(escapeCell).join(' | ')} |`;
    });
    const header = '| Order id | Domains | List status | Product | Not after |\n| --- | --- | --- | --- | --- |';
    return `\n#### Orders (${orders.length})\n\n${header}\n${rows.join('\n')}\n`;
}
/** The account's V2.0 instances (`status` of the account), one row each. */
function renderInstances(result, now) {
    const instances = reportOf(result, 'status')?.instances;
    if (!instances || instances.length === 0)
        return '';
    const rows = instances.map((i) => {
        const until = i.notAfter ? `${isoSeconds(i.notAfter)} (${dayCount(daysRemaining(i.notAfter, now))})` : '';
        return `| ${[i.instanceId, i.domains.join(', '), i.status, until].map(escapeCell).join(' | ')} |`;
    });
    const header = '| Instance id | Domains | Status | Not after |\n| --- | --- | --- | --- |';
    return `\n#### V2.0 instances (${instances.length})\n\n${header}\n${rows.join('\n')}\n`;
}
/** `plan`: every certificate of the fleet, fewest days left first (the plan sorts them). */
function renderPlan(result) {
    const plan = reportOf(result, 'plan')?.plan;
    if (!plan)
        return '';
    const rows = plan.entries.map((p) => {
        const notAfter = p.current?.notAfterDay ?? (p.current?.notAfter ? isoSeconds(p.current.notAfter) : '');
        const cells = [
            p.name,
            p.domains.join(', '),
            p.decision,
            p.daysLeft?.toString() ?? '',
            notAfter,
            p.reason,
        ];
        return `| ${cells.map(escapeCell).join(' | ')} |`;
    });
    const header = '| Certificate | Domains | Plan | Days left | Not after | Why |\n| --- | --- | --- | --- | --- | --- |';
    return `\n#### Certificates (${rows.length}), fewest days left first\n\n${header}\n${rows.join('\n')}\n`;
}
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await summary.addRaw(markdown).write();
}

/**
 * A failed run still says what it leaves behind: the order and its validation outputs, and a summary with the
 * order, its state and what is still to do. Never throws: the failure itself is what matters.
 */
async function reportFailure(message, left, orderId, domains, log) {
    const result = left ?? { orderId, timeline: [], details: [] };
    result.orderId ??= orderId;
    try {
        publishOutputs({ ...result, status: undefined }, {}, new Date());
        const summary = { ...result, details: [...result.details, ['Error', message]] };
        await writeSummary(renderSummary({ ...summary, status: 'failed' }, domains, new Date()));
        if (result.deployment)
            await (await import('./deployment.js')).deliverDeployment(result.deployment);
    }
    catch (error) {
        log.debug(`Could not write the failure summary: ${String(error)}`);
    }
}
/**
 * The files under output-dir (checked before the run, src/deliver/output-dir.ts). A failure now still leaves the
 * certificate's outputs and the failed summary: the run's result goes with the error to reportFailure.
 */
async function writeFiles(dir, result, keys) {
    const cert = result.certificate;
    if (!cert)
        return {};
    try {
        return await (await import('./files.js')).writeCertificateFiles(dir, cert, keys);
    }
    catch (error) {
        const { status: _status, ...left } = result;
        const holder = result.orderId
            ? `order ${result.orderId}`
            : result.certId
                ? `certificate ${result.certId}`
                : 'the run';
        throw new FlowError(`input 'output-dir': writing the certificate files failed (${error instanceof Error ? error.message : String(error)}); ` +
            `the certificate's outputs are set and ${holder} holds it: fix output-dir and run again (an issued certificate is reused, not ordered again).`, left);
    }
}
/**
 * The key files of output-dir that lie under RUNNER_TEMP or the workspace, for the post step to remove (README,
 * "keep-files"); a folder elsewhere (a web server's own) is left alone.
 */
async function rememberKeyFiles(dir) {
    const [{ existsSync }, { join, resolve }, { FILE_NAMES }, paths] = await Promise.all([
        Promise.resolve(process.getBuiltinModule('node:fs')),
        Promise.resolve(process.getBuiltinModule('node:path')),
        import('./files.js'),
        Promise.resolve().then(function () { return tempPaths$1; }),
    ]);
    const root = resolve(dir);
    if (!paths.isUnderRunnerFolders(join(root, FILE_NAMES.privateKey), process.env))
        return;
    for (const name of [FILE_NAMES.privateKey, FILE_NAMES.encryptedPrivateKey, FILE_NAMES.pfx]) {
        const path = join(root, name);
        if (existsSync(path))
            paths.rememberKeyFile(path);
    }
}
/** Outputs, files, summary, then the artifact: a failure in the encrypted forms or the upload is raised last. */
async function deliverResult(config, result, domains, log) {
    const now = new Date();
    const cert = result.certificate;
    const wantsFiles = Boolean(config.outputDir || config.artifactName);
    // The encrypted forms of the key are made first, but a failure there is reported only after the outputs and
    // files are written, so that the issued certificate is never lost.
    let keys = {};
    let keyFailure;
    if (cert && wantsFiles) {
        try {
            keys = await (await import('./pfx.js')).protectPrivateKey(cert, config);
        }
        catch (error) {
            keyFailure = error;
        }
    }
    // The key as it leaves the step (re-wrapped, encrypted) is not the form the service sent: masked before any is
    // written, so a later step that prints an output or a file shows asterisks.
    maskPublishedKey(cert, keys);
    // Files, PKCS#12 and the artifact are loaded only when asked for: a no-op run needs none of them.
    const files = config.outputDir && cert ? await writeFiles(config.outputDir, result, keys) : {};
    if (config.outputDir && cert && !config.keepFiles)
        await rememberKeyFiles(config.outputDir);
    publishOutputs(result, files, now);
    await writeSummary(renderSummary(result, domains, now));
    if (result.deployment)
        await (await import('./deployment.js')).deliverDeployment(result.deployment);
    const info = cert?.info;
    log.info(`${result.status}${result.orderId ? `: order ${result.orderId}` : ''}` +
        `${result.instanceId ? `: instance ${result.instanceId}` : ''}` +
        `${info ? `, valid until ${info.notAfter.toISOString()}` : ''}`);
    if (cert && (config.pfxPassword || config.privateKeyPassphrase))
        for (const warning of (await import('./pfx.js')).unusedKeyInputs(cert, config, wantsFiles))
            log.warning(warning);
    if (keyFailure !== undefined) {
        throw new Error(`Encrypting the private key for pfx-password or private-key-passphrase failed ` +
            `(${keyFailure instanceof Error ? keyFailure.message : String(keyFailure)}); ` +
            'the certificate was still delivered through the step outputs.');
    }
    if (!config.artifactName)
        return;
    if (!cert) {
        log.info(`artifact-name: no certificate in this run (${result.status}), so no artifact is uploaded.`);
        return;
    }
    const { deliverArtifact } = await import('./artifact.js');
    const artifact = await deliverArtifact(config.artifactName, cert, keys, config.artifactRetentionDays);
    const id = artifact.id === undefined ? '' : ` (artifact id ${artifact.id})`;
    log.info(`Uploaded artifact ${config.artifactName}${id}: ${artifact.files.join(', ')}.`);
    await writeSummary(`\nArtifact \`${config.artifactName}\`${id}: ${artifact.files.join(', ')}.\n`);
}

// Pure: `certificate-api: auto` — which API serves this run, and why, from what the account shows
// (docs/certificate-apis.md). The caller gathers the facts lazily: `need` names the next one to read.
/**
 * An instance already used for exactly these domains, to resume or reuse before a new one: pending, or issued and
 * not due by `dueBy` (an issued instance cannot apply again, so a due one makes way for an inactive one).
 */
function instanceForDomains(instances, domains, dueBy) {
    const wanted = [...new Set(domains.map((d) => d.toLowerCase()))].sort().join(',');
    const due = (i) => dueBy !== undefined && i.notAfter !== undefined && i.notAfter <= dueBy;
    return instances.find((i) => (i.state === 'pending' || (i.state === 'issued' && !due(i))) &&
        [...new Set(i.domains)].sort().join(',') === wanted &&
        wanted !== '');
}
function firstInactive(instances, certificateType) {
    return instances.find((i) => i.state === 'inactive' && (i.certificateType ?? 'DV').toUpperCase() === certificateType.toUpperCase());
}
/**
 * The documented rule (docs/certificate-apis.md, `auto`), with one guard first so a scheduled run stays idempotent: an order already serving these domains
 * (in flight, or issued and not due) keeps the order API whatever the quota says.
 */
function chooseCertificateApi(facts, domains) {
    if (facts.requested !== 'auto')
        return { api: facts.requested, reason: `certificate-api is ${facts.requested}` };
    if (facts.instanceId)
        return { api: 'instance', reason: `instance-id ${facts.instanceId} is given` };
    if (facts.orderId)
        return { api: 'order', reason: `order-id ${facts.orderId} is given` };
    if (domains.length > 0 && !facts.ordersChecked)
        return { need: 'orders' };
    if (facts.activeOrderId) {
        return { api: 'order', reason: `order ${facts.activeOrderId} already serves these domains` };
    }
    if (!facts.quota)
        return { need: 'quota' };
    const q = facts.quota;
    const product = q.productCode || facts.productCode || 'the default product';
    const room = q.total - q.used;
    if (room > 0)
        return { api: 'order', reason: `${room} of ${q.total} left in the V1.0 quota of ${product}` };
    const noQuota = `no V1.0 quota left for ${product} (${q.used} of ${q.total} used)`;
    if (!facts.instances && !facts.instancesError)
        return { need: 'instances' };
    const instances = facts.instances ?? [];
    const held = instanceForDomains(instances, domains, facts.dueBy);
    if (held) {
        return {
            api: 'instance',
            instanceId: held.instanceId,
            reason: `${noQuota}; instance ${held.instanceId} already holds these domains (${held.serviceStatus})`,
        };
    }
    const inactive = firstInactive(instances, facts.certificateType);
    if (inactive) {
        return {
            api: 'instance',
            instanceId: inactive.instanceId,
            reason: `${noQuota}; ${inactive.instanceId} is an inactive ${facts.certificateType} instance`,
        };
    }
    const instanceLack = facts.instancesError
        ? `the V2.0 instance API did not answer (${facts.instancesError})`
        : `the V2.0 instance API has no inactive ${facts.certificateType} instance (${instances.length} instance(s) listed)`;
    return {
        error: `certificate-api auto found no room in either certificate API: the 2020 order API has ${noQuota}, and ` +
            `${instanceLack}; buy a certificate package or a V2.0 instance, or cancel an unused order to return its quota.`,
    };
}

// The low vocabulary of certificate orders that config, services, authorities and flows share. Pure types and the
// order list's statuses; the "about to expire" status is spelled WILLEXPRIED in the 2020-04-07 reference and
// WILLEXPIRED by the SDK and newer pages: both are read as one (docs/vendor-facts.md).
const LIST_STATUSES = [
    'PAYED',
    'CHECKING',
    'CHECKED_FAIL',
    'ISSUED',
    'WILLEXPIRED',
    'EXPIRED',
    'NOTACTIVATED',
    'REVOKED',
];
const SPELLINGS = { WILLEXPRIED: 'WILLEXPIRED' };
function parseListStatus(raw) {
    const upper = (raw ?? '').trim().toUpperCase();
    const known = SPELLINGS[upper] ?? upper;
    return LIST_STATUSES.includes(known) ? known : 'UNKNOWN';
}
/** Issued and still valid: about to expire counts. */
const isIssued = (status) => status === 'ISSUED' || status === 'WILLEXPIRED';
/** Waiting for validation or the CA. */
const isInFlight = (status) => status === 'CHECKING';
/** The issued order that lasts longest. */
function latestIssued(orders) {
    return orders
        .filter((o) => isIssued(o.status))
        .sort((a, b) => (b.certEndTime?.getTime() ?? 0) - (a.certEndTime?.getTime() ?? 0))[0];
}
/** A free product (`digicert-free-1-free`): it cannot be renewed in place. */
function isFreeProduct(productCode) {
    return productCode !== undefined && /(^|-)free(-|$)/i.test(productCode);
}

// Shared by renew, cancel, revoke and status: an existing order and its list entry, as they are.
/** How the order list shows an order in each state (docs/vendor-facts.md, order list statuses). */
const LIST_STATUS_OF_STATE = {
    domain_verify: 'CHECKING',
    process: 'CHECKING',
    verify_fail: 'CHECKED_FAIL',
    payed: 'PAYED',
    // DescribeCertificateState has no state for a revoked order; it reads as unknown.
    unknow: 'REVOKED',
};
function isOrderNotFound(error) {
    return error instanceof AliyunApiError && error.code === 'NotFoundOrder';
}
function isOrderStateError(error) {
    return error instanceof AliyunApiError && !error.outcomeUnknown && error.code === 'OrderStateError';
}
/** Reads after the first that an order must read as unknown on before the flows believe it. */
const UNKNOWN_STATE_CONFIRMATIONS = 2;
/**
 * The order's state. An unknown state (`unknow`, or a Type this action does not know) is read again, a second
 * apart, before it is believed: the service has answered it for a moment on orders that then went on, and an
 * order taken for gone would be ordered again (docs/faults.md, "No hang"). It is never success.
 */
async function readOrder(ctx, orderId) {
    let status = await ctx.authorities.order.describeOrder(orderId);
    for (let again = 1; again <= UNKNOWN_STATE_CONFIRMATIONS && status.state === 'unknow'; again++) {
        ctx.log.info(`Order ${orderId} reads as 'unknow': reading it again to be sure.`);
        await ctx.sleep(1000);
        status = await ctx.authorities.order.describeOrder(orderId);
    }
    return status;
}
/** The order's state, or undefined when the service does not know the order (NotFoundOrder). */
async function describeExistingOrder(ctx, orderId) {
    try {
        return await readOrder(ctx, orderId);
    }
    catch (error) {
        if (isOrderNotFound(error))
            return undefined;
        throw error;
    }
}
function requireOrderId(ctx) {
    const orderId = ctx.config.orderId;
    if (!orderId)
        throw new FlowError(`mode ${ctx.config.mode} needs the input order-id.`);
    return orderId;
}
/**
 * The order's entry in ListUserCertificateOrder (product, names, dates, list status), found by the names it is
 * for when they are known, else by the list status its state shows as. Undefined when neither finds it.
 */
async function findOrderSummary(ctx, orderId, hint) {
    const first = hint.domains?.[0];
    if (first) {
        const found = (await ctx.authorities.order.listOrders({ keyword: validationBaseName(first) })).find((o) => o.orderId === orderId);
        if (found)
            return found;
    }
    const status = hint.state && LIST_STATUS_OF_STATE[hint.state];
    if (!status)
        return undefined;
    return (await ctx.authorities.order.listOrders({ status })).find((o) => o.orderId === orderId);
}

// Finding the order that already serves an intent, so that nothing is ordered twice.
/** Orders of exactly these domains (and this product, when one was named), newest first. */
async function listOrdersForDomains(authority, domains, productCode) {
    const first = domains[0];
    if (!first)
        return [];
    const all = await authority.listOrders({ keyword: validationBaseName(first) });
    return all
        .filter((o) => sameDomainSet(o.domains, domains))
        .filter((o) => !productCode || !o.productCode || o.productCode === productCode)
        .sort((a, b) => compareIds(b.orderId, a.orderId));
}
function inFlightOrder(orders) {
    return orders.find((o) => isInFlight(o.status));
}
/**
 * A create call was sent and no clear answer came back. The quota's used count tells whether it took effect;
 * if it did, find the new order and adopt it. Only a create proven not to have happened may be sent again.
 */
async function reconcileUncertainCreate(ctx, error, before, domains, productCode) {
    const { log } = ctx;
    const authority = ctx.authorities.order;
    log.warning(`${error.describe()}; checking whether the order was created before doing anything else.`);
    for (let check = 1; check <= 5; check++) {
        const orders = await listOrdersForDomains(authority, domains, productCode);
        const created = orders.find((o) => !before.knownOrderIds.has(o.orderId) && o.status !== 'REVOKED');
        if (created) {
            log.info(`The uncertain create did take effect: adopting order ${created.orderId}.`);
            return created.orderId;
        }
        const quota = await authority.describePackageState(productCode);
        if (quota.used <= before.used) {
            log.info('The uncertain create did not take effect (quota unchanged): it is safe to order.');
            return undefined;
        }
        await ctx.sleep(Math.min(2_000 * check, 10_000));
    }
    throw new FlowError(`${error.action} may have created an order for ${domains.join(', ')} that cannot be found yet; ` +
        'run again later: the next run resumes it instead of ordering twice.');
}
function compareIds(a, b) {
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
/**
 * Two runs for the same names (a schedule and a manual dispatch) may both have found nothing in flight and both
 * ordered. After ordering, look again: once this run's own order is listed (the list may lag behind a create),
 * every order created before it is listed too, so of the in-flight orders for these names the oldest is kept and
 * the others are cancelled and deleted, which returns their quota. Each run does the same and so lands on the
 * same order (docs/faults.md, "Nothing ordered twice").
 */
async function convergeOnOldestOrder(ctx, domains, productCode, ownId) {
    const { log } = ctx;
    const authority = ctx.authorities.order;
    for (let look = 1; look <= 5; look++) {
        const orders = await listOrdersForDomains(authority, domains, productCode);
        const inFlight = orders
            .filter((o) => isInFlight(o.status))
            .sort((a, b) => compareIds(a.orderId, b.orderId));
        const own = orders.find((o) => o.orderId === ownId);
        // Not listed: the list lags, or the other run withdrew this order already (then it kept an older one).
        // Withdrawn means cancelled (PAYED) or deleted; an order that moved on (validated, issued) is this run's still.
        const withdrawn = own ? own.status === 'PAYED' : await isGone(ctx, ownId);
        if (withdrawn) {
            // The run that withdrew it kept an older order, which may have been issued since.
            const issuedOlder = orders
                .filter((o) => isIssued(o.status) && compareIds(o.orderId, ownId) < 0)
                .sort((a, b) => compareIds(b.orderId, a.orderId));
            const kept = inFlight[0]?.orderId ?? issuedOlder[0]?.orderId;
            if (!kept)
                throw new FlowError(`Order ${ownId} was withdrawn by another run, and no order for ${domains.join(', ')} is in flight; run again.`);
            log.notice(`Order ${ownId} was withdrawn by another run ordering at the same time: continuing with ${kept}, the oldest.`);
            return { keptId: kept, cancelled: [ownId] };
        }
        if (own) {
            const kept = inFlight[0]?.orderId ?? ownId;
            const others = inFlight.map((o) => o.orderId).filter((id) => id !== kept);
            if (others.length === 0)
                return { keptId: ownId, cancelled: [] };
            log.notice(`${others.length + 1} orders for ${domains.join(', ')} are in flight (another run ordered at the same ` +
                `time): keeping the oldest, ${kept}; cancelling and deleting ${others.join(', ')}.`);
            for (const id of others)
                await withdrawOrder(ctx, id);
            return { keptId: kept, cancelled: others };
        }
        await ctx.sleep(Math.min(500 * look, 2_000));
    }
    log.info(`Order ${ownId} is not in the order list yet, so it cannot be compared with other runs' orders.`);
    return { keptId: ownId, cancelled: [] };
}
async function isGone(ctx, orderId) {
    const status = await describeExistingOrder(ctx, orderId);
    return status === undefined || status.state === 'payed';
}
/** Cancel then delete, each tolerating that another run did it first; a failure is a warning, not the run's end. */
async function withdrawOrder(ctx, orderId) {
    const tolerated = (error) => error instanceof Error &&
        'code' in error &&
        (error.code === 'NotFoundOrder' || error.code === 'OrderStateError');
    for (const step of [
        () => ctx.authorities.order.cancelOrder(orderId),
        () => ctx.authorities.order.deleteOrder(orderId),
    ]) {
        try {
            await step();
        }
        catch (error) {
            if (tolerated(error))
                continue;
            ctx.log.warning(`Could not withdraw the duplicate order ${orderId} (${error instanceof Error ? error.message : String(error)}); ` +
                `cancel it with mode: cancel and order-id ${orderId}.`);
            return;
        }
    }
}

// Which certificate source serves an `issue` run: the pure decision of authority/choose.ts, fed with what the
// account shows, read only as far as the decision needs, and logged in one line that says which API and why.
async function resolveCertificateApi(ctx, domains) {
    const { config, log } = ctx;
    const facts = {
        requested: config.certificateApi,
        instanceId: config.instanceId,
        orderId: config.orderId,
        certificateType: config.certificateType,
        productCode: config.productCode,
        dueBy: dueBy(ctx),
    };
    let orders;
    for (;;) {
        const choice = chooseCertificateApi(facts, domains);
        if ('error' in choice)
            throw new FlowError(choice.error);
        if ('api' in choice) {
            // Explicit choices need no line; a decision the action made says which API and why.
            if (config.certificateApi === 'auto')
                log.info(`Certificate API: ${choice.api} (auto: ${choice.reason}).`);
            const quota = choice.api === 'order' ? facts.quota : undefined;
            return { ...choice, orders, instances: facts.instances, ...(quota ? { quota } : {}) };
        }
        if (choice.need === 'orders') {
            orders = await listOrdersForDomains(ctx.authorities.order, domains, config.productCode);
            facts.ordersChecked = true;
            facts.activeOrderId = activeOrder(ctx, orders)?.orderId;
        }
        else if (choice.need === 'quota') {
            facts.quota = await ctx.authorities.order.describePackageState(config.productCode);
        }
        else {
            try {
                facts.instances = await ctx.authorities.instance.listInstances();
            }
            catch (error) {
                // An account or a site without the V2.0 API answers with a service error: that API has no room.
                if (!(error instanceof AliyunApiError) || error.outcomeUnknown)
                    throw error;
                facts.instancesError = error.code;
            }
        }
    }
}
/** A certificate that ends by then is due. */
function dueBy(ctx) {
    return new Date(ctx.now().getTime() + ctx.config.renewBeforeDays * 86_400_000);
}
/** In flight, or issued with more days left than renew-before-days: the order API keeps serving these domains. */
function activeOrder(ctx, orders) {
    const now = ctx.now();
    return (inFlightOrder(orders) ??
        orders.find((o) => isIssued(o.status) && o.certEndTime && daysRemaining(o.certEndTime, now) > ctx.config.renewBeforeDays));
}

// Pure: back-off across runs after an order failed review (verify_fail), as cert-manager backs off a failed
// request: the next order waits 1 h, then 2 h, 4 h … up to 32 h, unless the inputs that shape the order changed
// (then the user fixed something and the next run orders at once). Kept beside the resume record
// (src/action/state.ts); docs/faults.md, "Nothing ordered twice".
const FIRST_BACKOFF_MS = 3_600_000;
const MAX_BACKOFF_MS = 32 * 3_600_000;
/** A hash of everything that changes what is ordered or how it is validated. */
function inputsKey(config, domains) {
    const shape = {
        domains: [...domains].sort(),
        product: config.productCode ?? '',
        operation: config.createOperation,
        csr: config.csr ?? '',
        validation: config.validationMethod,
        provider: config.dnsProvider,
        hook: config.dnsHook ?? '',
        root: config.fileValidationRoot ?? '',
        contact: config.contact,
    };
    return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 32);
}
function backoffDelayAfter(failures) {
    return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}
/** The record after one more failed review at `now`. */
function afterFailedReview(previous, inputs, now) {
    const failures = previous && previous.inputs === inputs ? previous.failures + 1 : 1;
    return { failures, inputs, nextTryAt: new Date(now.getTime() + backoffDelayAfter(failures)).toISOString() };
}
/** When ordering must wait: the record is for these inputs and its time has not come. */
function backoffUntil(record, inputs, now) {
    if (!record || record.inputs !== inputs || record.failures <= 0)
        return undefined;
    const at = new Date(record.nextTryAt);
    return Number.isNaN(at.getTime()) || at.getTime() <= now.getTime() ? undefined : at;
}

// What validation left in the world, kept in one ledger that is persisted (GITHUB_STATE) on every change,
// so that the post step can remove it when the main step died before its own cleanup.
// Items hold record ids, zones, record names and file paths only: never a key or a secret.
/** A ledger that calls `persist` with every item still to remove, after each change. */
function createCleanupLedger(persist) {
    const items = [];
    return {
        add(item) {
            items.push(item);
            persist([...items]);
        },
        remove(item) {
            const at = items.indexOf(item);
            if (at < 0)
                return;
            items.splice(at, 1);
            persist([...items]);
        },
        items: () => [...items],
    };
}
/** A non-empty string field of a saved item. */
const isText = (value) => typeof value === 'string' && value !== '';
function ownedItems(ledger, remove) {
    const owned = [];
    return {
        add(item) {
            owned.push(item);
            ledger.add(item);
        },
        async removeAll() {
            for (const item of [...owned]) {
                if (await remove(item)) {
                    ledger.remove(item);
                    owned.splice(owned.indexOf(item), 1);
                }
            }
        },
    };
}

// Which DNS names a challenge asks for, and which zone of the account (and which RR in it) holds each.
// RecordDomain is a host record relative to the zone, or a full name (docs/validation-records.md).
const normalise = (name) => name.trim().toLowerCase().replace(/\.$/, '');
const isUnder = (name, zone) => name === zone || name.endsWith(`.${zone}`);
/** `_dnsauth.www.example.com` → the `_` labels (`_dnsauth`) and the name they validate (`www.example.com`). */
function splitRecordName(full) {
    const labels = full.split('.');
    const at = Math.max(labels.findIndex((label) => !label.startsWith('_')), 0);
    return { prefix: labels.slice(0, at).join('.'), subject: labels.slice(at).join('.') };
}
/**
 * Full record names for a challenge's RecordDomain, one per validated name (a wildcard validates at its base).
 * RecordDomain is relative to a domain's zone (`_dnsauth.www` → `_dnsauth.www.example.com`) or a full name; never
 * appended to the ordered name. The domain it names may be any of the order's (the service's order of names is not
 * ours). The other domains take the same leading `_` labels under their own names; a `www.` name also under its
 * base, where DigiCert validates it. An empty list: no domains.
 */
function validationRecordNames(recordDomain, domains, zoneOf) {
    const record = normalise(recordDomain);
    const bases = [...new Set(domains.map((d) => validationBaseName(normalise(d))))];
    if (bases.length === 0)
        return [];
    const zones = bases.map((b) => normalise(zoneOf(b) ?? b));
    const speaksOf = (full) => {
        const { subject } = splitRecordName(full);
        return bases.includes(subject) || bases.includes(`www.${subject}`);
    };
    let full;
    if (record === '' || record === '@')
        full = zones[0] ?? '';
    else if ([...zones, ...bases].some((zone) => isUnder(record, zone)))
        full = record;
    else {
        const candidates = zones.map((zone) => `${record}.${zone}`);
        full = candidates.find(speaksOf) ?? candidates[0] ?? record;
    }
    const { prefix, subject } = splitRecordName(full);
    if (!prefix)
        return [full];
    const names = [full];
    for (const base of bases) {
        if (base === subject)
            continue;
        // The service named the base of `www.<subject>` alone: DigiCert validates that www name there.
        if (base === `www.${subject}` && !bases.includes(subject))
            continue;
        names.push(`${prefix}.${base}`);
        if (base.startsWith('www.') && base.slice(4) !== subject)
            names.push(`${prefix}.${base.slice(4)}`);
    }
    return [...new Set(names)];
}
/** The account's zone that is the longest suffix of `name` (on a label boundary), and the RR within it. */
function zoneForName(name, zones) {
    const fqdn = normalise(name);
    let best;
    for (const raw of zones) {
        const zone = normalise(raw);
        if (zone === '')
            continue;
        const isSuffix = fqdn === zone || fqdn.endsWith(`.${zone}`);
        if (isSuffix && (best === undefined || zone.length > best.length))
            best = zone;
    }
    if (best === undefined)
        return undefined;
    return { zone: best, rr: fqdn === best ? '@' : fqdn.slice(0, -(best.length + 1)) };
}
/** The host labels a validation record may carry: the one the certificate APIs document (docs/validation-records.md). */
const VALIDATION_LABELS = ['_dnsauth'];
/** The one label of an ACME DNS-01 challenge (RFC 8555 section 8.4); a CAS answer naming it is still refused. */
const ACME_VALIDATION_LABELS = ['_acme-challenge'];
/** A validation token as the services give it (letters, digits, `.`, `_`, `-`), as one TXT string holds it. */
const TOKEN = /^[A-Za-z0-9._-]{1,255}$/;
const HOST_LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})+$`, 'i');
const shown = (value) => (value.length > 80 ? `${value.slice(0, 77)}...` : value);
/**
 * Pure: why these records of a DNS challenge must not be written (or deleted), or undefined. The answer that names
 * them is not trusted: only TXT records (CNAME where the instance API may ask for one), only a validation label
 * directly under an ordered name (a `www.` name also at its base, where DigiCert validates it), only a token's
 * characters. Both readings of RecordDomain give such names for a real answer (docs/validation-records.md).
 */
function dnsChallengeProblem(challenge, names, domains) {
    const type = challenge.recordType.trim().toUpperCase();
    const types = challenge.cnameAllowed ? ['TXT', 'CNAME'] : ['TXT'];
    if (!types.includes(type))
        return `asks for a ${type} record, and validation writes only ${types.join(' or ')}`;
    const value = challenge.recordValue;
    if (type === 'CNAME' ? !HOST_NAME.test(value.replace(/\.$/, '')) : !TOKEN.test(value)) {
        return (`gives the value '${shown(value)}', which ` +
            (type === 'CNAME'
                ? 'is not a host name'
                : 'is not a validation token (at most 255 letters, digits, dots, underscores and hyphens)'));
    }
    const bases = domains.map((d) => validationBaseName(normalise(d)));
    const subjects = new Set([...bases, ...bases.filter((b) => b.startsWith('www.')).map((b) => b.slice(4))]);
    const labels = challenge.acme ? ACME_VALIDATION_LABELS : VALIDATION_LABELS;
    for (const name of names) {
        const [label = '', ...rest] = normalise(name).split('.');
        if (!labels.includes(label) || !subjects.has(rest.join('.'))) {
            return (`names the record '${name}', which is not ${labels.join(' or ')} under one of the ordered ` +
                `names (${domains.join(', ') || 'none known'})`);
        }
    }
    return undefined;
}
/**
 * The record names an order's DNS challenge needs, or a FlowError when they cannot be known or are not validation
 * records of the ordered names (dnsChallengeProblem).
 */
function requiredRecordNames(challenge, domains, orderId, zoneOf) {
    const names = validationRecordNames(challenge.recordDomain, domains, zoneOf);
    if (names.length === 0) {
        throw new FlowError(`Order ${orderId} asks for the ${challenge.recordType} record '${challenge.recordDomain}' relative to ` +
            'its domains, which this run does not know: give the domains input along with order-id.');
    }
    const problem = dnsChallengeProblem(challenge, names, domains);
    if (problem) {
        throw new FlowError(`The service's DNS challenge for ${orderId} ${problem}: refusing to write it, since it is no validation ` +
            'record of this certificate. Look at the order in the console (mode: status shows what the service says).');
    }
    return names;
}
/** Zones from the account's list (longest suffix) when given, else the registrable domain of the name. */
async function zoneResolver(zones) {
    const registrable = await loadRegistrableDomain();
    return (name) => (zones && zoneForName(name, zones)?.zone) || registrable(name);
}

// Picks the validation strategy that the settings ask for: FILE challenges go to the web root (or the user),
// DNS challenges to the configured provider (registry.ts). Everything made is kept in one cleanup ledger.
/**
 * What every strategy of this run still has to remove, by order (or instance entry): an instance's validation list
 * has one strategy per name, and the post step must see all of their items, not the last one's.
 */
const openItems = new Map();
async function createValidationStrategy(deps, orderId) {
    const { settings } = deps;
    const persist = (items) => {
        openItems.set(orderId, items);
        deps.rememberCleanup([...openItems.values()].flat());
    };
    const providerDeps = { ...deps, ledger: createCleanupLedger(persist), orderId };
    const record = (await loadDnsProvider(settings.dnsProvider)).create(providerDeps);
    const file = (settings.fileRoot ? await loadFileProvider() : await loadDnsProvider('manual')).create(providerDeps);
    return {
        present: (challenge, domains) => challenge.method === 'FILE' ? file.present(challenge, domains) : record.present(challenge, domains),
        async cleanup() {
            await file.cleanup();
            await record.cleanup();
        },
    };
}
/**
 * Before ordering with alidns: the validated names (a wildcard's base) that no zone in the account holds. Their
 * records could never be written, so the caller stops before an order costs quota.
 */
async function namesWithoutZone(dns, domains) {
    const zones = await dns.listZones();
    const bases = [...new Set(domains.map(validationBaseName))];
    return bases.filter((name) => !zoneForName(name, zones));
}
/**
 * `cancel`: removes what answers an order's DNS challenge through the configured provider: only the validation
 * record's exact name, type and value (the order's own token), never a record the answer names otherwise
 * (dnsChallengeProblem). Says in a few words what was done; never fails the run (the order itself is gone already).
 */
async function removeChallengeRecords(challenge, domains, { validationSettings: settings, dns, log }) {
    if (challenge.method !== 'DNS')
        return 'not applicable';
    const zones = settings.dnsProvider === 'alidns' ? await dns?.listZones().catch(() => undefined) : undefined;
    const names = validationRecordNames(challenge.recordDomain, domains, await zoneResolver(zones));
    if (names.length === 0) {
        log.warning(`The order's names are unknown, so its validation records cannot be looked up; remove any ` +
            `${challenge.recordType} record with the value ${challenge.recordValue} yourself (or give the domains input).`);
        return 'not looked up (names unknown)';
    }
    const problem = dnsChallengeProblem(challenge, names, domains);
    if (problem) {
        log.warning(`The service's DNS challenge ${problem}: no record is removed for it.`);
        return `not removed: the service's answer ${problem}`;
    }
    const provider = await loadDnsProvider(settings.dnsProvider);
    return provider.removeForChallenge
        ? provider.removeForChallenge(challenge, names, { settings, dns, log })
        : 'nothing to remove';
}

// `issue`'s rule for a certificate a source already holds for these names (docs/fleet.md): handed out again while
// it has more days left than the renewal window (capped at a third of its lifetime), else it is due.
/** The `unchanged` result handing the held certificate out again, or undefined when it is due. */
async function reuseUnlessDue(ctx, held, accept, ids) {
    const window = renewalWindowDays(ctx.config.renewBeforeDays, held.info);
    if (held.left <= window.days) {
        ctx.onDueCertificate?.(held.info.notAfter);
        ctx.log.info(`${held.label} expires in ${dayCount(held.left)} (renew within ${window.days})${held.whenDue}.`);
        return undefined;
    }
    const certificate = await accept();
    ctx.log.info(`${held.label} is issued with ${dayCount(held.left)} left: reusing it.`);
    // No timeline: a row stamped with this run's time would read as when it was issued.
    const reused = [
        'Reused',
        `${held.label} (${held.state}), valid since ${isoSeconds(held.info.notBefore)}: not issued by this run`,
    ];
    return {
        status: 'unchanged',
        ...ids,
        certificate,
        timeline: [],
        details: [...(ids.details ?? []), reused],
    };
}

// A certificate a run hands out (issue, renew, download): checked, and a failed check told as the run's failure.
// Apart from certificate.ts, which stays below the flows' error vocabulary (errors.ts reads result.ts, which
// reads certificate.ts).
/** checkIssuedCertificate for a certificate a run hands out: a failed check is the run's failure, naming `what`. */
function acceptCertificate(what, input) {
    try {
        return checkIssuedCertificate(input);
    }
    catch (error) {
        if (error instanceof CertificateCheckError)
            throw new FlowError(`${what} failed its checks: ${error.message}`);
        throw error;
    }
}

// Pure: the next wait between status checks. The ceiling grows from poll-interval (doubling) up to
// max-poll-interval; the wait is drawn uniformly in [poll-interval, ceiling] (full jitter above the floor, as the
// client's retries do), so two runs started together do not poll in step. Bounded by the deadline by the caller.
/** The ceiling of the `check`-th wait (1-based): min(max, first·2^(check−1)). */
function pollCeilingMs(check, schedule) {
    return Math.min(schedule.maxMs, schedule.firstMs * 2 ** Math.max(0, check - 1));
}
/** The `check`-th wait: uniform in [first, ceiling]; the first wait is poll-interval itself. */
function nextPollDelayMs(check, schedule, random = Math.random) {
    const floor = Math.min(schedule.firstMs, schedule.maxMs);
    const ceiling = pollCeilingMs(check, schedule);
    return Math.max(0, Math.round(floor + random() * (ceiling - floor)));
}

const m$1 = /*#__PURE__*/ process.getBuiltinModule('node:dns/promises');
const Resolver = /*#__PURE__*/ (() => m$1.Resolver)();

// dns-wait-propagation: ask the zone's authoritative name servers directly until each serves the new record,
// within a bound, so that a slow propagation costs seconds instead of a failed validation.
/** The `nameServers` option for `dns-resolvers`: those servers for every zone; none given, the zone's own. */
function nameServersOf(settings) {
    const servers = settings.nameServers;
    return servers && servers.length > 0 ? { nameServers: async () => [...servers] } : {};
}
/** Resolves the zone's NS host names to addresses with the system resolver. */
async function authoritativeServers(zone) {
    const system = new Resolver({ timeout: 5_000, tries: 2 });
    const hosts = await system.resolveNs(zone);
    const addresses = [];
    for (const host of hosts) {
        if (isIP(host)) {
            addresses.push(host);
            continue;
        }
        const found = await system.resolve4(host).catch(() => []);
        addresses.push(...found);
    }
    return [...new Set(addresses)];
}
/** Whether `server` answers `name` with `value` (TXT: any string of the set; CNAME: the target). */
async function serverHasRecord(server, record, queryTimeoutMs = 3_000) {
    const resolver = new Resolver({ timeout: queryTimeoutMs, tries: 1 });
    resolver.setServers([server]);
    try {
        if (record.type === 'CNAME') {
            const targets = await resolver.resolveCname(record.name);
            const want = record.value.toLowerCase().replace(/\.$/, '');
            return targets.some((t) => t.toLowerCase().replace(/\.$/, '') === want);
        }
        const texts = await resolver.resolveTxt(record.name);
        return texts.some((chunks) => chunks.join('') === record.value);
    }
    catch {
        return false;
    }
    finally {
        resolver.cancel();
    }
}
/** True when every authoritative server serves the record before the bound; false (and a warning) otherwise. */
async function waitForPropagation(record, options) {
    const { log } = options;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const interval = options.intervalMs ?? 2_000;
    const deadline = Date.now() + options.timeoutMs;
    let servers;
    try {
        servers = await (options.nameServers ?? authoritativeServers)(record.zone);
    }
    catch (error) {
        log.warning(`Could not find the name servers of zone ${record.zone} (${String(error)}); not waiting for ${record.name}.`);
        return false;
    }
    if (servers.length === 0) {
        log.warning(`Zone ${record.zone} has no name server address; not waiting for ${record.name}.`);
        return false;
    }
    let waiting = servers;
    for (;;) {
        const answers = await Promise.all(waiting.map((s) => serverHasRecord(s, record, options.queryTimeoutMs)));
        waiting = waiting.filter((_, i) => !answers[i]);
        if (waiting.length === 0) {
            log.info(`The ${record.type} record ${record.name} is visible at all ${servers.length} name server(s).`);
            return true;
        }
        if (Date.now() + interval > deadline) {
            if (options.failsAfter)
                return false;
            log.warning(`The ${record.type} record ${record.name} is not yet visible at ${waiting.join(', ')} after ` +
                `${Math.round(options.timeoutMs / 1000)}s; carrying on.`);
            return false;
        }
        log.debug(`Waiting for ${record.name} at ${waiting.join(', ')}.`);
        await sleep(interval);
    }
}

// The user creates the record or file: say exactly what, and keep polling.
/** What is still to do, in full: the record's full names, type and value, or the file's URL and content. */
function describeChallenge(challenge, recordNames) {
    if (challenge.method === 'FILE') {
        return `publish http://${challenge.domain}${challenge.uri} with the content '${challenge.content}'`;
    }
    const names = recordNames.length > 0 ? recordNames : [challenge.recordDomain];
    return `create a ${challenge.recordType} record ${names.join(' and ')} with the value '${challenge.recordValue}'`;
}
/**
 * What is still to do when a wait ends: by hand only where no provider writes the record or file; where one does
 * (alidns, hook, file-validation-root), the certificate authority has yet to see what it wrote.
 */
function stillToDo(challenge, recordNames, settings) {
    const byHand = challenge.method === 'FILE' ? settings.fileRoot === undefined : settings.dnsProvider === 'manual';
    if (byHand)
        return describeChallenge(challenge, recordNames);
    const written = challenge.method === 'FILE'
        ? `the file http://${challenge.domain}${challenge.uri} that file-validation-root holds`
        : `the ${challenge.recordType} record ${(recordNames.length > 0 ? recordNames : [challenge.recordDomain]).join(' and ')} = '${challenge.recordValue}' that dns-provider ${settings.dnsProvider} writes`;
    return `let the certificate authority see ${written} (it takes longer: raise wait-timeout)`;
}
/** Full record names of a DNS challenge, by the registrable domains (no zone list is known here). */
async function dnsRecordNames(challenge, domains) {
    if (challenge.method === 'FILE')
        return [];
    return validationRecordNames(challenge.recordDomain, domains, await zoneResolver());
}
const manualProvider = {
    create: ({ log, orderId, settings }) => createManualValidation(log, orderId, settings),
    async removeForChallenge(challenge, names, { log }) {
        if (challenge.method === 'DNS') {
            log.info(`The validation record ${challenge.recordType} ${names.join(', ')} = ${challenge.recordValue} is no ` +
                'longer needed: remove it if you made it.');
        }
        return 'left to you (dns-provider manual)';
    },
};
function createManualValidation(log, orderId, settings) {
    return {
        async present(challenge, domains) {
            const names = await dnsRecordNames(challenge, domains);
            // Not written here, yet a user follows what the notice says: the same refusal as the providers that write.
            const problem = challenge.method === 'DNS' && names.length > 0 && dnsChallengeProblem(challenge, names, domains);
            if (problem) {
                throw new FlowError(`The service's DNS challenge for ${orderId} ${problem}: refusing to ask for it, since it is no ` +
                    'validation record of this certificate. Look at the order in the console.');
            }
            log.notice(`Order ${orderId} waits for domain validation: ${describeChallenge(challenge, names)}.`);
            // An ACME CA looks once, when asked: ask only after the record made by hand is visible (CAS looks itself).
            if (challenge.method === 'DNS' && challenge.acme && settings) {
                await awaitRecordMadeByHand(challenge, names, settings, log);
            }
            return names;
        },
        async cleanup() { },
    };
}
/** How often a record made by hand is looked for: a person takes minutes, a name server answers in milliseconds. */
const BY_HAND_INTERVAL_MS = 5_000;
/**
 * ACME with dns-provider manual: waits within wait-timeout until each record is visible at the zone's name servers
 * (or `dns-resolvers`), else fails without asking the CA, so its authorization stays pending, not failed.
 */
async function awaitRecordMadeByHand(challenge, names, settings, log) {
    const zoneOf = await zoneResolver();
    const timeoutMs = settings.waitTimeoutSeconds * 1000;
    const where = settings.nameServers?.length ? settings.nameServers.join(', ') : "the zone's name servers";
    log.info(`Waiting up to ${settings.waitTimeoutSeconds}s for the record to be visible at ${where}.`);
    for (const name of names) {
        const record = {
            name,
            zone: zoneOf(name) ?? name,
            type: challenge.recordType,
            value: challenge.recordValue,
        };
        const visible = await waitForPropagation(record, {
            log,
            timeoutMs,
            intervalMs: BY_HAND_INTERVAL_MS,
            failsAfter: true,
            ...nameServersOf(settings),
        });
        if (!visible) {
            throw new FlowError(`The ACME CA was not asked to validate: the ${challenge.recordType} record ${name} with the value ` +
                `'${challenge.recordValue}' was not visible at ${where} within wait-timeout (${settings.waitTimeoutSeconds}s). ` +
                'The value belongs to this order alone: create the record while the run waits (raise wait-timeout), ' +
                'or let dns-provider alidns or hook write it.');
        }
    }
}

var manual = /*#__PURE__*/Object.freeze({
    __proto__: null,
    createManualValidation: createManualValidation,
    describeChallenge: describeChallenge,
    dnsRecordNames: dnsRecordNames,
    manualProvider: manualProvider,
    stillToDo: stillToDo
});

// Issuance, shared by issue and renew: wait for an order to be issued (validating it on the way), then check what
// came back; and the certificate of an issued order read as it is, for the modes that only report or act on it.
/** A long wait says where it is at least this often. */
const HEARTBEAT_MS = 30_000;
/**
 * Polls until the order is issued, fails review, or the deadline passes (checking once more at the deadline);
 * presents and cleans up validation.
 */
async function waitForIssuance(ctx, orderId, domains) {
    const { config, log } = ctx;
    ctx.onOrderKnown(orderId);
    const started = ctx.now().getTime();
    const schedule = {
        firstMs: config.pollIntervalSeconds * 1000,
        maxMs: config.maxPollIntervalSeconds * 1000,
        deadline: started + config.waitTimeoutSeconds * 1000,
    };
    const strategy = await ctx.validation(orderId);
    const timeline = [];
    const heartbeat = { lastAt: started };
    let recordNames = [];
    let presented;
    let checks = 0;
    let last;
    try {
        for (;;) {
            const status = await readOrderBeforeDeadline(ctx, orderId);
            if (status === undefined && last)
                return { status: last, timeline, recordNames };
            if (status === undefined)
                throw deadlineBeforeFirstRead(ctx, orderId, timeline);
            last = status;
            if (timeline.at(-1)?.state !== status.state) {
                timeline.push({ at: ctx.now(), state: status.state });
                log.info(`Order ${orderId}: ${status.state}`);
                heartbeat.lastAt = ctx.now().getTime();
            }
            if (status.state === 'domain_verify' && status.challenge) {
                const key = JSON.stringify(status.challenge);
                if (key !== presented) {
                    recordNames = await strategy.present(status.challenge, domains);
                    presented = key;
                }
            }
            else if (status.state === 'certificate') {
                return { status, timeline, recordNames };
            }
            else if (status.state === 'verify_fail') {
                await deleteFailedOrder(ctx, orderId, timeline);
            }
            else if (status.state === 'payed' || status.state === 'unknow') {
                throw new FlowError(`Order ${orderId} is '${status.state}' (withdrawn or unknown), so it will not be issued; ` +
                    `delete it with mode: cancel and order again.`, { orderId, state: status.state, timeline, details: [] });
            }
            const now = ctx.now().getTime();
            if (now >= schedule.deadline)
                return { status, timeline, recordNames };
            checks++;
            const wait = Math.min(nextPollDelayMs(checks, schedule, ctx.random), schedule.deadline - now);
            await sleepWithHeartbeat(ctx, wait, heartbeat, (nextInMs) => {
                const elapsed = Math.round((ctx.now().getTime() - started) / 1000);
                return (`Order ${orderId}: still '${status.state}' after ${elapsed}s of wait-timeout ` +
                    `${config.waitTimeoutSeconds}s; next check in ${Math.ceil(nextInMs / 1000)}s.`);
            });
        }
    }
    finally {
        await strategy.cleanup();
    }
}
/**
 * The order's state, or undefined when the client gave up because its next retry (a throttling hint such as
 * Retry-After: 21600, or a backoff) would end past the run's deadline: then the wait ends as a timeout does,
 * and the order is kept for the next run (docs/faults.md, "No hang").
 */
async function readOrderBeforeDeadline(ctx, orderId) {
    try {
        return await readOrder(ctx, orderId);
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.deadlineReached))
            throw error;
        ctx.log.warning(`${error.describe()}; ending the wait for order ${orderId} as a timeout.`);
        return undefined;
    }
}
function deadlineBeforeFirstRead(ctx, orderId, timeline) {
    return new FlowError(`Order ${orderId} could not be read before wait-timeout ${ctx.config.waitTimeoutSeconds}s ran out (the ` +
        `service is throttling this account); run again with order-id ${orderId} (or the same domains) to resume it.`, { orderId, timeline, details: [['Still to do', 'run again to resume the order']] });
}
/** Sleeps `ms`, logging a line whenever HEARTBEAT_MS has passed since the last one. */
async function sleepWithHeartbeat(ctx, ms, heartbeat, describe) {
    let left = ms;
    while (left > 0) {
        const now = ctx.now().getTime();
        if (now - heartbeat.lastAt >= HEARTBEAT_MS) {
            ctx.log.info(describe(left));
            heartbeat.lastAt = now;
        }
        const chunk = Math.min(left, Math.max(1, HEARTBEAT_MS - (now - heartbeat.lastAt)));
        await ctx.sleep(chunk);
        left -= chunk;
    }
}
/** A failed review never recovers; deleting the order returns its quota (docs/vendor-facts.md, order lifecycle). */
async function deleteFailedOrder(ctx, orderId, timeline) {
    await ctx.authorities.order.deleteOrder(orderId);
    throw new FlowError(`Order ${orderId} failed review (verify_fail) and was deleted, which returned its quota; ` +
        'check that the domains and contact details are right, then run again to order anew.', {
        orderId,
        state: 'verify_fail',
        timeline,
        details: [['Still to do', 'check the domains and contact details, then run again to order anew']],
    });
}
/** Checks an issued order's certificate and key (the authority masked the key when it arrived). */
function acceptIssuedCertificate(ctx, status, domains, expectKey) {
    if (!status.certificate) {
        throw new FlowError(`Order ${status.orderId} is issued but the service returned no certificate; run again.`);
    }
    if (expectKey && !status.privateKey) {
        throw new FlowError(`Order ${status.orderId} is issued but the service returned no private key; ` +
            'an order made with a CSR keeps its key with you: pass the same csr input.');
    }
    // With a csr the key is the user's: one the service sends anyway is never handed out, and the leaf must carry
    // the CSR's public key.
    return acceptCertificate(`The certificate of order ${status.orderId}`, {
        certificatePem: status.certificate,
        ...(expectKey ? { privateKeyPem: status.privateKey } : { csrPem: ctx.config.csr }),
        domains,
        now: ctx.now(),
    });
}
/** The result for an order still waiting when this run's time is up; a failure when fail-on-pending. */
function pendingResult(ctx, outcome, orderId) {
    const { config } = ctx;
    const { state, challenge } = outcome.status;
    const toDo = state === 'domain_verify' && challenge
        ? stillToDo(challenge, outcome.recordNames, ctx.validationSettings)
        : `wait for the certificate authority ('${state}')`;
    const result = {
        status: 'pending',
        orderId,
        challenge,
        recordNames: outcome.recordNames,
        state,
        timeline: outcome.timeline,
        details: [['Still to do', toDo]],
    };
    if (config.failOnPending) {
        throw new FlowError(`Order ${orderId} is still '${state}' after wait-timeout ${config.waitTimeoutSeconds}s; still to do: ` +
            `${toDo}. Run again with order-id ${orderId} (or the same domains) to resume it, or set fail-on-pending: false.`, result);
    }
    return result;
}
/**
 * The certificate of an issued order as it is, without its private key: parsed and chained like one being handed
 * out, but an expired (or not yet valid) one is reported, not refused. The key was masked when the order was read.
 */
function readOrderCertificate(ctx, status) {
    const pem = status.certificate ?? '';
    try {
        const leaf = splitPemBundle(pem)[0];
        if (!leaf)
            throw new CertificateCheckError('The service returned no PEM certificate.');
        const now = momentInsideValidity(describeCertificate(leaf), ctx.now());
        return checkIssuedCertificate({ certificatePem: pem, domains: [], now });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new FlowError(`The certificate of order ${status.orderId} cannot be read (${reason}); run again.`);
    }
}

// The order API's `issue`: reuse what is still good, resume what is in flight, otherwise order once; then validate, wait, fetch.
async function obtainOnOrder(ctx, domains, chosen) {
    const { config, log } = ctx;
    const expectKey = !config.csr;
    let quota;
    let orderId = config.orderId;
    const notes = [];
    if (orderId)
        log.info(`Resuming order ${orderId}.`);
    const inputs = inputsKey(config, domains);
    let backoff;
    if (!orderId) {
        // The order list first: a scheduled run that finds its certificate not due never touches the cache.
        const orders = chosen.orders ?? (await listOrdersForDomains(ctx.authorities.order, domains, config.productCode));
        const reusable = await findReusableCertificate(ctx, orders, domains, expectKey);
        if (reusable)
            return reusable;
        const cached = await cachedOrderInFlight(ctx, domains);
        orderId = cached ?? inFlightOrder(orders)?.orderId;
        if (orderId) {
            log.info(`Order ${orderId} for ${domains.join(', ')} is already in flight: resuming it.`);
        }
        else {
            backoff = await ctx.resume.loadBackoff?.(domains);
            refuseDuringBackoff(ctx, domains, backoff, inputs);
            await checkValidationPossible(ctx, domains);
            // The quota that made auto choose the order API was read a moment ago: not read twice.
            const before = chosen.quota ?? (await checkQuota(ctx));
            const created = await createOrderOnce(ctx, domains, before, new Set(orders.map((o) => o.orderId)));
            const converged = await convergeOnOldestOrder(ctx, domains, config.productCode, created);
            orderId = converged.keptId;
            if (converged.cancelled.length > 0) {
                notes.push([
                    'Concurrent orders',
                    `kept ${converged.keptId} (the oldest); cancelled and deleted ${converged.cancelled.join(', ')}`,
                ]);
            }
            // This run's order took one certificate of the package (unless it was the duplicate, deleted again).
            quota = orderId === created ? { ...before, used: before.used + 1 } : before;
        }
        if (!cached)
            await ctx.resume.save(domains, orderId);
    }
    const outcome = await waitForIssuance(ctx, orderId, domains).catch(async (error) => {
        if (error instanceof FlowError && error.result)
            error.result.quota ??= quota;
        if (error instanceof FlowError && error.result?.state === 'verify_fail') {
            const next = await recordFailedReview(ctx, domains, backoff, inputs, error);
            if (next) {
                throw new FlowError(`${error.message} A new order for these inputs waits until ${next} (back-off: 1 h, doubling, at most 32 h).`, error.result);
            }
        }
        throw error;
    });
    if (outcome.status.state !== 'certificate') {
        try {
            return { ...pendingResult(ctx, outcome, orderId), quota };
        }
        catch (error) {
            if (error instanceof FlowError && error.result)
                error.result.quota = quota;
            throw error;
        }
    }
    const certificate = acceptIssuedCertificate(ctx, outcome.status, domains, expectKey);
    // Issued: a back-off from earlier failed reviews is over.
    if (backoff)
        await ctx.resume.saveBackoff?.(domains, undefined);
    return {
        status: 'issued',
        orderId,
        certId: outcome.status.certId,
        certificate,
        // This run's order is issued now: it counts among the package's issued certificates.
        quota: quota && { ...quota, issued: quota.issued + 1 },
        timeline: outcome.timeline,
        details: notes,
    };
}
/** Back-off across runs after a failed review: no new order before its time, unless the inputs changed. */
function refuseDuringBackoff(ctx, domains, record, inputs) {
    const until = backoffUntil(record, inputs, ctx.now());
    if (!until || !record)
        return;
    const next = until.toISOString().replace(/\.\d{3}Z$/, 'Z');
    throw new FlowError(`The last order for ${domains.join(', ')} failed review (verify_fail, ${record.failures} time(s) in a row ` +
        `with these inputs), so no new order is placed before ${next}; fix the domains, validation or contact ` +
        'inputs (a change of them lifts the wait), or run again after that time.', {
        timeline: [],
        details: [
            [
                'Next try',
                `${next} (back-off after ${record.failures} failed review(s): 1 h, doubling, at most 32 h)`,
            ],
        ],
    });
}
async function recordFailedReview(ctx, domains, previous, inputs, error) {
    if (!ctx.resume.saveBackoff)
        return undefined;
    const stored = previous ?? (await ctx.resume.loadBackoff?.(domains));
    const record = afterFailedReview(stored, inputs, ctx.now());
    if (!(await ctx.resume.saveBackoff(domains, record))) {
        ctx.log.info('No Actions cache service in this run: the back-off after this failed review cannot be kept.');
        return undefined;
    }
    const next = record.nextTryAt.replace(/\.\d{3}Z$/, 'Z');
    error.result?.details.push(['Next try', `not before ${next} (failed review ${record.failures} in a row)`]);
    ctx.log.info(`The next order for ${domains.join(', ')} waits until ${next} (back-off after a failed review).`);
    return next;
}
/**
 * The order an earlier run saved in the cache, only while it is still waiting: an issued, failed or deleted one
 * is left to the order list, which knows whether the certificate is due.
 */
async function cachedOrderInFlight(ctx, domains) {
    const cached = await ctx.resume.load(domains);
    if (!cached)
        return undefined;
    const status = await describeExistingOrder(ctx, cached);
    return status?.state === 'domain_verify' || status?.state === 'process' ? cached : undefined;
}
async function findReusableCertificate(ctx, orders, domains, expectKey) {
    const { config, log } = ctx;
    const issued = latestIssued(orders);
    if (!issued?.certEndTime)
        return undefined;
    const left = daysRemaining(issued.certEndTime, ctx.now());
    const status = await readOrder(ctx, issued.orderId);
    if (status.state !== 'certificate')
        return undefined;
    const certificate = readOrderCertificate(ctx, status);
    const window = renewalWindowDays(config.renewBeforeDays, certificate.info);
    if (window.capped) {
        log.warning(`renew-before-days ${config.renewBeforeDays} is not below the certificate's lifetime, so every run would ` +
            `order anew; using ${dayCount(window.days)} (a third of the lifetime) instead.`);
    }
    return reuseUnlessDue(ctx, {
        label: `Order ${issued.orderId}`,
        left,
        info: certificate.info,
        state: status.state,
        whenDue: ': ordering anew',
    }, () => acceptIssuedCertificate(ctx, status, domains, expectKey), { orderId: issued.orderId, certId: status.certId, details: [] });
}
/** With alidns, every validation record needs a zone in the account: found out before ordering, not after. */
async function checkValidationPossible(ctx, domains) {
    const { config } = ctx;
    if (config.validationMethod !== 'DNS' || config.dnsProvider !== 'alidns')
        return;
    const missing = await namesWithoutZone(ctx.dns, domains);
    if (missing.length > 0) {
        throw new FlowError(`No Alibaba Cloud DNS zone in this account holds ${missing.join(', ')} (input 'domains'), so the validation ` +
            "record cannot be written; add the zone to Alibaba Cloud DNS, or set dns-provider to 'manual' or 'hook'.");
    }
}
async function checkQuota(ctx) {
    const quota = await ctx.authorities.order.describePackageState(ctx.config.productCode);
    if (quota.total - quota.used <= 0) {
        throw new FlowError(`No certificate quota left for product ${quota.productCode || 'default'} (${quota.used} of ${quota.total} used); ` +
            'buy a certificate package, or delete unused orders with mode: cancel to return their quota.');
    }
    return quota;
}
async function createOrderOnce(ctx, domains, quota, knownOrderIds) {
    const { config, log } = ctx;
    const input = {
        operation: config.createOperation,
        productCode: config.productCode,
        domains,
        csr: config.csr,
        validationMethod: config.validationMethod,
        contact: config.contact,
    };
    const create = async () => {
        const { orderId } = await ctx.authorities.order.createOrder(input);
        log.info(`Ordered a certificate for ${domains.join(', ')}: order ${orderId}.`);
        return orderId;
    };
    try {
        return await create();
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        const adopted = await reconcileUncertainCreate(ctx, error, { used: quota.used, knownOrderIds }, domains, config.productCode);
        if (adopted)
            return adopted;
    }
    // Proven not to have happened: one more create. If that one is uncertain too, the error says so and stops.
    return create();
}

// The 2020-04-07 order API as a certificate source (docs/vendor-facts.md, order lifecycle): orders with quota,
// found by the order list. `issue` loads with the entry; the other operations only when a run asks for them.
function createOrderSource(ctx) {
    return {
        api: 'order',
        title: 'the 2020 order API',
        obtain: (domains, chosen) => obtainOnOrder(ctx, domains, chosen),
        describe: async (domains) => (await import('./order-status.js')).describeOrder(ctx, domains),
        renew: async (domains) => (await import('./order-renew.js')).renewOrder(ctx, domains),
        cancel: async (domains) => (await import('./order-cancel.js')).cancelOrder(ctx, domains),
        revoke: async (domains) => (await import('./order-revoke.js')).revokeOrder(ctx, domains),
        describeAccount: async (result) => (await import('./order-status.js')).describeOrderAccount(ctx, result),
        async inventory() {
            // The whole account in one listing (no keyword), whatever the fleet's size: tens of calls for thousands.
            const now = ctx.now();
            const orders = await ctx.authorities.order.listOrders({});
            return { held: orders.map((o) => heldFromOrder(o, now)), noun: 'order(s)', heading: 'Orders read' };
        },
    };
}
function heldFromOrder(o, now) {
    const expired = o.status === 'EXPIRED' || (o.certEndTime ? daysRemaining(o.certEndTime, now) < 0 : false);
    const state = isInFlight(o.status)
        ? 'in-flight'
        : isIssued(o.status) || o.status === 'EXPIRED'
            ? expired
                ? 'expired'
                : 'valid'
            : 'other';
    return {
        source: 'order',
        id: o.orderId,
        domains: o.domains,
        state,
        notBefore: o.certStartTime,
        notAfter: o.certEndTime,
        productCode: o.productCode,
    };
}

const SOURCES = {
    order: async (ctx) => createOrderSource(ctx),
    instance: async (ctx) => (await import('./instance-source.js')).createInstanceSource(ctx),
    'legacy-dv': async (ctx) => (await import('./legacy-dv-source.js')).createLegacyDvSource(ctx),
    acme: async (ctx) => (await import('./acme-source.js')).createAcmeSource(ctx),
};
/**
 * Every source that holds something at the service, in the order the account report and the plan read them: an
 * ACME CA holds nothing there (what it issued and was uploaded is a held certificate).
 */
const SOURCE_APIS = Object.keys(SOURCES).filter((api) => api !== 'acme');
function openSource(ctx, api) {
    return SOURCES[api](ctx);
}
/**
 * The source of a mode that acts on a certificate that exists (renew, cancel, revoke, status): an instance when
 * instance-id names one (of the 2018 DV API with certificate-api legacy-dv), else an order.
 */
function sourceOfExisting(config) {
    if (!config.instanceId)
        return 'order';
    return config.certificateApi === 'legacy-dv' ? 'legacy-dv' : 'instance';
}
/** The answer of a mode whose source leaves the operation out. */
function unsupported(source, operation) {
    const advice = operation === 'renew'
        ? 'order a new certificate with mode: issue, as the scheduled renewal workflow does when it is due.'
        : 'act on it in the Certificate Management Service console.';
    return new FlowError(`${source.title} cannot ${operation} a certificate; ${advice}`);
}

async function issueCertificate(ctx, domains) {
    const chosen = await resolveCertificateApi(ctx, domains);
    return (await openSource(ctx, chosen.api)).obtain(domains, chosen);
}

const LOADERS = {
    issue: async () => issueCertificate,
    renew: async () => (await import('./renew.js')).renewCertificate,
    cancel: async () => (await import('./cancel.js')).cancelOrder,
    revoke: async () => (await import('./revoke.js')).revokeCertificate,
    status: async () => (await import('./status.js')).reportStatus,
    upload: async () => (await import('./upload.js')).uploadCertificate,
    download: async () => (await import('./download.js')).downloadCertificate,
    delete: async () => (await import('./delete.js')).deleteCertificate,
    list: async () => (await import('./list.js')).listCertificates,
    deploy: async () => (await import('./deploy.js')).deployHeldCertificate,
    plan: async () => (await import('./plan.js')).planRenewals,
};
function loadMode(mode) {
    return LOADERS[mode]();
}

/** One line: which site the region picks, and where each product is called. */
function describeEndpoints(config) {
    const site = config.certRegion === 'cn-hangzhou' ? 'China site' : 'international site';
    const { cas, dns, cdn, dcdn, sts } = config.endpoints;
    return `Region ${config.region}: ${site}; endpoints CAS ${cas}, DNS ${dns}, CDN ${cdn}, DCDN ${dcdn}, STS ${sts}.`;
}
/** The notes of this run's inputs: the endpoints line, then a warning per input nothing will read. */
function reportInputs(config, env, log) {
    log.info(describeEndpoints(config));
    if (!isKnownRegion(config.region))
        log.warning(`The region '${config.region}' is not in the list this action knows; it is used because endpoint is set ` +
            '(a region newer than the action).');
    for (const warning of unreadInputWarnings(env, config.mode))
        log.warning(warning);
}
/** output-dir and the deploy resources, every problem naming its input; throws them as one InputError. */
async function checkBeforeRun(config, services) {
    const problems = [];
    if (config.outputDir) {
        const { outputDirProblem } = await import('./output-dir.js');
        const problem = await outputDirProblem(config.outputDir);
        if (problem)
            problems.push({
                input: 'output-dir',
                problem: `(${config.outputDir}) ${problem}; give a folder the job can write, such as \${{ runner.temp }}/certs`,
            });
    }
    // The modes that deploy as their run (deploy) read the resources first anyway; those that deploy after it would
    // have ordered by then.
    if (modeEntry(config.mode).deploys === 'after-run' && wantsDeployment(config.deploy))
        problems.push(...(await services.deploy.preflight()));
    if (problems.length > 0)
        throw new InputError(problems);
}

// Pure: any string of a log line may come from the service (a RecordDomain, a Message, an order's domain). The
// runner reads every stdout line that starts with `::` (or holds `##[`) as a workflow command, so a new line in
// such a string could print `::stop-commands::` and swallow the `::add-mask::` of a key that follows
// (docs/faults.md, "Nothing leaks"). Every line is made inert here, once, for all callers.
/** Control characters but tab, line feed and carriage return (those two have their own treatment). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /\r\n|\r|\n/g;
function escaped(character) {
    if (character === '\n')
        return '\\n';
    if (character === '\r')
        return '\\r';
    if (character === '\r\n')
        return '\\r\\n';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/**
 * `message` as one plain stdout line: line breaks and control characters written as escapes (`\n`, `\u0000`),
 * a leading `::` split (`: :`) and `##[` spaced (`## [`), so the runner reads no command in it.
 */
function inertLogLine(message) {
    return message
        .replace(LINE_BREAK, escaped)
        .replace(CONTROL, escaped)
        .replace(/^(\s*):(?=:)/, '$1: ')
        .replace(/##\[/g, '## [');
}
/**
 * `message` for an annotation or debug command: @actions/core escapes its line breaks (`%0A`), so only the other
 * control characters are written as escapes (and `##[` spaced); a multi-line message stays multi-line there.
 */
function inertAnnotation(message) {
    return message.replace(CONTROL, escaped).replace(/##\[/g, '## [');
}
/** `sink` with every message made inert: info as one plain line, the annotation levels through their escaping. */
function inertLogger(sink) {
    return {
        debug: (message) => sink.debug(inertAnnotation(message)),
        info: (message) => sink.info(inertLogLine(message)),
        notice: (message) => sink.notice(inertAnnotation(message)),
        warning: (message) => sink.warning(inertAnnotation(message)),
    };
}

// The one adapter on @actions/core that main and post share: the logger on the runner, masking of every
// credential source (inputs and environment alike), and the one-sentence failure text.
const ACTION_NAME = 'Alibaba Cloud SSL certificate';
/** Inputs that can hold a credential secret. */
const SECRET_INPUTS = ['access-key-secret', 'security-token', 'acme-eab-hmac-key'];
/** Registers every credential secret the step can see, from inputs and environment, before anything is printed. */
function maskCredentialSources() {
    for (const name of SECRET_INPUTS) {
        const value = getInput(name);
        if (value)
            maskCredential(value);
    }
    for (const value of environmentSecrets(process.env))
        maskCredential(value);
    // `upload`'s private key, masked the moment it is read (whole and line by line); the ACME account key too.
    for (const name of ['private-key', 'acme-account-key']) {
        const key = getInput(name);
        if (key)
            maskMultilineSecret(key);
    }
}
/**
 * A credential as given and percent-encoded once to three times: an echo of the request (a query string, a
 * server's string to sign, which encodes it twice) repeats it so, and the runner masks literal values only.
 * A multi-line value (a private key) is masked whole and line by line (older runners mask single lines only).
 */
function maskCredential(value) {
    maskMultilineSecret(value);
    if (!/[\r\n]/.test(value))
        for (const form of encodedForms(value))
            maskMultilineSecret(form);
}
/** Masking and GitHub's ID token for the credentials chain, which masks what it receives where it enters. */
const credentialHooks = {
    maskSecret: maskCredential,
    getIdToken: async (audience, deadline) => (await import('./github-id-token.js')).requestGitHubIdToken(audience, process.env, deadline),
};
/**
 * The one writer of log lines (main step, post step, delivery, flows): every message made inert first, so no
 * string from the service can start a workflow command (src/core/log.ts).
 */
function createActionsLogger() {
    return inertLogger({
        debug: (m) => debug(m),
        info: (m) => info(m),
        notice: (m) => notice(m),
        warning: (m) => warning(m),
    });
}
/** Fails the step with one `::error::` line, made inert like every other line. */
function failStep(message) {
    setFailed(inertAnnotation(`${ACTION_NAME}: ${message}`));
}
/** One sentence: what failed, for which input, operation or order, and what to do next. */
function describeFailure(error) {
    if (error instanceof InputError || error instanceof FlowError)
        return error.message;
    if (error instanceof AliyunApiError)
        return `${error.describe()}. ${nextStepFor(error)}`;
    return error instanceof Error ? error.message : String(error);
}
function nextStepFor(error) {
    if (error.deadlineReached) {
        return "This run's time (wait-timeout) ran out first: run again later; an order already placed is resumed, never ordered twice.";
    }
    if (error.outcomeUnknown) {
        return 'Run again: the next run looks the order up before ordering, so nothing is ordered twice.';
    }
    const sts = error.action === 'AssumeRoleWithOIDC' && explainStsError(error.code, error.message, error.idTokenSubject);
    if (sts)
        return sts;
    if (/^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken)/.test(error.code)) {
        return 'Check access-key-id, access-key-secret and security-token.';
    }
    if (/^(Forbidden|NoPermission)/.test(error.code))
        return 'Grant the RAM user the permission this call needs.';
    if (error.code.startsWith('Throttling') || error.code === 'ServiceUnavailable') {
        return 'The service is busy or throttling this account: run again later, or run fewer jobs at once.';
    }
    if (error.code === 'NotFoundOrder')
        return 'Check order-id.';
    if (error.code === 'NotRemainCount' || error.code === 'NotFoundPackage') {
        return 'Buy a certificate package for product-code, or return quota by cancelling unused orders.';
    }
    if (error.code === 'NetworkError')
        return 'Check the endpoint inputs and the network, then run again.';
    return error.recommend
        ? `See ${error.recommend}.`
        : 'Check the inputs named in the message, then run again.';
}
/** One sentence per STS refusal a user can fix (codes of the STS error-code page, docs/keyless.md). */
function explainStsError(code, message, subject) {
    if (code === 'AuthenticationFail.OIDCToken.AudienceNotMatch') {
        return "The ID token's audience is not a client ID of the RAM OIDC provider: set audience to one of its client IDs, or add it there.";
    }
    if (code === 'AuthenticationFail.OIDCToken.Expired') {
        return 'The ID token had expired when STS read it: run again (and check the runner clock, or the file in ALIBABA_CLOUD_OIDC_TOKEN_FILE).';
    }
    if (code === 'AuthenticationFail.OIDCToken.IssuerNotMatch') {
        return "The ID token's issuer is not the RAM OIDC provider's issuer URL: set it to https://token.actions.githubusercontent.com.";
    }
    if (code.startsWith('AuthenticationFail.OIDCToken')) {
        return 'STS could not verify the ID token: check the OIDC provider in RAM (issuer URL and fingerprint).';
    }
    if (code.startsWith('EntityNotExist.Role')) {
        return 'Check role-arn: the RAM role does not exist in this account.';
    }
    if (code === 'AuthenticationFail.NoPermission' && /provider/i.test(message)) {
        return 'Check oidc-provider-arn: no such OIDC provider is registered in RAM.';
    }
    if (code === 'AuthenticationFail.NoPermission' && subject) {
        return (`The role's trust policy does not allow this token, whose sub is '${subject}': allow ` +
            'sts:AssumeRoleWithOIDC for the provider, with an oidc:sub condition that this sub matches.');
    }
    if (code === 'AuthenticationFail.NoPermission') {
        return "The role's trust policy does not allow this token: allow sts:AssumeRoleWithOIDC for the provider, with conditions this repository's oidc:sub matches.";
    }
    if (code.startsWith('InvalidParameter.DurationSeconds') || /duration/i.test(message)) {
        return "Lower role-duration to the role's maximum session duration (900 to 3600 seconds).";
    }
    if (code.startsWith('InvalidParameter.RoleSessionName')) {
        return 'Check role-session-name: 2 to 64 characters of letters, digits and . @ _ -.';
    }
    return undefined;
}

const m = /*#__PURE__*/ process.getBuiltinModule('node:path');
const resolve = /*#__PURE__*/ (() => m.resolve)();
const isAbsolute = /*#__PURE__*/ (() => m.isAbsolute)();
const join = /*#__PURE__*/ (() => m.join)();
const relative = /*#__PURE__*/ (() => m.relative)();
const dirname = /*#__PURE__*/ (() => m.dirname)();
const basename = /*#__PURE__*/ (() => m.basename)();
const sep = /*#__PURE__*/ (() => m.sep)();

// Files and folders this action made under RUNNER_TEMP, saved in GITHUB_STATE for the post step to remove. Here,
// below the action's entry points, because the resume cache (src/action/state.ts) and the staged artifact
// (src/deliver/artifact.ts) both make them.
const TEMP_PATHS_KEY = 'temp-paths';
/**
 * Files and folders this action made under RUNNER_TEMP (never under a path the user chose): the post step
 * removes them, so that nothing of the run (the resume record, a staged key) outlives the job's steps.
 */
function rememberTempPath(path) {
    if (tempPaths.includes(path))
        return;
    tempPaths.push(path);
    saveState(TEMP_PATHS_KEY, JSON.stringify(tempPaths));
}
const tempPaths = [];
const KEY_FILES_KEY = 'key-files';
const keyFiles = [];
/**
 * Whether `path` is under RUNNER_TEMP or the workspace (GITHUB_WORKSPACE): the folders a persistent self-hosted
 * runner keeps from job to job, where the post step removes the key files the main step wrote.
 */
function isUnderRunnerFolders(path, env) {
    const target = resolve(path);
    return [env.RUNNER_TEMP, env.GITHUB_WORKSPACE].some((root) => root !== undefined && root !== '' && target.startsWith(resolve(root) + sep));
}
/** A key file written under RUNNER_TEMP or the workspace (not `keep-files`): the post step removes it. */
function rememberKeyFile(path) {
    if (keyFiles.includes(path))
        return;
    keyFiles.push(path);
    saveState(KEY_FILES_KEY, JSON.stringify(keyFiles));
}
/** The post step's view of the key files to remove. */
function loadKeyFiles() {
    return parseList(getState(KEY_FILES_KEY));
}
/** The post step's view: what the main step remembered. */
function loadTempPaths() {
    return parseList(getState(TEMP_PATHS_KEY));
}
function parseList(raw) {
    try {
        const parsed = JSON.parse(raw || '[]');
        return Array.isArray(parsed) ? parsed.filter((p) => typeof p === 'string') : [];
    }
    catch {
        return [];
    }
}

var tempPaths$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    isUnderRunnerFolders: isUnderRunnerFolders,
    loadKeyFiles: loadKeyFiles,
    loadTempPaths: loadTempPaths,
    rememberKeyFile: rememberKeyFile,
    rememberTempPath: rememberTempPath
});

// GITHUB_STATE for the post step, and the Actions cache for resuming an in-flight order in a later run.
const POST_FLAG = 'isPost';
const CLEANUP_KEY = 'validation-cleanup';
const isPostStep = () => getState(POST_FLAG) === 'true';
function markMainStarted() {
    saveState(POST_FLAG, 'true');
}
/**
 * What validation left in the world (DNS record ids, files) that the post step must remove if main crashed.
 * Holds ids and paths only, never a key or a secret.
 */
function saveCleanupItems(items) {
    saveState(CLEANUP_KEY, JSON.stringify(items));
}
function loadCleanupItems() {
    const raw = getState(CLEANUP_KEY);
    if (!raw)
        return [];
    try {
        const parsed = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed : [];
    }
    catch {
        return [];
    }
}
/** The cache service is there only inside a GitHub-hosted job; elsewhere resuming relies on the order list. */
function cacheServiceAvailable() {
    return Boolean(process.env.ACTIONS_RESULTS_URL || process.env.ACTIONS_CACHE_URL);
}
function createCacheResumeStore(log) {
    const keyPrefix = (domains) => `alibaba-cloud-ssl-order-${createHash('sha256')
        .update([...domains].sort().join(','))
        .digest('hex')
        .slice(0, 20)}-`;
    const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'alibaba-cloud-ssl-order');
    const file = join(dir, 'order.json');
    // One restore per domain set and run: the order and the back-off travel in one record.
    const restored = new Map();
    const restore = (domains) => {
        const prefix = keyPrefix(domains);
        let record = restored.get(prefix);
        if (!record) {
            record = restoreRecord(prefix);
            restored.set(prefix, record);
        }
        return record;
    };
    const restoreRecord = async (prefix) => {
        if (!cacheServiceAvailable()) {
            log.info('No Actions cache service in this run: in-flight orders are looked up in the order list only.');
            return {};
        }
        try {
            const cache = await import('./actions-cache.js').then(function (n) { return n.c; });
            const hit = await cache.restoreCache([dir], `${prefix}none`, [prefix]);
            if (!hit)
                return {};
            rememberTempPath(dir);
            const saved = JSON.parse(await readFile(file, 'utf8'));
            return {
                ...(typeof saved.orderId === 'string' ? { orderId: saved.orderId } : {}),
                ...(isBackoff(saved.backoff) ? { backoff: saved.backoff } : {}),
            };
        }
        catch (error) {
            log.warning(`Could not read the saved order from the cache (${String(error)}); using the order list.`);
            return {};
        }
    };
    const write = async (domains, change, what) => {
        if (!cacheServiceAvailable())
            return false;
        const prefix = keyPrefix(domains);
        const record = { ...(await restore(domains)), ...change };
        restored.set(prefix, Promise.resolve(record));
        try {
            const cache = await import('./actions-cache.js').then(function (n) { return n.c; });
            await mkdir(dir, { recursive: true });
            rememberTempPath(dir);
            await writeFile(file, JSON.stringify(record));
            // Cache entries are immutable: a new key per save, restored newest-first by prefix.
            await cache.saveCache([dir], `${prefix}${Date.now()}`);
            return true;
        }
        catch (error) {
            log.warning(`Could not save ${what} to the cache (${String(error)}); a later run finds orders by listing.`);
            return false;
        }
    };
    return {
        load: async (domains) => (await restore(domains)).orderId,
        save: async (domains, orderId) => {
            await write(domains, { orderId }, `order ${orderId}`);
        },
        loadBackoff: async (domains) => (await restore(domains)).backoff,
        saveBackoff: (domains, backoff) => write(domains, { backoff }, 'the back-off after a failed review'),
    };
}
function isBackoff(value) {
    const v = value;
    return typeof v?.failures === 'number' && typeof v.nextTryAt === 'string' && typeof v.inputs === 'string';
}

// Pure: the check that loose JSON (an API answer, a saved state, a user's list) is an object read field by field.
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Pure request signing for Alibaba Cloud RPC APIs: v1 (HMAC-SHA1, SignatureVersion 1.0); ACS3-HMAC-SHA256 is in
// acs3-signature.ts. Both must match the official SDKs byte for byte (see test/unit/sign-oracle.test.ts).
/** RFC 3986 percent-encoding as the SDKs do it: space %20, `*` %2A, `~` kept. */
function percentEncode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** `k=v` pairs sorted by name (UTF-16 order, like the SDKs' `Object.keys().sort()`), each side encoded. */
function canonicalizeParams(params) {
    return Object.keys(params)
        .sort()
        .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
        .join('&');
}
function rpcStringToSign(method, params) {
    return `${method}&${percentEncode('/')}&${percentEncode(canonicalizeParams(params))}`;
}
/** v1 signature over every parameter sent (query and form body together), `Signature` itself excluded. */
function signRpcV1(method, params, accessKeySecret) {
    return createHmac('sha1', `${accessKeySecret}&`).update(rpcStringToSign(method, params)).digest('base64');
}
/** `YYYY-MM-DDThh:mm:ssZ`, the only timestamp form the RPC gateway accepts. */
const formatTimestamp = isoSeconds;
function sha256Hex(data) {
    return createHash('sha256').update(data).digest('hex');
}

// Pure ACS3-HMAC-SHA256 signing, for RPC calls that choose it and for every ROA product (Function Compute 3.0,
// cloud-native API Gateway): the canonical request, the hashed payload, the signed headers and the Authorization
// header, as the official SDKs' `getAuthorization` builds them (test/unit/acs3-signature.test.ts,
// test/unit/sign-oracle.test.ts hold it to their bytes).
const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';
function acs3CanonicalRequest(input) {
    const uri = input.pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
    const query = Object.keys(input.query)
        .sort()
        .map((name) => `${name}=${percentEncode(input.query[name] ?? '')}`)
        .join('&');
    const signed = new Map();
    for (const [name, value] of Object.entries(input.headers)) {
        const lower = name.toLowerCase();
        if (lower.startsWith('x-acs-') || lower === 'host' || lower === 'content-type') {
            signed.set(lower, [...(signed.get(lower) ?? []), value.trim()]);
        }
    }
    const names = [...signed.keys()].sort();
    const headerLines = names.map((name) => `${name}:${(signed.get(name) ?? []).sort().join(',')}\n`).join('');
    const signedHeaders = names.join(';');
    return {
        canonicalRequest: [input.method, uri, query, headerLines, signedHeaders, input.hashedPayload].join('\n'),
        signedHeaders,
    };
}
/** The `Authorization` header value, as the SDKs' `getAuthorization` builds it. */
function acs3Authorization(input, accessKeyId, accessKeySecret) {
    const { canonicalRequest, signedHeaders } = acs3CanonicalRequest(input);
    const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex');
    return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}
/**
 * The headers to send, `authorization` among them, and the signature alone (a value an echo must never repeat).
 * A temporary key adds `x-acs-accesskey-id` and `x-acs-security-token`, signed, as the SDKs do.
 */
function signAcs3(request, { accessKeyId, accessKeySecret, securityToken }) {
    const headers = {
        host: request.host,
        'x-acs-version': request.version,
        'x-acs-action': request.action,
        'x-acs-date': request.date,
        'x-acs-signature-nonce': request.nonce,
        'x-acs-content-sha256': sha256Hex(request.body ?? ''),
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
        ...(securityToken ? { 'x-acs-accesskey-id': accessKeyId, 'x-acs-security-token': securityToken } : {}),
        ...request.headers,
    };
    const authorization = acs3Authorization({
        method: request.method,
        pathname: request.pathname,
        query: request.query ?? {},
        headers,
        hashedPayload: headers['x-acs-content-sha256'] ?? '',
    }, accessKeyId, accessKeySecret);
    return {
        headers: { ...headers, authorization },
        signature: /Signature=([0-9a-f]+)$/.exec(authorization)?.[1] ?? '',
    };
}
/** A path segment as the SDKs encode it (`*.example.com` → `%2A.example.com`). */
function encodePathSegment(segment) {
    return percentEncode(segment);
}

// JSON parsing that keeps every digit of integers beyond 2^53 (order ids are Long at the service).
// Node 20's JSON.parse has no reviver source access, so unsafe integer literals are quoted before parsing.
// One regular expression skips strings whole: a loop over each character cost ~6 ms on an answer carrying a
// certificate, a tenth of a no-op run.
const STRING_OR_LONG_INTEGER = /("(?:[^"\\]|\\.)*")|(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g;
function parseJsonLosslessly(text) {
    if (!/\d{16}/.test(text))
        return JSON.parse(text);
    const quoted = text.replace(STRING_OR_LONG_INTEGER, (whole, string, digits) => {
        if (string !== undefined)
            return whole;
        const value = BigInt(digits);
        const unsafe = value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER);
        return unsafe ? `"${digits}"` : whole;
    });
    return JSON.parse(quoted);
}
/** A JSON object, or undefined for anything else (not JSON, an array, null): for answers read field by field. */
function parseJsonObject(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}

// Pure retry decisions: which failures may be retried for which calls, and how long to wait.
/** Server errors and lost connections: a few quick retries with full jitter. */
const DEFAULT_RETRY_POLICY = { maxAttempts: 5, baseDelayMs: 300, maxDelayMs: 10_000 };
/**
 * Throttling: the account's per-API limit (10 QPS for the list calls) is shared by every job running at once, so
 * retries must spread over seconds, not milliseconds, yet never leave the limit idle while callers wait. Waits are
 * in [c/2, c], c = min(2 s, 1 s·2^(n−1)): the lower bound keeps a retry out of the second that refused it, the
 * 2 s ceiling keeps 15 waiting callers enough to use all 10 calls a second (an 8 s ceiling left it idle: 1.6x the
 * rate-limit floor for 100 runs, 1.2x with 2 s; `npm run bench -- parallel`). A refused call is not processed, so
 * retrying it costs nothing; 30 attempts cover about 45 s, and the run's deadline bounds them all.
 */
const THROTTLING_RETRY_POLICY = { maxAttempts: 30, baseDelayMs: 1000, maxDelayMs: 2000 };
function classifyServiceError(status, code) {
    if (code === 'Throttling' || code?.startsWith('Throttling.') || status === 429)
        return 'throttled';
    if (code === 'ServiceUnavailable')
        return 'rejected';
    if (status >= 500)
        return 'uncertain';
    return 'final';
}
/** A read may be retried after any transient failure; a call that changes state only when it surely did not run. */
function mayRetry(failure, changesState) {
    if (failure === 'final')
        return false;
    if (failure === 'uncertain' || failure === 'rejected')
        return !changesState;
    return true;
}
/** Whether a failed state-changing call may have taken effect: then it is reconciled, never resent blindly. */
function outcomeUnknownAfter(failure, changesState) {
    return changesState && (failure === 'uncertain' || failure === 'rejected');
}
/** The policy for a failure: throttling has its own, slower one. */
function policyFor(failure, policies) {
    return failure === 'throttled' ? policies.throttling : policies.default;
}
/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
function backoffDelayMs(attempt, policy, random = Math.random) {
    return Math.floor(random() * ceilingMs(attempt, policy));
}
/** Exponential backoff with equal jitter: uniform in [c/2, c], c = min(cap, base * 2^(attempt-1)). */
function throttlingDelayMs(attempt, policy, random = Math.random) {
    const ceiling = ceilingMs(attempt, policy);
    return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
function ceilingMs(attempt, policy) {
    return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}
/**
 * The wait before attempt `attempt + 1`, or undefined to give up: out of attempts, or the wait (the backoff, or a
 * longer `Retry-After`) would end past the deadline.
 */
function nextRetryDelayMs(options) {
    const { failure, attempt, policy, retryAfterMs, nowMs, deadline, random } = options;
    if (attempt >= policy.maxAttempts)
        return undefined;
    const backoff = failure === 'throttled'
        ? throttlingDelayMs(attempt, policy, random)
        : backoffDelayMs(attempt, policy, random);
    const waitMs = Math.max(retryAfterMs ?? 0, backoff);
    if (deadline !== undefined && nowMs + waitMs > deadline)
        return undefined;
    return waitMs;
}
/** `Retry-After` / `x-acs-retry-after`: delta seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfterMs(value, nowMs) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
/**
 * Calls a second the service documents per account for an action (docs/faults.md, "Pacing"): the client spaces
 * its own calls to stay within them, so a run alone on the account is never throttled. Unlisted actions are not
 * paced (their limits are 100 a second or more, beyond what one run sends).
 */
const DOCUMENTED_CALLS_PER_SECOND = {
    ListUserCertificateOrder: 10,
    BatchSetCdnDomainServerCertificate: 10,
    SetCdnDomainSSLCertificate: 30,
};
/** Slack on the one-second window: a call's arrival at the service lags its start here by a varying delay. */
const PACING_WINDOW_MS = 1100;
/** Spaces the calls of each paced action: at most its documented count starts in any window. */
class CallPacer {
    limits;
    starts = new Map();
    constructor(limits = DOCUMENTED_CALLS_PER_SECOND) {
        this.limits = limits;
    }
    /** How long to wait before starting a call of `action` now; the start is booked at now plus that wait. */
    delayFor(action, nowMs) {
        const limit = this.limits[action];
        if (limit === undefined)
            return 0;
        const booked = (this.starts.get(action) ?? []).filter((at) => at > nowMs - PACING_WINDOW_MS);
        // The limit-th start back frees a place one window after it.
        const blocking = booked.length >= limit ? booked[booked.length - limit] : undefined;
        const startAt = blocking === undefined ? nowMs : Math.max(nowMs, blocking + PACING_WINDOW_MS);
        booked.push(startAt);
        this.starts.set(action, booked.sort((a, b) => a - b));
        return startAt - nowMs;
    }
}

// A ROA request (a product addressed by method and path, JSON in and out: Function Compute 3.0, cloud-native API
// Gateway), signed with ACS3-HMAC-SHA256 as the official SDKs sign it. The signed client (rpc.ts) sends it with
// the same credentials, retries, deadline and error reading as every RPC call.
function buildRoaRequest(req, key, userAgent, 
/** Fixed by the tests (the SDK's date, nonce and its own headers); else now and a fresh nonce. */
now = {
    date: formatTimestamp(new Date()),
    nonce: randomUUID(),
}) {
    const base = new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`);
    const pathname = `/${req.path.map(encodePathSegment).join('/')}`;
    const query = {};
    for (const [name, value] of Object.entries(req.query ?? {})) {
        if (value !== undefined)
            query[name] = String(value);
    }
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const { headers, signature } = signAcs3({
        method: req.method,
        host: base.host,
        pathname,
        query,
        ...(body === undefined ? {} : { body, contentType: 'application/json; charset=utf-8' }),
        action: req.action,
        version: req.version,
        ...now,
    }, key);
    const { host: _host, ...sent } = headers;
    const search = Object.keys(query)
        .sort()
        .map((name) => `${percentEncode(name)}=${percentEncode(query[name] ?? '')}`)
        .join('&');
    return {
        method: req.method,
        url: `${base.origin}${pathname}${search ? `?${search}` : ''}`,
        headers: { ...sent, accept: 'application/json', 'user-agent': userAgent },
        ...(body === undefined ? {} : { body }),
        secrets: [
            signature,
            now.nonce,
            key.accessKeyId,
            key.accessKeySecret,
            key.securityToken ?? '',
            ...privateKeysIn(req.body).flatMap((pem) => [pem, JSON.stringify(pem).slice(1, -1)]),
        ],
    };
}
/** Every string in a body that holds a private key (FC's `certConfig.privateKey`): as secret as the credentials. */
function privateKeysIn(value) {
    if (typeof value === 'string')
        return value.includes('PRIVATE KEY') ? [value] : [];
    if (Array.isArray(value))
        return value.flatMap(privateKeysIn);
    if (value !== null && typeof value === 'object')
        return Object.values(value).flatMap(privateKeysIn);
    return [];
}

// Pure: text taken from a service answer (Message, Recommend) may echo the request it answers, signature and
// nonce included (a gateway that repeats the query it could not parse). Such text reaches logs and the failure
// annotation, so every credential-bearing value is cut out first (docs/faults.md, "Nothing leaks").
/** Request fields whose values must never be repeated: the signature, the nonce and every credential. */
const SECRET_FIELDS = [
    'Signature',
    'SignatureNonce',
    'AccessKeyId',
    'AccessKeySecret',
    'SecurityToken',
    'Credential',
    'x-acs-signature-nonce',
    'x-acs-security-token',
    'x-acs-content-sha256',
    'Authorization',
];
/**
 * `=` as written at depth 0 to 3 (`=`, `%3D`, `%253D`, `%25253D`), and `&`, which starts a name (`%26SecurityToken`,
 * no word boundary there) and ends a value, likewise.
 */
const EQUALS = '(?:[=:]|%(?:25){0,2}3D)';
const VALUE_CHAR = `(?!%(?:25){0,2}26)[^&\\s"',;]`;
const FIELD_VALUE = new RegExp(`(["']?(?:\\b|(?<=%(?:25){0,2}26))(?:${SECRET_FIELDS.join('|')})\\b["']?\\s*${EQUALS}\\s*["']?)((?:${VALUE_CHAR})+)`, 'gi');
/** Literal values shorter than this are not scrubbed as such (they would cut ordinary words). */
const MIN_LITERAL_LENGTH = 6;
/**
 * `text` with the values of the request's secret fields replaced by `***`, whether they appear as `name=value`,
 * `"name": "value"`, percent-encoded up to three times, or bare (the literal values given, in every such form).
 */
function scrubEchoedRequest(text, literals = []) {
    const values = literals
        .filter((value) => !!value && value.length >= MIN_LITERAL_LENGTH)
        .flatMap((value) => [value, ...encodedForms(value)]);
    return cutOut(text.replace(FIELD_VALUE, '$1***'), values);
}
/** Where a refused signature's Message starts repeating the server's signing input (string to sign, canonical request). */
const SIGNING_INPUT = /[\s.,:;]*\b(?:server )?string to sign is\s*:/i;
/**
 * A Message split into what a failure may say and the server's signing input (some 640 characters of the whole
 * query), which only the debug log gets: it helps compare signers, and it repeats every parameter.
 */
function splitSigningInput(message) {
    const match = SIGNING_INPUT.exec(message);
    if (!match)
        return { message };
    const kept = message.slice(0, match.index).replace(/[\s.,:;]+$/, '');
    return {
        message: `${kept || 'The signature does not match'}.`,
        signingInput: message.slice(match.index).replace(/^[\s.,:;]+/, ''),
    };
}

// The one client for every Alibaba Cloud RPC product: common parameters, signing, transport, retries, typed errors.
const USER_AGENT = 'alibaba-cloud-ssl-certificate-action';
class RpcClient {
    options;
    transport;
    policies;
    algorithm;
    warnedRetryAfter = false;
    /** Every attempt, retries included, waits for its place within the action's documented calls a second. */
    pacer = new CallPacer();
    constructor(options) {
        this.options = options;
        this.transport = createTransport({ ...DEFAULT_TIMEOUTS, ...options.timeouts });
        this.policies = {
            default: { ...DEFAULT_RETRY_POLICY, ...options.retry },
            throttling: { ...THROTTLING_RETRY_POLICY, ...options.throttlingRetry },
        };
        this.algorithm = options.signatureAlgorithm ?? 'HMAC-SHA1';
    }
    async call(req) {
        return this.run(req, (key) => this.buildRequest(req, key));
    }
    /** A ROA operation (src/aliyun/roa.ts), through the same credentials, retries, deadline and error reading. */
    async roa(req) {
        const userAgent = this.options.userAgent ?? USER_AGENT;
        return this.run({ ...req, emptyIsObject: true }, (key) => buildRoaRequest(req, key, userAgent));
    }
    async run(req, build) {
        for (let attempt = 1;; attempt++) {
            const outcome = await this.attempt(req, attempt, build);
            if (outcome.result)
                return outcome.result;
            const { error, failure } = outcome;
            if (!mayRetry(failure, req.changesState)) {
                if (outcomeUnknownAfter(failure, req.changesState))
                    throw withOutcomeUnknown(error);
                throw error;
            }
            const policy = policyFor(failure, this.policies);
            const deadline = earliest(req.deadline, this.options.deadline);
            const waitMs = nextRetryDelayMs({
                failure,
                attempt,
                policy,
                retryAfterMs: outcome.retryAfterMs,
                nowMs: Date.now(),
                deadline,
            });
            if (waitMs === undefined) {
                // Attempts left, yet the wait (the backoff or the service's hint) would end past the run's deadline:
                // give up now rather than sleep through it (docs/faults.md, "No hang").
                if (attempt < policy.maxAttempts && deadline !== undefined)
                    throw pastDeadline(error, outcome, deadline);
                throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, waitMs));
        }
    }
    async close() {
        await this.transport.close();
    }
    async attempt(req, attempt, build) {
        const paced = this.pacer.delayFor(req.action, Date.now());
        if (paced > 0)
            await new Promise((resolve) => setTimeout(resolve, paced));
        const started = Date.now();
        const { credentials } = this.options;
        const key = typeof credentials === 'function' ? await credentials() : credentials;
        const sent = build(key);
        const { url, secrets } = sent;
        const scrub = (text) => text === undefined ? undefined : scrubEchoedRequest(text, secrets);
        const record = (status, code, requestId) => this.options.onCall?.({
            action: req.action,
            version: req.version,
            attempt,
            status,
            code,
            requestId,
            durationMs: Date.now() - started,
        });
        let status;
        let text;
        let headers;
        try {
            ({ status, headers, text } = await this.transport.request(sent.method, url, sent.headers, sent.body, {
                deadline: earliest(req.deadline, this.options.deadline),
            }));
        }
        catch (cause) {
            const failure = transportFailure(cause);
            const origin = new URL(url).origin;
            const tooLarge = cause?.code === 'ANSWER_TOO_LARGE';
            const code = tooLarge ? 'AnswerTooLarge' : 'NetworkError';
            record(undefined, code);
            return {
                failure,
                error: new AliyunApiError({
                    action: req.action,
                    code,
                    message: tooLarge
                        ? `the answer from ${origin} exceeded ${MAX_ANSWER_BYTES / 1024 / 1024} MiB, more than any answer of this API; check the endpoint inputs`
                        : `no answer from ${origin} (${scrub(describeCause(cause))})`,
                    cause,
                }),
            };
        }
        const retryAfterRaw = headerValue(headers['retry-after']) ?? headerValue(headers['x-acs-retry-after']);
        const retryAfterMs = parseRetryAfterMs(retryAfterRaw, Date.now());
        if (retryAfterRaw !== undefined && retryAfterMs === undefined && !this.warnedRetryAfter) {
            this.warnedRetryAfter = true;
            this.options.onWarning?.(`${req.action}: the service's Retry-After header '${scrub(retryAfterRaw.slice(0, 60))}' is neither ` +
                'seconds nor an HTTP date; waiting the default backoff instead (said once per run).');
        }
        let body;
        try {
            body = req.emptyIsObject && text.trim() === '' ? {} : parseJsonLosslessly(text);
        }
        catch {
            body = undefined;
        }
        const fields = isRecord(body) ? body : {};
        // RPC answers say Code/Message/RequestId; ROA products may say them in lower camel case (as the SDKs read).
        const requestId = stringField(fields.RequestId) ??
            stringField(fields.requestId) ??
            headerValue(headers['x-acs-request-id']);
        if (status >= 200 && status < 300 && isRecord(body)) {
            this.options.onAnswer?.(body);
            record(status, undefined, requestId);
            return { result: body, error: undefined, failure: 'final' };
        }
        if (status >= 200 && status < 300) {
            record(status, 'MalformedResponse', requestId);
            return {
                failure: 'uncertain',
                error: new AliyunApiError({
                    action: req.action,
                    code: 'MalformedResponse',
                    message: `the service answered HTTP ${status} with a body that is not a JSON object`,
                    status,
                    requestId,
                }),
            };
        }
        const serviceCode = stringField(fields.Code) ?? stringField(fields.code);
        const code = serviceCode ?? `HTTP${status}`;
        record(status, code, requestId);
        // A refused signature repeats the whole signed query: the failure keeps its sentence, the debug log the rest.
        const serverMessage = stringField(fields.Message) ?? stringField(fields.message);
        const said = serverMessage === undefined ? undefined : splitSigningInput(serverMessage);
        if (said?.signingInput)
            this.options.onDebug?.(`${req.action}: ${code}: ${scrub(said.signingInput)}`);
        return {
            failure: classifyServiceError(status, serviceCode),
            retryAfterMs,
            error: new AliyunApiError({
                action: req.action,
                code,
                message: said ? (scrub(said.message) ?? '') : `HTTP ${status}`,
                status,
                requestId,
                recommend: scrub(stringField(fields.Recommend) ?? stringField(fields.recommend)),
            }),
        };
    }
    /** Signs with a fresh nonce and timestamp; business parameters travel in the form body, as signed. */
    buildRequest(req, key) {
        const { accessKeyId, accessKeySecret, securityToken } = key;
        const base = new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`);
        const business = {};
        for (const [name, value] of Object.entries(req.params ?? {})) {
            if (value !== undefined)
                business[name] = String(value);
        }
        const body = encodePairs(business);
        // A key sent (upload) is as secret as the credentials: an echo of the request must not repeat it.
        const keys = Object.values(business).filter((value) => value.includes('PRIVATE KEY'));
        const userAgent = this.options.userAgent ?? USER_AGENT;
        const nonce = randomUUID();
        const credentialSecrets = [nonce, accessKeyId, accessKeySecret, securityToken ?? '', ...keys];
        if (this.algorithm === 'HMAC-SHA1') {
            const common = {
                Action: req.action,
                Format: 'JSON',
                Version: req.version,
                AccessKeyId: accessKeyId,
                SignatureMethod: 'HMAC-SHA1',
                SignatureVersion: '1.0',
                SignatureNonce: nonce,
                Timestamp: formatTimestamp(new Date()),
                ...(securityToken ? { SecurityToken: securityToken } : {}),
            };
            const signature = signRpcV1('POST', { ...common, ...business }, accessKeySecret);
            const query = encodePairs({ ...common, Signature: signature });
            return {
                secrets: [signature, ...credentialSecrets],
                method: 'POST',
                url: `${base.origin}/?${query}`,
                headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
                body,
            };
        }
        const { headers, signature } = signAcs3({
            method: 'POST',
            host: base.host,
            pathname: '/',
            body,
            contentType: 'application/x-www-form-urlencoded',
            action: req.action,
            version: req.version,
            date: formatTimestamp(new Date()),
            nonce,
        }, key);
        const { host: _host, ...sent } = headers;
        return {
            secrets: [signature, ...credentialSecrets],
            method: 'POST',
            url: `${base.origin}/`,
            headers: { ...sent, 'user-agent': userAgent },
            body,
        };
    }
}
function encodePairs(params) {
    return Object.entries(params)
        .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
        .join('&');
}
/** Connection refused, an unknown host or a connect timeout means nothing reached the service. */
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'CONNECT_TIMEOUT',
    'UND_ERR_CONNECT_TIMEOUT',
    'DEADLINE_PASSED',
]);
/** What no retry can change: an endpoint refused before sending, an answer past the size any answer has. */
const FINAL_CODES = new Set(['PLAIN_HTTP', 'ANSWER_TOO_LARGE']);
function transportFailure(cause) {
    const code = cause?.code ?? '';
    if (FINAL_CODES.has(code))
        return 'final';
    return NOT_SENT_CODES.has(code) ? 'not-sent' : 'uncertain';
}
function earliest(a, b) {
    return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
function describeCause(cause) {
    const { code, message } = (cause ?? {});
    return [code, message].filter(Boolean).join(': ') || String(cause);
}
function withOutcomeUnknown(error) {
    return new AliyunApiError({
        action: error.action,
        code: error.code,
        message: `${error.message}; the call may or may not have taken effect`,
        status: error.status,
        requestId: error.requestId,
        recommend: error.recommend,
        outcomeUnknown: true,
        cause: error,
    });
}
/** The call gave up because waiting for its next attempt would end past the deadline (the outcome is as before). */
function pastDeadline(error, outcome, deadline) {
    const hint = outcome.retryAfterMs !== undefined
        ? `the service asked to wait ${Math.ceil(outcome.retryAfterMs / 1000)}s`
        : 'the next retry';
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    return new AliyunApiError({
        action: error.action,
        code: error.code,
        message: `${error.message}; ${hint}, past this run's deadline (${left}s left), so it was not retried`,
        status: error.status,
        requestId: error.requestId,
        recommend: error.recommend,
        outcomeUnknown: error.outcomeUnknown,
        deadlineReached: true,
        cause: error,
    });
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
function stringField(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

// Listings page until they hold the service's TotalCount: a total that no page reaches (a hostile or broken
// endpoint, docs/faults.md) would page for ever, so every listing stops after MAX_PAGES with one clear error.
/** 10,000 records, 20,000 zones or 10,000 certificates at the page sizes used: far past any account seen. */
const MAX_PAGES = 200;
class PageLimitError extends Error {
    name = 'PageLimitError';
}
/** Call after page `pagesRead` of `action` when the listing goes on: throws once the limit is reached. */
function checkPageLimit(action, pagesRead, totalCount) {
    if (pagesRead < MAX_PAGES)
        return;
    throw new PageLimitError(`${action}: ${MAX_PAGES} pages read, yet the service's TotalCount (${totalCount}) was not reached; ` +
        'the endpoint keeps announcing more than it serves. Check the endpoint inputs, then run again.');
}

// Reading loosely typed service JSON into exact values: ids stay decimal strings, every digit kept.
function idField(value) {
    if (typeof value === 'string' && /^\d+$/.test(value))
        return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        return String(value);
    if (typeof value === 'bigint')
        return value.toString();
    return undefined;
}
function textField(value) {
    if (typeof value === 'string' && value !== '')
        return value;
    if (typeof value === 'number')
        return String(value);
    return undefined;
}
function numberField(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
/** Millisecond timestamps (the list API's Long fields); seconds are accepted too, as some samples show. */
function dateField(value) {
    const n = numberField(value);
    if (n <= 0)
        return undefined;
    return new Date(n < 1e12 ? n * 1000 : n);
}
/** Alibaba Cloud wraps arrays as `{ Record: [...] }` in some products and not in others. */
function listField(value, wrapper) {
    const inner = wrapper && isRecord(value) ? value[wrapper] : value;
    if (Array.isArray(inner))
        return inner.filter(isRecord);
    return isRecord(inner) ? [inner] : [];
}

const CAS_VERSION = '2020-04-07';
const PAGE_SIZE$1 = 50;
const KNOWN_STATES = [
    'domain_verify',
    'process',
    'verify_fail',
    'certificate',
    'payed',
];
function createOrderApi(client, endpoint, maskSecret) {
    const call = (action, params, changesState) => client.call({ endpoint, version: CAS_VERSION, action, params, changesState });
    return {
        async describePackageState(productCode) {
            const r = await call('DescribePackageState', { ProductCode: productCode }, false);
            return {
                productCode: textField(r.ProductCode) ?? productCode ?? '',
                total: numberField(r.TotalCount),
                used: numberField(r.UsedCount),
                issued: numberField(r.IssuedCount),
            };
        },
        async createOrder(input) {
            const { contact } = input;
            const params = {
                ProductCode: input.productCode,
                ValidateType: input.validationMethod,
                Username: contact.name,
                Phone: contact.phone,
                Email: contact.email,
            };
            if (input.operation === 'CreateCertificateWithCsrRequest') {
                params.Csr = input.csr;
            }
            else if (input.operation === 'CreateCertificateRequest') {
                params.Domain = input.domains.join(',');
            }
            else {
                params.Domain = input.domains.join(',');
                params.Csr = input.csr;
                params.CompanyName = contact.companyName;
            }
            const r = await call(input.operation, params, true);
            return { orderId: requireId(r.OrderId, input.operation) };
        },
        async describeOrder(orderId) {
            const r = await call('DescribeCertificateState', { OrderId: orderId }, false);
            // Masked where it enters, before any caller (or log line) can see it.
            const key = textField(r.PrivateKey);
            if (key)
                maskSecret(key);
            return parseOrderStatus(orderId, r);
        },
        async cancelOrder(orderId) {
            await call('CancelOrderRequest', { OrderId: orderId }, true);
        },
        async deleteOrder(orderId) {
            await call('DeleteCertificateRequest', { OrderId: orderId }, true);
        },
        async revokeOrder(orderId) {
            await call('CancelCertificateForPackageRequest', { OrderId: orderId }, true);
        },
        async renewOrder(orderId, csr) {
            const r = await call('RenewCertificateOrderForPackageRequest', { OrderId: orderId, Csr: csr }, true);
            return { orderId: requireId(r.OrderId, 'RenewCertificateOrderForPackageRequest') };
        },
        async listOrders(query) {
            const orders = [];
            for (let page = 1;; page++) {
                const r = await call('ListUserCertificateOrder', {
                    Keyword: query.keyword,
                    Status: query.status,
                    OrderType: 'CPACK',
                    CurrentPage: page,
                    ShowSize: PAGE_SIZE$1,
                }, false);
                const items = listField(r.CertificateOrderList);
                for (const item of items) {
                    const summary = parseOrderSummary(item);
                    if (summary)
                        orders.push(summary);
                }
                // The service may serve smaller pages than asked for: stop on the total, or on an empty page.
                if (items.length === 0 || orders.length >= numberField(r.TotalCount))
                    return orders;
                checkPageLimit('ListUserCertificateOrder', page, numberField(r.TotalCount));
            }
        },
    };
}
function parseOrderStatus(orderId, r) {
    const type = textField(r.Type) ?? 'unknow';
    const state = KNOWN_STATES.includes(type) ? type : 'unknow';
    let challenge;
    if (state === 'domain_verify' && textField(r.ValidateType) === 'FILE') {
        challenge = {
            method: 'FILE',
            domain: textField(r.Domain) ?? '',
            uri: textField(r.Uri) ?? '',
            content: textField(r.Content) ?? '',
        };
    }
    else if (state === 'domain_verify' && textField(r.RecordValue)) {
        challenge = {
            method: 'DNS',
            recordDomain: textField(r.RecordDomain) ?? '',
            recordType: textField(r.RecordType) ?? 'TXT',
            recordValue: textField(r.RecordValue) ?? '',
        };
    }
    return {
        orderId,
        state,
        challenge,
        certificate: state === 'certificate' ? textField(r.Certificate) : undefined,
        privateKey: state === 'certificate' ? textField(r.PrivateKey) : undefined,
        certId: idField(r.CertId) ?? textField(r.CertId),
    };
}
function parseOrderSummary(item) {
    const orderId = idField(item.OrderId);
    if (!orderId)
        return undefined;
    const names = textField(item.Sans) ?? textField(item.Domain) ?? '';
    return {
        orderId,
        domains: names
            .split(/[,\s]+/)
            .map((d) => d.trim().toLowerCase())
            .filter(Boolean),
        status: parseListStatus(textField(item.Status)),
        productCode: textField(item.ProductCode),
        instanceId: textField(item.InstanceId),
        certStartTime: dateField(item.CertStartTime),
        certEndTime: dateField(item.CertEndTime),
        buyDate: dateField(item.BuyDate),
    };
}
function requireId(value, action) {
    const id = idField(value);
    if (!id)
        throw new Error(`${action} answered without an OrderId`);
    return id;
}

const CDN_VERSION = '2018-05-10';
function readDate(value) {
    const t = textField(value);
    const parsed = t ? new Date(t) : undefined;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
}
/** The parameters of SetCdnDomainSSLCertificate / SetDcdnDomainSSLCertificate for a CAS certificate. */
function casCertificateParams(setting) {
    return {
        DomainName: setting.domainName,
        SSLProtocol: 'on',
        CertType: 'cas',
        CertId: setting.certId,
        CertRegion: setting.certRegion,
    };
}
const CDN = {
    version: CDN_VERSION,
    describe: 'DescribeDomainCertificateInfo',
    // Never the deprecated SetDomainServerCertificate (docs/vendor-facts.md).
    set: 'SetCdnDomainSSLCertificate',
    httpsField: 'ServerCertificateStatus',
    certificateField: 'ServerCertificate',
};
/** DCDN 2018-01-15: its CertInfo says `SSLProtocol` and `SSLPub` (the official SDK's model). */
const DCDN_VERSION = '2018-01-15';
const DCDN = {
    version: DCDN_VERSION,
    describe: 'DescribeDcdnDomainCertificateInfo',
    set: 'SetDcdnDomainSSLCertificate',
    httpsField: 'SSLProtocol',
    certificateField: 'SSLPub',
};
const createCdnService = (client, endpoint) => createAcceleratedDomainService(client, endpoint, CDN);
const createDcdnService = (client, endpoint) => createAcceleratedDomainService(client, endpoint, DCDN);
function createAcceleratedDomainService(client, endpoint, product) {
    const { version } = product;
    return {
        async describeDomainCertificate(domainName) {
            const r = await client.call({
                endpoint,
                version,
                action: product.describe,
                params: { DomainName: domainName },
                changesState: false,
            });
            const info = listField(r.CertInfos, 'CertInfo')[0];
            if (!info)
                return undefined;
            return {
                domainName: textField(info.DomainName) ?? domainName,
                certName: textField(info.CertName),
                certId: textField(info.CertId),
                status: textField(info.Status),
                certType: textField(info.CertType),
                httpsStatus: textField(info[product.httpsField]),
                certExpireTime: readDate(info.CertExpireTime),
                certStartTime: readDate(info.CertStartTime),
                certUpdateTime: readDate(info.CertUpdateTime),
                serverCertificate: textField(info[product.certificateField]),
            };
        },
        async setDomainCertificate(setting) {
            // Setting the same certificate again leaves the same state, so a call whose outcome is unknown may be
            // sent again.
            await client.call({
                endpoint,
                version,
                action: product.set,
                params: casCertificateParams(setting),
                changesState: false,
            });
        },
    };
}

const DNS_VERSION = '2015-01-09';
const PAGE_SIZE = 100;
function createDnsService(client, endpoint) {
    const call = (action, params, changesState) => client.call({ endpoint, version: DNS_VERSION, action, params, changesState });
    // Zones do not change while one step runs: one listing serves the pre-order check and the validation.
    let zoneList;
    const fetchZones = async () => {
        const zones = [];
        for (let page = 1;; page++) {
            const r = await call('DescribeDomains', { PageNumber: page, PageSize: PAGE_SIZE }, false);
            const items = listField(r.Domains, 'Domain');
            for (const item of items) {
                const name = textField(item.DomainName);
                if (name)
                    zones.push(name.toLowerCase());
            }
            if (items.length === 0 || zones.length >= numberField(r.TotalCount))
                return zones;
            checkPageLimit('DescribeDomains', page, numberField(r.TotalCount));
        }
    };
    return {
        listZones() {
            zoneList ??= fetchZones().catch((error) => {
                zoneList = undefined;
                throw error;
            });
            return zoneList;
        },
        async findRecords(zone, rr, type, value) {
            const found = [];
            for (let page = 1;; page++) {
                const r = await call('DescribeDomainRecords', { DomainName: zone, RRKeyWord: rr, TypeKeyWord: type, PageNumber: page, PageSize: PAGE_SIZE }, false);
                const items = listField(r.DomainRecords, 'Record');
                for (const item of items) {
                    const record = toRecord(zone, item);
                    // The key words match loosely: keep exact matches only.
                    if (record &&
                        record.rr === rr &&
                        record.type === type &&
                        (value === undefined || record.value === value)) {
                        found.push(record);
                    }
                }
                if (items.length === 0 || page * PAGE_SIZE >= numberField(r.TotalCount))
                    return found;
                checkPageLimit('DescribeDomainRecords', page, numberField(r.TotalCount));
            }
        },
        async addRecord(zone, rr, type, value, ttl) {
            const r = await call('AddDomainRecord', { DomainName: zone, RR: rr, Type: type, Value: value, TTL: ttl }, true);
            const recordId = idField(r.RecordId);
            if (!recordId)
                throw new Error('AddDomainRecord answered without a RecordId');
            return { recordId, zone, rr, type, value };
        },
        async deleteRecord(recordId) {
            await call('DeleteDomainRecord', { RecordId: recordId }, true);
        },
    };
}
function toRecord(zone, item) {
    const recordId = idField(item.RecordId) ?? textField(item.RecordId);
    if (!recordId)
        return undefined;
    return {
        recordId,
        zone,
        rr: textField(item.RR) ?? '',
        type: textField(item.Type) ?? '',
        value: textField(item.Value) ?? '',
    };
}

// Wiring, beside the entry: the one way to build the signed client, the credentials chain and the services from
// a Config, shared by the main and post steps.
/** One debug line per call attempt: never parameters, so never secrets. */
function describeCall(c) {
    return (`${c.action} (${c.version}) attempt ${c.attempt}: ${c.status ?? 'no answer'}` +
        `${c.code ? ` ${c.code}` : ''}, RequestId ${c.requestId ?? '-'}, ${c.durationMs} ms`);
}
/**
 * After wait-timeout, the time a run still has for the calls that follow the wait (fetching, clean-up, delivery):
 * no retry wait of any call ends later than wait-timeout plus this (docs/faults.md, "No hang").
 */
const AFTER_WAIT_ALLOWANCE_MS = 30_000;
/** The epoch ms past which no call of this run waits to retry: the run's start, wait-timeout, the allowance. */
function runDeadline(config, startedAt = Date.now()) {
    // A deployment waits after the issuance (or is the whole run): its deploy-timeout comes on top (docs/deploy.md).
    const { resources, timeoutSeconds } = config.deploy;
    const deploySeconds = resources.length > 0 ? timeoutSeconds : 0;
    return startedAt + (config.waitTimeoutSeconds + deploySeconds) * 1000 + AFTER_WAIT_ALLOWANCE_MS;
}
/** `hooks.maskSecret` also masks every private key an answer carries, before any caller sees it. */
function createServices(config, onCall, hooks, limits = {}) {
    const credentials = createCredentialsProvider(config.credentials, {
        ...hooks,
        ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
        // Loaded only when a role is assumed: a run with keys never loads STS.
        sts: {
            assumeRoleWithOidc: async (request) => (await import('./sts.js'))
                .createStsService(config.endpoints.sts, limits.deadline)
                .assumeRoleWithOidc(request),
        },
    });
    const client = new RpcClient({
        credentials,
        // Masked as the answer arrives, before its debug line (onCall) or any caller can print a part of it.
        onAnswer: (body) => {
            for (const key of privateKeysIn$1(body))
                hooks.maskSecret(key);
        },
        onCall,
        ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
        ...(limits.onWarning ? { onWarning: limits.onWarning } : {}),
        ...(limits.onDebug ? { onDebug: limits.onDebug } : {}),
    });
    const cdn = createCdnService(client, config.endpoints.cdn);
    // Loaded on the first OSS call: only a run that deploys to a bucket's domain signs OSS requests.
    let ossClient;
    const oss = {
        request: async (req) => {
            ossClient ??= import('./oss-request.js').then(({ OssClient }) => new OssClient({ credentials, onCall, deadline: limits.deadline, onDebug: limits.onDebug }));
            return (await ossClient).request(req);
        },
    };
    let deployJobs;
    return {
        client,
        authorities: {
            order: createOrderApi(client, config.endpoints.cas, hooks.maskSecret),
            instance: loadedOnFirstCall({ api: 'instance' }, async () => (await import('./instance-api.js')).createInstanceApi(client, config.endpoints.cas, hooks.maskSecret)),
            'legacy-dv': loadedOnFirstCall({ api: 'legacy-dv' }, async () => (await import('./legacy-dv-api.js')).createLegacyDvApi(client, config.endpoints.cas, hooks.maskSecret)),
            acme: loadedOnFirstCall({}, async () => {
                if (!config.acme)
                    throw new Error('certificate-api acme was not read from the inputs');
                return (await import('./acme-api.js')).createAcmeAuthority({
                    ...config.acme,
                    pollIntervalMs: config.pollIntervalSeconds * 1000,
                    maxPollIntervalMs: config.maxPollIntervalSeconds * 1000,
                    deadline: Date.now() + config.waitTimeoutSeconds * 1000,
                });
            }),
        },
        dns: createDnsService(client, config.endpoints.dns),
        cdn,
        held: async () => {
            const version = config.held.apiVersion;
            const endpoint = version === '2020-04-07' ? config.endpoints.cas : config.endpoints.cas2018;
            const { openHeldCertificates } = await import('./open.js');
            return openHeldCertificates(client, endpoint, version, hooks.maskSecret);
        },
        deploy: {
            // Opened once: delete's check and a deployment share the targets.
            jobs: () => (deployJobs ??= openDeployJobs(config, cdn, client, oss, hooks.maskSecret)),
            preflight: async () => {
                deployJobs ??= openDeployJobs(config, cdn, client, oss, hooks.maskSecret);
                const checked = await Promise.all((await deployJobs).map(async ({ target, resource, input }) => ({
                    input,
                    problem: await target.check?.(resource),
                })));
                return checked.filter((c) => c.problem !== undefined);
            },
            describeCertificate: async (certId) => (await import('./held-certificate.js')).heldCertificateFacts(client, config.endpoints.cas, certId),
        },
    };
}
/** Each listed resource with its target, loaded from the registry; the targets share the services built here. */
async function openDeployJobs(config, cdn, client, oss, maskSecret) {
    const services = {
        cdn,
        dcdn: createDcdnService(client, config.endpoints.dcdn),
        client,
        oss,
        roa: { call: (req) => client.roa(req) },
        certificateWithKey: async (certId) => (await import('./held-certificate.js')).heldCertificateWithKey(client, config.endpoints.cas, certId, maskSecret),
        certificateFacts: async (certId) => (await import('./held-certificate.js')).heldCertificateFacts(client, config.endpoints.cas, certId),
        endpointOverride: (target) => config.deployEndpoints[target],
    };
    const options = {
        certRegion: config.certRegion,
        region: config.region,
        ...(config.contactId ? { contactId: config.contactId } : {}),
    };
    const jobs = [];
    for (const entry of DEPLOY_TARGETS) {
        const resources = config.deploy.resources.filter((r) => r.target === entry.target);
        if (resources.length === 0)
            continue;
        const target = (await entry.load())(services, options);
        for (const { resource, input } of resources)
            jobs.push({ key: entry.target, target, resource, input });
    }
    return jobs;
}
/**
 * An adapter whose module loads on its first call: a run served by the order API (the no-op scheduled check
 * among them) never loads the instance adapters (README, "Development"). Every method of the ports is async.
 */
function loadedOnFirstCall(fields, load) {
    let loaded;
    return new Proxy(fields, {
        get(target, name) {
            if (name in target)
                return target[name];
            if (name === 'then')
                return undefined;
            return async (...args) => {
                loaded ??= load();
                const adapter = await loaded;
                const method = adapter[name];
                return method.apply(adapter, args);
            };
        },
    });
}

// The main step: inputs → config → flow → outputs, files, summary. The one place that calls setFailed.
async function runMain() {
    const startedAt = Date.now();
    markMainStarted();
    // Mask the credentials before anything at all is printed.
    maskCredentialSources();
    const log = createActionsLogger();
    let client;
    let knownOrderId;
    let dueNotAfter;
    let domains = [];
    let config;
    try {
        ({ config, domains } = await readInputs());
        for (const secret of [config.pfxPassword, config.privateKeyPassphrase, config.githubToken])
            if (secret)
                maskSecret(secret);
        const credentialSource = describeCredentialSource(config.credentials);
        log.info(`Credentials: ${credentialSource}.`);
        const proxies = describeProxies();
        if (proxies)
            log.info(proxies);
        reportInputs(config, process.env, log);
        const services = createServices(config, (c) => log.debug(describeCall(c)), credentialHooks, {
            deadline: runDeadline(config, startedAt),
            onWarning: (message) => log.warning(message),
            onDebug: (message) => log.debug(message),
        });
        client = services.client;
        await checkBeforeRun(config, services);
        const ctx = createFlowContext(config, services, log, (orderId) => {
            knownOrderId = orderId;
            setOutput('order-id', orderId);
        });
        ctx.onDueCertificate = (notAfter) => {
            dueNotAfter = notAfter;
        };
        const result = await runFlow(ctx, domains);
        result.details.push(['Credentials', credentialSource]);
        await deliverResult(config, result, domains, log);
        // Delivered first, so that a failed deployment still leaves the certificate's outputs set (docs/deploy.md).
        if (modeEntry(config.mode).deploys === 'after-run' && wantsDeployment(config.deploy)) {
            const deployment = await (await import('./deploy.js')).deployFlowResult(ctx, result);
            if (deployment)
                await (await import('./deployment.js')).deliverDeployment(deployment);
        }
        await alertAfterRun(config, { domains, result, now: new Date() }, log);
        if (result.failsStep)
            failStep(result.failsStep);
    }
    catch (error) {
        const message = describeFailure(error);
        await reportFailure(message, error instanceof FlowError ? error.result : undefined, knownOrderId, domains, log);
        failStep(message);
        if (config)
            await alertAfterRun(config, {
                domains,
                failure: message,
                orderId: knownOrderId,
                currentNotAfter: dueNotAfter,
                now: new Date(),
            }, log);
    }
    finally {
        await client?.close();
    }
}
/** `alert: issue` only: the GitHub API code is loaded on this path alone (docs/alerts.md). */
async function alertAfterRun(config, run, log) {
    if (config.alert !== 'issue')
        return;
    await (await import('./send-alerts.js').then(function (n) { return n.s; })).sendAlerts(config, run, log);
}
function createFlowContext(config, services, log, onOrderKnown) {
    const { authorities, dns, cdn, held, deploy } = services;
    const validationSettings = validationSettingsFrom(config);
    return {
        config,
        authorities,
        dns,
        cdn,
        held,
        deploy,
        maskSecret: credentialHooks.maskSecret,
        log,
        resume: createCacheResumeStore(log),
        validation: (orderId) => createValidationStrategy({ settings: validationSettings, dns, log, rememberCleanup: saveCleanupItems }, orderId),
        validationSettings,
        onOrderKnown,
        now: () => new Date(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    };
}
/**
 * The config, with every input problem at once: those of parseConfig and those of the CSR (its key, signature,
 * and its names under the same rules as the domains input: each name, at most 5, no mixing), before any call.
 */
async function readInputs() {
    const problems = [];
    let config;
    try {
        config = parseConfig((name) => getInput(name), process.env);
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        problems.push(...error.problems);
    }
    const csrText = getInput('csr').trim();
    let csrNames = [];
    if (csrText && !problems.some((p) => p.input === 'csr')) {
        const csr = await readCsrNames(csrText, config);
        if ('problems' in csr)
            problems.push(...csr.problems);
        else
            csrNames = csr.names;
    }
    if (problems.length > 0 || !config)
        throw new InputError(problems);
    // The domains come from `domains`, or from the CSR; when both are given they agree (checked above).
    return { config, domains: config.domains.length > 0 ? config.domains : csrNames };
}
/** The CSR's names, read once, or its problems: key, signature, names under the rules of the domains input. */
async function readCsrNames(csrText, config) {
    const { inspectCsr } = await import('./csr.js');
    const csr = await inspectCsr(csrText);
    if (typeof csr === 'string')
        return { problems: [{ input: 'csr', problem: csr }] };
    const given = config?.domains ?? [];
    if (given.length > 0 && !sameDomainSet(csr.names, given)) {
        const problem = `names ${csr.names.join(', ')}, which differ from domains ${given.join(', ')}`;
        return { problems: [{ input: 'csr', problem }] };
    }
    const problems = domainListProblems(csr.names).map((problem) => ({
        input: 'csr',
        problem: `names: ${problem}`,
    }));
    return problems.length > 0 ? { problems } : { names: csr.names };
}
/** The mode's module, through the registry: every mode but `issue` loads only when asked (README, "Development"). */
async function runFlow(ctx, domains) {
    const run = await loadMode(ctx.config.mode);
    return run(ctx, domains);
}

// The post step's half of cleanup: read the saved ledger back and remove what the main step could not, each item
// by the provider that wrote it (registry.ts).
/** Reads saved items back, dropping anything malformed or of no known provider. */
async function parseCleanupItems(raw) {
    const items = [];
    for (const entry of raw) {
        if (!isRecord(entry) || typeof entry.kind !== 'string')
            continue;
        const item = (await providerOfItem(entry.kind))?.parseItem?.(entry);
        if (item)
            items.push(item);
    }
    return items;
}
/** One line naming what an item is, for logs. */
async function describeItem(item) {
    return (await providerOfItem(item.kind))?.describeItem?.(item) ?? item.kind;
}
/** Removes every item it can; returns those still in place. Never throws. */
async function removeLeftovers(items, deps) {
    const left = [];
    for (const item of items) {
        const provider = await providerOfItem(item.kind);
        const removed = (await provider?.removeItem?.(item, deps)) ?? false;
        if (!removed)
            left.push(item);
    }
    if (left.length > 0) {
        const names = await Promise.all(left.map(describeItem));
        deps.log.warning(`Validation leftovers to remove by hand: ${names.join('; ')}.`);
    }
    return left;
}

// The post step: remove validation leftovers when the main step could not (crash, cancellation).
// It never fails the job: what it cannot remove is reported as a warning.
async function runPost() {
    await removeTempPaths();
    await removeKeyFiles();
    const items = await parseCleanupItems(loadCleanupItems());
    if (items.length === 0)
        return;
    maskCredentialSources();
    const log = createActionsLogger();
    log.info(`Removing ${items.length} validation leftover(s) of the main step.`);
    let services;
    try {
        let config;
        try {
            config = parseConfig((name) => getInput(name), process.env);
            // The post step waits for nothing: its calls get the allowance that follows a wait, no more.
            services = createServices(config, (c) => log.debug(describeCall(c)), credentialHooks, {
                deadline: Date.now() + AFTER_WAIT_ALLOWANCE_MS,
                onWarning: (message) => log.warning(message),
                onDebug: (message) => log.debug(message),
            });
        }
        catch (error) {
            log.warning(`The post step cannot read its inputs (${describeFailure(error)}).`);
        }
        const settings = config && validationSettingsFrom(config);
        saveCleanupItems(await removeLeftovers(items, { log, dns: services?.dns, settings }));
    }
    catch (error) {
        log.warning(`Could not remove the validation leftovers (${describeFailure(error)}); ` +
            `remove them by hand: ${(await Promise.all(items.map(describeItem))).join('; ')}.`);
    }
    finally {
        await services?.client.close();
    }
}
/**
 * What the main step wrote under RUNNER_TEMP (the resume record, a staged artifact folder with the encrypted key):
 * removed here, so it does not outlive the job's steps. Only paths inside RUNNER_TEMP, never one the user chose.
 */
async function removeTempPaths() {
    const log = createActionsLogger();
    const temp = process.env.RUNNER_TEMP;
    const paths = loadTempPaths();
    if (!temp || paths.length === 0)
        return;
    const { rm } = await Promise.resolve(process.getBuiltinModule('node:fs/promises'));
    const { resolve, sep } = await Promise.resolve(process.getBuiltinModule('node:path'));
    const root = resolve(temp) + sep;
    for (const path of paths) {
        const target = resolve(path);
        if (!target.startsWith(root))
            continue;
        try {
            await rm(target, { recursive: true, force: true });
            log.info(`Removed ${target} (written by the main step under RUNNER_TEMP).`);
        }
        catch (error) {
            log.warning(`Could not remove ${target} (${describeFailure(error)}); it goes when the runner cleans up.`);
        }
    }
}
/**
 * The key files output-dir put under RUNNER_TEMP or the workspace (without `keep-files: true`): a persistent
 * self-hosted runner keeps both folders, so the key would outlive the job. Files only, and only still there.
 */
async function removeKeyFiles() {
    const paths = loadKeyFiles().filter((path) => isUnderRunnerFolders(path, process.env));
    if (paths.length === 0)
        return;
    const log = createActionsLogger();
    const { rm } = await Promise.resolve(process.getBuiltinModule('node:fs/promises'));
    for (const path of paths) {
        try {
            await rm(path, { force: true });
            log.info(`Removed ${path} (a key file under RUNNER_TEMP or the workspace; keep-files: true keeps it).`);
        }
        catch (error) {
            log.warning(`Could not remove the key file ${path} (${describeFailure(error)}); remove it by hand.`);
        }
    }
}

export { realpath as $, AliyunApiError as A, checkPageLimit as B, splitPemBundle as C, describeCertificate as D, createHash as E, FlowError as F, parseCasJobResource as G, parseFcDomain as H, zoneForName as I, isText as J, waitForPropagation as K, nameServersOf as L, requiredRecordNames as M, NOT_FOUND_CODES as N, zoneResolver as O, ownedItems as P, lstat as Q, readFile as R, rm as S, rmdir as T, dirname as U, open as V, WAF_PORT_SHAPE as W, X509Certificate as X, constants as Y, resolve as Z, mkdir as _, isDebug as a, parseJsonObject as a$, relative as a0, isAbsolute as a1, sep as a2, mkdtemp as a3, join as a4, tmpdir as a5, writeFile as a6, chmod as a7, createPrivateKey as a8, randomBytes as a9, reconcileUncertainCreate as aA, validationBaseName as aB, removeChallengeRecords as aC, requireOrderId as aD, isOrderNotFound as aE, acceptCertificate as aF, momentInsideValidity as aG, stillToDo as aH, instanceForDomains as aI, dueBy as aJ, firstInactive as aK, reuseUnlessDue as aL, NameTakenError as aM, AcmeProblemError as aN, openSource as aO, sourceOfExisting as aP, unsupported as aQ, SOURCE_APIS as aR, InputError as aS, checkIssuedCertificate as aT, CertificateCheckError as aU, parseDomainList as aV, checkDomainSet as aW, stat as aX, unlink as aY, idTokenUrlProblem as aZ, createTransport as a_, pbkdf2 as aa, createCipheriv as ab, createHmac as ac, rememberTempPath as ad, basename as ae, isIssued as af, statusReport as ag, describeExistingOrder as ah, listOrdersForDomains as ai, latestIssued as aj, inFlightOrder as ak, readOrder as al, readOrderCertificate as am, findOrderSummary as an, validationRecordNames as ao, sameDomainSet as ap, emptyResult as aq, isoDay as ar, isFreeProduct as as, convergeOnOldestOrder as at, waitForIssuance as au, pendingResult as av, acceptIssuedCertificate as aw, renewalWindowDays as ax, DAY_MS as ay, isOrderStateError as az, isPostStep as b, percentEncode as b0, randomUUID as b1, formatTimestamp as b2, classifyServiceError as b3, DEFAULT_RETRY_POLICY as b4, backoffDelayMs as b5, DEFAULT_TIMEOUTS as b6, THROTTLING_RETRY_POLICY as b7, mayRetry as b8, outcomeUnknownAfter as b9, withOutcomeUnknown as ba, policyFor as bb, nextRetryDelayMs as bc, pastDeadline as bd, MAX_ANSWER_BYTES as be, describeCause as bf, transportFailure as bg, headerValue as bh, parseRetryAfterMs as bi, scrubEchoedRequest as bj, dateField as bk, generateKeyPair as bl, NAME_TAKEN_CODE as bm, parseServiceDay as bn, namesOf as bo, serviceDayOnly as bp, runMain as c, debug as d, error as e, certificateCovers as f, writeSummary as g, isoSeconds as h, info as i, setOutput as j, dayCount as k, redactSecrets as l, modeEntry as m, nextPollDelayMs as n, reportOf as o, daysRemaining as p, normaliseDomain as q, runPost as r, setSecret as s, listField as t, textField as u, isRecord as v, warning as w, parseRegionalResource as x, numberField as y, idField as z };
