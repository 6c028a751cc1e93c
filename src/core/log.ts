// The small logger every layer may take: flows and providers log through it, never through @actions/core.
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}
