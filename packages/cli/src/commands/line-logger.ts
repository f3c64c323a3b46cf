import type { Logger } from '@flowline/core';
import type { CommandIo } from './command-io.js';

/** A log line is cut here: its fields hold what senders sent, and one line must not fill a disk. */
export const MAX_LOG_LINE = 4_096;

function line(prefix: string, message: string, fields: Record<string, unknown> | undefined): string {
  const text = `${prefix}${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`;
  return text.length <= MAX_LOG_LINE ? text : `${text.slice(0, MAX_LOG_LINE)}… (${text.length - MAX_LOG_LINE} more characters)`;
}

/** `flowline serve`'s log: one line per entry, info on stdout, warnings and errors on stderr. */
export function createLineLogger(io: CommandIo): Logger {
  return {
    debug() {},
    info: (message, fields) => io.out(line('', message, fields)),
    warn: (message, fields) => io.err(line('warning: ', message, fields)),
    error: (message, fields) => io.err(line('error: ', message, fields)),
  };
}
