// What one way of proving domain control owns, so that adding one is its own file and a line in registry.ts:
// answering a challenge, the ledger items it leaves, removing one, and removing what answers a given challenge.

import type { Challenge } from '../authority/vocabulary.js';
import type { Logger } from '../core/log.js';
import type { DnsService } from '../services/dns.js';
import type { CleanupItem, CleanupLedger } from './cleanup.js';
import type { ChallengeHandler } from './strategy.js';

/** `dns-hook`, and every value the hook must never see nor have repeated from its output. */
export interface HookSettings {
  command: string;
  secrets: readonly string[];
  /** `dns-hook-env`: variables of the step passed to the hook besides the basics (src/validation/hook.ts). */
  passEnv?: readonly string[];
}

/**
 * What the providers read of the inputs, and nothing else (built from the config by
 * config/validation-settings.ts, so that this folder knows no config).
 */
export interface ProviderSettings {
  /** `dns-ttl` of the records alidns writes. */
  ttl: number;
  /** `dns-wait-propagation`: alidns waits until the zone's name servers serve the record. */
  waitPropagation: boolean;
  /** `wait-timeout`, which bounds that wait too. */
  waitTimeoutSeconds: number;
  /**
   * `dns-resolvers`: the name servers (`ip` or `ip:port`) those waits ask, instead of the zone's authoritative
   * servers (a split horizon, a private zone, a test's own server).
   */
  nameServers?: readonly string[];
  /** `file-validation-root`: FILE challenges are written there; absent: the user publishes the file. */
  fileRoot?: string;
  /** Absent without `dns-hook`. */
  hook?: HookSettings;
}

export interface ProviderDeps {
  settings: ProviderSettings;
  dns: DnsService;
  log: Logger;
  ledger: CleanupLedger;
  orderId: string;
}

/** What the post step and `cancel` have: no ledger, and maybe no client (inputs unreadable). */
export interface RemovalDeps {
  settings?: ProviderSettings;
  dns?: DnsService;
  log: Logger;
}

export interface ValidationProvider {
  /** The handler for one order's challenges. */
  create(deps: ProviderDeps): ChallengeHandler<Challenge>;
  /** The ledger item kind this provider writes; absent when it leaves nothing (manual). */
  itemKind?: CleanupItem['kind'];
  /** Reads a saved item back, or undefined when malformed (state is text a user could have touched). */
  parseItem?(raw: Record<string, unknown>): CleanupItem | undefined;
  describeItem?(item: CleanupItem): string;
  /** True when the item is gone (removed now, or already). Never throws. */
  removeItem?(item: CleanupItem, deps: RemovalDeps): Promise<boolean>;
  /**
   * `cancel`: removes what answers this challenge at these full names (found by its value, the order's own token),
   * and says in a few words what was done. Never throws.
   */
  removeForChallenge?(challenge: Challenge, names: string[], deps: RemovalDeps): Promise<string>;
}
