// The port for certificates held at the service (upload, download, list, delete), one adapter per API version:
// api-2020.ts (2020-04-07) and api-2018.ts (2018-07-13). Flows see only this vocabulary (docs/held-certificates.md).
/** `2018-08-13` is the version string 004 also names for the 2018 API. */
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
/** `a.example.com,b.example.com` (and the common name) as lower-case names without repeats. */
function namesOf(...lists) {
    const names = lists
        .flatMap((list) => (list ?? '').split(/[,\s]+/))
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
    return [...new Set(names)];
}

export { HELD_API_VERSIONS as H, NameTakenError as N, NAME_TAKEN_CODE as a, NOT_FOUND_CODES as b, namesOf as n, parseServiceDay as p };
