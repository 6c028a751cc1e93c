// The small logger every layer may take: flows and providers log through it, never through @actions/core.
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

// Pure: any string of a log line may come from the service (a RecordDomain, a Message, an order's domain). The
// runner reads every stdout line that starts with `::` (or holds `##[`) as a workflow command, so a new line in
// such a string could print `::stop-commands::` and swallow the `::add-mask::` of a key that follows
// (docs/faults.md, "Nothing leaks"). Every line is made inert here, once, for all callers.

/** Control characters but tab, line feed and carriage return (those two have their own treatment). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /\r\n|\r|\n/g;

function escaped(character: string): string {
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  if (character === '\r\n') return '\\r\\n';
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `message` as one plain stdout line: line breaks and control characters written as escapes (`\n`, `\u0000`),
 * a leading `::` split (`: :`) and `##[` spaced (`## [`), so the runner reads no command in it.
 */
export function inertLogLine(message: string): string {
  return message
    .replace(LINE_BREAK, escaped)
    .replace(CONTROL, escaped)
    .replace(/^(\s*):(?=:)/, '$1: ')
    .replace(/##\[/g, '## [');
}

/**
 * `message` for an annotation or debug command: @actions/core escapes its line breaks (`%0A`), so only the other
 * control characters are written as escapes (and `##[` spaced); a multi-line message stays multi-line there.
 */
export function inertAnnotation(message: string): string {
  return message.replace(CONTROL, escaped).replace(/##\[/g, '## [');
}

/** `sink` with every message made inert: info as one plain line, the annotation levels through their escaping. */
export function inertLogger(sink: Logger): Logger {
  return {
    debug: (message) => sink.debug(inertAnnotation(message)),
    info: (message) => sink.info(inertLogLine(message)),
    notice: (message) => sink.notice(inertAnnotation(message)),
    warning: (message) => sink.warning(inertAnnotation(message)),
  };
}
