import { describe, expect, it } from 'vitest';
import { createLineLogger, MAX_LOG_LINE } from '../src/commands/line-logger.js';

function captured(): { out: string[]; err: string[]; io: { out: (text: string) => void; err: (text: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (text) => out.push(text), err: (text) => err.push(text) } };
}

describe("flowline serve's log lines", () => {
  it('cuts a line whose fields are huge at 4,096 characters, saying how much was left out', () => {
    const { err, io } = captured();
    createLineLogger(io).warn('pushpress webhook refused', { pointers: Array.from({ length: 30_000 }, (_, index) => `/data/n${index}/__proto__`) });

    expect(err).toHaveLength(1);
    expect(err[0]?.length).toBeLessThan(MAX_LOG_LINE + 100);
    expect(err[0]).toMatch(/^warning: pushpress webhook refused \{"pointers":\["\/data\/n0\/__proto__"/);
    expect(err[0]).toMatch(/… \(\d+ more characters\)$/);
  });

  it('writes info to stdout and warnings and errors to stderr, one line each, short lines whole', () => {
    const { out, err, io } = captured();
    const logger = createLineLogger(io);
    logger.info('flowline is listening', { url: 'http://127.0.0.1:8787' });
    logger.error('a run failed', { runId: 'r1' });

    expect(out).toEqual(['flowline is listening {"url":"http://127.0.0.1:8787"}']);
    expect(err).toEqual(['error: a run failed {"runId":"r1"}']);
  });
});
