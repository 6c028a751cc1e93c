// One small interface behind every way of proving domain control (alidns, FILE, manual, hook).
import type { Challenge } from '../services/certificate-authority.js';

export interface ValidationStrategy {
  /** Makes the challenge answerable for these domains; called again only when the challenge changes. */
  present(challenge: Challenge, domains: string[]): Promise<void>;
  /** Removes what present made; safe to call when present never ran or already cleaned up. */
  cleanup(): Promise<void>;
}
