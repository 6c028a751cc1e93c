// The readers of raw inputs, each reporting a bad value to the one list of problems (config.ts) and returning the
// fallback, so that every problem is found in one pass.
import { plainHttpProblem } from '../aliyun/plain-http.js';

export type InputReader = (name: string) => string;
export type ReportProblem = (input: string, problem: string) => void;

export function inputReaders(read: InputReader, fail: ReportProblem) {
  const text = (name: string) => read(name).trim() || undefined;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name) ?? fallback;
    const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (!match) fail(name, `must be one of ${allowed.join(', ')} (got '${raw}')`);
    return match ?? fallback;
  };
  const number = (name: string, fallback: number, { integer = false, min = 0, allowZero = false } = {}) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    const ok =
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      (allowZero ? value >= min : value > min);
    const kind = integer ? 'a whole number' : 'a number';
    if (!ok)
      fail(name, `must be ${kind} ${allowZero ? `of at least ${min}` : `above ${min}`} (got '${raw}')`);
    return ok ? value : fallback;
  };
  // The runner's boolean rules (core.getBooleanInput, the YAML 1.2 core schema): nothing else is a boolean.
  const flag = (name: string, fallback: boolean) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    fail(name, `must be true or false (got '${raw}')`);
    return fallback;
  };
  const endpoint = (name: string, fallback: string) => {
    const raw = text(name) ?? fallback;
    const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
    try {
      const url = new URL(withScheme);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
      // Signed calls carry the key id, the STS token and (for STS) the ID token: never in clear over a network.
      const plainHttp = plainHttpProblem(url);
      if (plainHttp) {
        fail(name, `${plainHttp} (got '${raw}')`);
        return fallback;
      }
      return url.origin;
    } catch {
      fail(name, `must be an http(s) URL such as https://cas.aliyuncs.com (got '${raw}')`);
      return fallback;
    }
  };
  return { text, oneOf, number, flag, endpoint };
}
