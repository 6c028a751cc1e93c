// Picks the validation strategy that the config asks for.
import type { Config } from '../config.js';
import type { Logger } from '../flows/context.js';
import type { DnsService } from '../services/dns.js';
import { createManualValidation } from './manual.js';
import type { ValidationStrategy } from './strategy.js';

export interface ValidationDeps {
  config: Config;
  dns: DnsService;
  log: Logger;
  /** Persists what must be cleaned up if the main step dies (record ids, file paths). */
  rememberCleanup(items: unknown[]): void;
}

export function createValidationStrategy(deps: ValidationDeps, orderId: string): ValidationStrategy {
  return createManualValidation(deps.log, orderId);
}
