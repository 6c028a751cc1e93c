// One job of a batched renewal matrix (docs/fleet.md): the certificates of one batch renewed one after the other,
// each by running the action exactly as GitHub runs a step (inputs in INPUT_<NAME>, outputs and saved state in
// the files GITHUB_OUTPUT and GITHUB_STATE), then again as the post step with the saved state in STATE_<name>.
// Of src/ it imports only the list of entry keys (src/fleet/entry-keys.ts, pure data): dist/renew-batch.js is its
// own bundle and loads no chunk of the action.
import { MATRIX_INPUTS } from '../fleet/entry-keys.js';

/** A matrix entry of the plan (src/fleet/decide.ts): its name, then the inputs of one certificate. */
export type BatchEntry = { name: string } & Record<string, unknown>;

/** Keys of a matrix entry that are the plan's, not inputs; an artifact cannot be uploaded from a batch job. */
const NOT_INPUTS = new Set(['name', 'plan', 'artifact-name', 'artifact-retention-days']);

/**
 * Why an entry is refused, before any run: a key that is neither the plan's nor an entry input. A fleet file
 * never chooses the mode, an endpoint, a hook or a credential; those come from BATCH_INPUTS, the workflow's own.
 */
export function refusedKey(entry: BatchEntry): string | undefined {
  const key = Object.keys(entry).find((k) => !NOT_INPUTS.has(k) && !MATRIX_INPUTS.includes(k));
  return key === undefined
    ? undefined
    : `key '${key}' is not an entry input (an entry may give ${MATRIX_INPUTS.join(', ')})`;
}

/** The inputs of one entry's run: `mode: issue`, the batch's common inputs, then the entry's own inputs. */
export function inputsOf(entry: BatchEntry, common: Record<string, unknown>): Record<string, string> {
  const inputs: Record<string, unknown> = { mode: 'issue', ...common };
  for (const [key, value] of Object.entries(entry))
    if (MATRIX_INPUTS.includes(key) && !NOT_INPUTS.has(key) && value !== null && value !== '')
      inputs[key] = value;
  return Object.fromEntries(
    Object.entries(inputs).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/** The environment variables of inputs, as the runner names them: `renew-before-days` → INPUT_RENEW-BEFORE-DAYS. */
export function inputVariables(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
}

/** GITHUB_OUTPUT / GITHUB_STATE: `name<<DELIMITER` blocks, or `name=value` lines. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      values[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      values[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return values;
}

/** What one run of the action (main or post) left. */
export interface StepRun {
  ok: boolean;
  outputs: Record<string, string>;
  state: Record<string, string>;
}

/** Runs the action once with these inputs and extra variables (STATE_* for the post step). */
export type RunStep = (inputs: Record<string, string>, extraEnv: Record<string, string>) => Promise<StepRun>;

export interface BatchResult {
  name: string;
  /** The main step's `status` output, `done` when it gave none, `failed` when it failed. */
  status: string;
  changed: boolean;
}

/**
 * Renews one entry: the main step, then the post step, which removes what main could not and never fails (also
 * after a cancelled main step, as GitHub runs post steps). An entry with a key that is not an input never runs.
 */
export async function renewEntry(
  entry: BatchEntry,
  common: Record<string, unknown>,
  runStep: RunStep,
  log: (line: string) => void = console.log,
): Promise<BatchResult> {
  const refused = refusedKey(entry);
  if (refused) {
    log(`::error::${entry.name}: refused: ${refused}.`);
    return { name: entry.name, status: 'failed', changed: false };
  }
  const inputs = inputsOf(entry, common);
  const main = await runStep(inputs, {});
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  await runStep(inputs, stateEnv);
  const status = main.ok ? (main.outputs.status ?? 'done') : 'failed';
  return { name: entry.name, status, changed: main.outputs.changed === 'true' };
}

/** The job summary's table of the batch. */
export function summaryOf(results: BatchResult[]): string {
  const rows = results.map((r) => `| ${r.name} | ${r.status} | ${r.changed} |`).join('\n');
  return `\n#### Batch (${results.length})\n\n| Certificate | Status | Changed |\n| --- | --- | --- |\n${rows}\n`;
}

/** CERTIFICATES (a JSON array of matrix entries), each needing a name. */
export function parseCertificates(text: string | undefined): BatchEntry[] {
  const value: unknown = JSON.parse(text || '[]');
  if (!Array.isArray(value)) throw new Error('CERTIFICATES must be a JSON array of matrix entries');
  return value.map((entry: unknown, at) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new Error(`CERTIFICATES[${at}] is not an object`);
    const record = entry as Record<string, unknown>;
    if (typeof record.name !== 'string') throw new Error(`CERTIFICATES[${at}] has no name`);
    return record as BatchEntry;
  });
}

/** BATCH_INPUTS: a JSON object of inputs for every entry. */
export function parseCommonInputs(text: string | undefined): Record<string, unknown> {
  const value: unknown = JSON.parse(text || '{}');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('BATCH_INPUTS must be a JSON object of inputs');
  return value as Record<string, unknown>;
}
