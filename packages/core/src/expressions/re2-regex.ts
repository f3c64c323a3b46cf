import { RE2JS } from 're2js';

/**
 * A RegExp stand-in for JSONata's `RegexEngine` option, backed by RE2 (linear-time matching):
 * no pattern can be driven into catastrophic backtracking. JSONata constructs it with the
 * RegExp it parsed and then only uses `exec` and `lastIndex`.
 *
 * RE2 has no look-around and no back-references; such patterns fail with a clear error.
 */
export class Re2Regex {
  lastIndex = 0;
  readonly source: string;
  readonly #re: RE2JS;

  constructor(pattern: RegExp | string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const flags = typeof pattern === 'string' ? '' : pattern.flags;
    this.source = source;
    this.#re = RE2JS.compile(
      source,
      (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0),
    );
  }

  exec(input: string): RegExpExecArray | null {
    const matcher = this.#re.matcher(input);
    if (this.lastIndex > input.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: string[] = [];
    for (let group = 0; group <= matcher.groupCount(); group += 1) {
      groups.push(matcher.group(group) ?? (undefined as unknown as string));
    }
    const result = Object.assign(groups, { index: matcher.start(), input }) as unknown as RegExpExecArray;
    this.lastIndex = matcher.end();
    return result;
  }

  /** Throws a readable message when RE2 cannot compile the pattern (look-around, back-references). */
  static check(pattern: RegExp): string | undefined {
    try {
      new Re2Regex(pattern);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}
