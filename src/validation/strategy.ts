import type { Challenge } from '../authority/vocabulary.js';
// One small interface behind every way of proving domain control (alidns, FILE, manual, hook).

/** Answers one kind of challenge (DNS or FILE). */
export interface ChallengeHandler<C extends Challenge> {
  /**
   * Makes the challenge answerable for these domains; called again only when the challenge changes. Returns the
   * full DNS names of the records (empty for a file).
   */
  present(challenge: C, domains: string[]): Promise<string[]>;
  /** Removes what present made; safe to call when present never ran or already cleaned up. Never throws. */
  cleanup(): Promise<void>;
}

export type ValidationStrategy = ChallengeHandler<Challenge>;

/** A handler of one challenge method as a handler of any: the strategy routes by method, so no other comes. */
export function forMethod<C extends Challenge>(
  method: C['method'],
  handler: ChallengeHandler<C>,
): ChallengeHandler<Challenge> {
  return {
    present: (challenge, domains) =>
      challenge.method === method
        ? handler.present(challenge as C, domains)
        : Promise.reject(new Error(`a ${method} handler was given a ${challenge.method} challenge`)),
    cleanup: () => handler.cleanup(),
  };
}
