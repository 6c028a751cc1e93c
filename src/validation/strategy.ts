import type { Challenge } from '../vocabulary.js';
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
