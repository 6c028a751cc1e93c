import { J as isText, F as FlowError, Q as lstat, R as readFile, S as rm, T as rmdir, U as dirname, V as open, Y as constants, E as createHash, Z as resolve, _ as mkdir, $ as realpath, P as ownedItems, a0 as relative, a1 as isAbsolute, a2 as sep } from './start.js';
import { f as forMethod } from './strategy.js';

// validation-method: FILE with file-validation-root — write the validation file under the web root, remove it after.
// The answer that names the file is not trusted: only the documented folder, a new file (never an existing one),
// a token's size and characters; only the file it wrote, unchanged, is removed.
/** The folders a validation file may be written in, as URL paths. */
const VALIDATION_FILE_FOLDERS = ['/.well-known/pki-validation/'];
/** An ACME HTTP-01 file's folder (RFC 8555 section 8.3); a CAS answer naming it is still refused. */
const ACME_FILE_FOLDERS = ['/.well-known/acme-challenge/'];
/** A validation file holds a token (or the URL the documents show): a few hundred bytes at most. */
const MAX_VALIDATION_FILE_BYTES = 4096;
/** A file name directly in the folder: no folder below it, no hidden file. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
/** Printable ASCII and line ends, nothing a browser would read as markup. */
const CONTENT = /^[\x20-\x3B=?-\x7E\t\r\n]+$/;
/** Pure: the URL path of `uri` (a full URL is reduced to its path; query and fragment dropped; decoded). */
function uriPath(uri) {
    let path = uri.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
        try {
            path = new URL(path).pathname;
        }
        catch {
            return undefined;
        }
    }
    path = path.replace(/[?#].*$/, '');
    try {
        return decodeURIComponent(path);
    }
    catch {
        return undefined;
    }
}
/**
 * Pure: where the file for `uri` goes under `root`, or undefined when the path would leave the root
 * (a `..` segment, an absolute escape, a NUL, a backslash, bad percent-encoding) or names the root itself.
 * A full URL is reduced to its path; query and fragment are dropped; percent-encoding is decoded first.
 */
function validationFilePath(root, uri) {
    const path = uriPath(uri);
    if (path === undefined || path === '' || path.includes('\0') || path.includes('\\'))
        return undefined;
    const segments = path.split('/');
    if (segments.includes('..'))
        return undefined;
    const base = resolve(root);
    const target = resolve(base, `.${path.startsWith('/') ? '' : '/'}${path}`);
    return isInside(base, target) ? target : undefined;
}
/** Pure: why the action must not write this challenge's file, or undefined. */
function validationFileProblem(challenge) {
    const path = uriPath(challenge.uri) ?? '';
    const folders = challenge.acme ? ACME_FILE_FOLDERS : VALIDATION_FILE_FOLDERS;
    const folder = folders.find((f) => path.startsWith(f));
    if (!folder || !FILE_NAME.test(path.slice(folder.length))) {
        return `is not a file directly in ${folders.join(' or ')}, and validation writes only ${folders.map((f) => `${f}<file>`).join(' or ')}`;
    }
    const bytes = Buffer.byteLength(challenge.content);
    if (bytes > MAX_VALIDATION_FILE_BYTES) {
        return `has a content of ${bytes} bytes, and a validation file holds at most ${MAX_VALIDATION_FILE_BYTES}`;
    }
    if (!CONTENT.test(challenge.content)) {
        return "has a content with characters a validation file never holds (only printable ASCII, no '<' or '>')";
    }
    return undefined;
}
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
/** Pure: `target` lies strictly below `base` (both absolute, normalised). */
function isInside(base, target) {
    const rel = relative(base, target);
    return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}
function createFileValidation(deps) {
    const { log, ledger, orderId, root } = deps;
    const mine = ownedItems(ledger, (item) => removeValidationFile(item, log));
    const cleanup = () => mine.removeAll();
    return {
        async present(challenge) {
            await cleanup();
            const target = validationFilePath(root, challenge.uri);
            if (!target) {
                throw new FlowError(`Order ${orderId} asks for the validation file '${challenge.uri}', which is not a path inside ` +
                    `file-validation-root (${root}); refusing to write it. Publish http://${challenge.domain}` +
                    `${challenge.uri} by hand, or use validation-method: DNS.`);
            }
            const problem = validationFileProblem(challenge);
            if (problem) {
                throw new FlowError(`The validation file '${challenge.uri}' that the service names for ${orderId} ${problem}: refusing to ` +
                    'write it, since it is no validation file of this certificate. Look at the order in the console.');
            }
            if (await sameFileThere(target, challenge, orderId)) {
                log.notice(`The validation file ${target} already holds the content order ${orderId} asks for (an earlier run ` +
                    `wrote it, or you did): using it and leaving it in place; make sure a deploy publishes it at ` +
                    `http://${challenge.domain}${challenge.uri}.`);
                return [];
            }
            const dirs = await makeFoldersInside(root, dirname(target), challenge.uri, orderId);
            // A new file only: never one that is there (O_EXCL), never through a symbolic link (O_NOFOLLOW).
            const file = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644).catch((error) => {
                if (error.code === 'EEXIST' || error.code === 'ELOOP')
                    throw alreadyThere(target, orderId);
                throw error;
            });
            const item = { kind: 'file', path: target, dirs, sha256: sha256(challenge.content) };
            mine.add(item);
            try {
                await file.writeFile(challenge.content);
            }
            finally {
                await file.close();
            }
            log.notice(`Wrote the validation file for order ${orderId} to ${target}: a deploy must publish it at ` +
                `http://${challenge.domain}${challenge.uri} before the order can validate.`);
            return [];
        },
        cleanup,
    };
}
const alreadyThere = (target, orderId) => new FlowError(`The validation file ${target} of order ${orderId} already exists with other content (or is no plain ` +
    'file); refusing to overwrite a file this action did not write. Remove it if it is stale, and run again.');
/**
 * True when the file is there with the content asked for (an earlier run's, or the user's: used, not removed);
 * false when absent; a FlowError when something else is there.
 */
async function sameFileThere(target, challenge, orderId) {
    const found = await lstat(target).catch(() => undefined);
    if (!found)
        return false;
    if (found.isSymbolicLink()) {
        throw new FlowError(`The validation file ${target} of order ${orderId} is a symbolic link; refusing to write through it.`);
    }
    if (!found.isFile())
        throw alreadyThere(target, orderId);
    const existing = await readFile(target, 'utf8');
    if (existing.replace(/\r?\n$/, '') === challenge.content)
        return true;
    throw alreadyThere(target, orderId);
}
/**
 * Creates `dir` (and `root`) as needed; returns the folders created, deepest first. Refuses when the nearest
 * existing folder is outside the root for real (a symbolic link inside the root pointing elsewhere).
 */
async function makeFoldersInside(root, dir, uri, orderId) {
    const base = resolve(root);
    const firstRoot = await mkdir(base, { recursive: true });
    const realRoot = await realpath(base);
    let existing = dir;
    while (existing !== base && !(await lstat(existing).catch(() => undefined)))
        existing = dirname(existing);
    const realExisting = await realpath(existing);
    if (realExisting !== realRoot && !isInside(realRoot, realExisting)) {
        throw new FlowError(`The validation file '${uri}' of order ${orderId} would land in ${realExisting}, outside ` +
            `file-validation-root (${root}), through a symbolic link; refusing to write it.`);
    }
    const first = await mkdir(dir, { recursive: true });
    return [...(first ? createdDirs(first, dir) : []), ...(firstRoot ? createdDirs(firstRoot, base) : [])];
}
/** Folders from `first` (the first one mkdir created) down to `last`, deepest first. */
function createdDirs(first, last) {
    const dirs = [];
    for (let dir = last;; dir = dirname(dir)) {
        dirs.push(dir);
        if (dir === first || dirname(dir) === dir)
            break;
    }
    return dirs;
}
/**
 * Removes the file and the folders created for it when empty; true when the file is gone or no longer the one the
 * action wrote (changed since, or replaced: left in place). Never throws.
 */
async function removeValidationFile(item, log) {
    try {
        const found = await lstat(item.path).catch(() => undefined);
        if (!found)
            return true;
        if (!found.isFile() || sha256(await readFile(item.path, 'utf8')) !== item.sha256) {
            log.info(`The validation file ${item.path} changed since this action wrote it: leaving it in place.`);
            return true;
        }
        await rm(item.path, { force: true });
    }
    catch (error) {
        log.warning(`Could not remove the validation file ${item.path}: ${String(error)}. Remove it by hand.`);
        return false;
    }
    for (const dir of item.dirs) {
        // Only empty folders: whatever else a deploy put there stays.
        const removed = await rmdir(dir).then(() => true, () => false);
        if (!removed)
            break;
    }
    log.info(`Removed the validation file ${item.path}.`);
    return true;
}
const isFileItem = (item) => item.kind === 'file';
const fileProvider = {
    create({ settings, log, ledger, orderId }) {
        const root = settings.fileRoot;
        if (!root)
            throw new FlowError("validation-method FILE writes the file only with the input 'file-validation-root'.");
        return forMethod('FILE', createFileValidation({ root, log, ledger, orderId }));
    },
    itemKind: 'file',
    parseItem(raw) {
        if (!isText(raw.path) || !isText(raw.sha256))
            return undefined;
        const dirs = Array.isArray(raw.dirs) ? raw.dirs.filter(isText) : [];
        return { kind: 'file', path: raw.path, dirs, sha256: raw.sha256 };
    },
    describeItem: (item) => (isFileItem(item) ? `validation file ${item.path}` : item.kind),
    removeItem: async (item, { log }) => isFileItem(item) && removeValidationFile(item, log),
};

export { ACME_FILE_FOLDERS, MAX_VALIDATION_FILE_BYTES, VALIDATION_FILE_FOLDERS, createFileValidation, fileProvider, isInside, removeValidationFile, validationFilePath, validationFileProblem };
