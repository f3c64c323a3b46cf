import { runDemo } from '../demo/run-demo.js';
import { formatSummary } from '../demo/format-summary.js';
import type { CommandIo } from './command-io.js';

export interface DemoArgs {
  readonly seed: string | undefined;
  readonly customers: string | undefined;
  readonly windowMs: string | undefined;
  readonly json: boolean;
}

function intArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new TypeError(`Expected --${name} to be an integer, got ${value}`);
  return n;
}

/**
 * `flowline demo [--seed N] [--customers N] [--window-ms N] [--json]`: a scripted day at a gym
 * through the five seed flows against the local GHL sandbox. Exit 0 when every delivery finished.
 */
export async function demoCommand(args: DemoArgs, io: CommandIo): Promise<number> {
  let options;
  try {
    const seed = intArg('seed', args.seed);
    const customers = intArg('customers', args.customers);
    const windowMs = intArg('window-ms', args.windowMs);
    options = { ...(seed === undefined ? {} : { seed }), ...(customers === undefined ? {} : { customers }), ...(windowMs === undefined ? {} : { windowMs }) };
  } catch (error) {
    io.err(`flowline demo: ${(error as Error).message}`);
    return 2;
  }
  if (!args.json) {
    io.out('Flowline demo: PushPress webhooks in, GoHighLevel contacts, tasks, notes, appointments and opportunities out.');
    io.out('Everything runs on this machine: a GHL sandbox, a PushPress stub and the Flowline server, on loopback.\n');
  }
  const summary = await runDemo({ ...options, ...(args.json ? {} : { print: (line: string) => io.out(line) }) });
  io.out(args.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  return summary.allTerminal ? 0 : 1;
}
