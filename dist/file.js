import { p as isText, F as FlowError, v as rm, x as rmdir, y as lstat, B as readFile, C as dirname, D as writeFile, E as resolve, G as mkdir, H as realpath, u as ownedItems, I as relative, J as isAbsolute, K as sep } from './start.js';
import { f as forMethod } from './strategy.js';

// validation-method: FILE with file-validation-root — write the validation file under the web root, remove it after.
/**
 * Pure: where the file for `uri` goes under `root`, or undefined when the path would leave the root
 * (a `..` segment, an absolute escape, a NUL, a backslash, bad percent-encoding) or names the root itself.
 * A full URL is reduced to its path; query and fragment are dropped; percent-encoding is decoded first.
 */
function validationFilePath(root, uri) {
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
        path = decodeURIComponent(path);
    }
    catch {
        return undefined;
    }
    if (path === '' || path.includes('\0') || path.includes('\\'))
        return undefined;
    const segments = path.split('/');
    if (segments.includes('..'))
        return undefined;
    const base = resolve(root);
    const target = resolve(base, `.${path.startsWith('/') ? '' : '/'}${path}`);
    return isInside(base, target) ? target : undefined;
}
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
            // Never write through a symbolic link: it could point anywhere.
            if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) {
                throw new FlowError(`The validation file ${target} of order ${orderId} is a symbolic link; refusing to write through it.`);
            }
            const existing = await readFile(target, 'utf8').catch(() => undefined);
            if (existing !== undefined && existing.replace(/\r?\n$/, '') === challenge.content) {
                log.notice(`The validation file ${target} already holds the content order ${orderId} asks for: ` +
                    `make sure a deploy publishes it at http://${challenge.domain}${challenge.uri}.`);
                return [];
            }
            const dirs = await makeFoldersInside(root, dirname(target), challenge.uri, orderId);
            const item = { kind: 'file', path: target, dirs };
            mine.add(item);
            await writeFile(target, challenge.content, { mode: 0o644 });
            log.notice(`Wrote the validation file for order ${orderId} to ${target}: a deploy must publish it at ` +
                `http://${challenge.domain}${challenge.uri} before the order can validate.`);
            return [];
        },
        cleanup,
    };
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
/** Removes the file and the folders created for it when empty; true when the file is gone. Never throws. */
async function removeValidationFile(item, log) {
    try {
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
        if (!isText(raw.path))
            return undefined;
        return { kind: 'file', path: raw.path, dirs: Array.isArray(raw.dirs) ? raw.dirs.filter(isText) : [] };
    },
    describeItem: (item) => (isFileItem(item) ? `validation file ${item.path}` : item.kind),
    removeItem: async (item, { log }) => isFileItem(item) && removeValidationFile(item, log),
};

export { createFileValidation, fileProvider, isInside, removeValidationFile, validationFilePath };
