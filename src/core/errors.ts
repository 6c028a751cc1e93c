// The errors a user can act on, low so that every layer may throw them; the runner turns each into one sentence.
import type { LeftBehind } from './result.js';

export interface InputProblem {
  input: string;
  problem: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `input '${p.input}' ${p.problem}`).join('; '));
  }
}

/**
 * A failure the user can act on: one sentence naming the order or operation and what to do next. `result` holds
 * what the run leaves behind (the order, its state, the validation still to do) for the outputs and the summary.
 */
export class FlowError extends Error {
  override readonly name = 'FlowError';
  constructor(
    message: string,
    readonly result?: LeftBehind,
  ) {
    super(message);
  }
}
