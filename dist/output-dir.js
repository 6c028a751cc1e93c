import { Z as resolve, aX as stat, U as dirname, _ as mkdir, a4 as join, V as open, Y as constants, aY as unlink } from './start.js';

// output-dir, checked before anything costs quota: made now, one folder at a time (a recursive mkdir spins on a
// file system that refuses folders, such as /proc), then written to once, so the files cannot fail for a reason
// known in advance after the certificate was issued (README, "Troubleshooting").
/** What a refusal means, in words beside its code. */
const MEANINGS = {
    ENOENT: 'that file system takes no new folders',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left',
    EEXIST: 'a file of that name is in the way',
};
function reason(error) {
    const code = error.code;
    if (!code)
        return error instanceof Error ? error.message : String(error);
    return MEANINGS[code] ? `${code}: ${MEANINGS[code]}` : code;
}
/** Why output-dir cannot take the files (a sentence fragment after the input's name), or nothing. */
async function outputDirProblem(dir) {
    const target = resolve(dir);
    const missing = [];
    let existing = target;
    for (;;) {
        try {
            if (!(await stat(existing)).isDirectory())
                return `cannot be made: ${existing} is a file, not a folder`;
            break;
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOTDIR') {
                existing = dirname(existing);
                continue;
            }
            if (code !== 'ENOENT' || dirname(existing) === existing)
                return `cannot be read at ${existing} (${reason(error)})`;
            missing.unshift(existing);
            existing = dirname(existing);
        }
    }
    for (const folder of missing) {
        try {
            await mkdir(folder);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                return `cannot be made: creating ${folder} failed (${reason(error)})`;
        }
    }
    const probe = join(target, `.write-check-${process.pid}`);
    try {
        const file = await open(probe, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
        await file.close();
        await unlink(probe);
    }
    catch (error) {
        return `cannot be written: ${target} refuses new files (${reason(error)})`;
    }
    return undefined;
}

export { outputDirProblem };
