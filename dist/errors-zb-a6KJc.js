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

export { FlowError as F, InputError as I };
