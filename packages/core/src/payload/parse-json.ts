import { PayloadError } from '../errors/payload-error.js';

export interface ParseJsonOptions {
  /** Larger texts are refused before parsing. */
  readonly maxBytes: number;
  /** What is being parsed, for messages (a file name, "event payload"). */
  readonly source: string;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Parses JSON text with a size limit, naming the place of a syntax error. */
export function parseJson(text: string, options: ParseJsonOptions): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > options.maxBytes) {
    throw new PayloadError('payload.too-large', `${options.source} is ${bytes} bytes, over the limit of ${options.maxBytes}`, {
      hint: 'Send a smaller document, or raise the limit (maxPayloadBytes).',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : ` at ${lineAndColumn(text, Number(position))}`;
    throw new PayloadError('payload.malformed', `${options.source} is not valid JSON${where}: ${message}`, {
      hint: 'Check for a missing comma, quote or bracket near that place.',
      cause: error,
    });
  }
}
