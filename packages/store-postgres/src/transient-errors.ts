import { StoreUnavailableError, type StoreUnavailableReason } from '@flowline/core';

/** Node's socket errors: the server cannot be reached, or the connection to it broke. */
const NETWORK: ReadonlyArray<readonly [code: string, what: string]> = [
  ['ECONNREFUSED', 'the server refused the connection (is it running?)'],
  ['ECONNRESET', 'the connection was reset'],
  ['ETIMEDOUT', 'the connection timed out'],
  ['EHOSTUNREACH', 'the host is unreachable'],
  ['ENETUNREACH', 'the network is unreachable'],
  ['EHOSTDOWN', 'the host is down'],
  ['EPIPE', 'the connection was closed while writing'],
  ['EAI_AGAIN', 'the host name could not be resolved for now'],
];

/**
 * SQLSTATEs that pass: the data is fine, the statement can be tried again later. Class 08 (a
 * connection exception) is matched as a class.
 */
const SQLSTATES: ReadonlyArray<readonly [code: string, reason: StoreUnavailableReason, what: string]> = [
  ['57P01', 'io-error', 'the server is shutting down (admin shutdown)'],
  ['57P02', 'io-error', 'the server crashed and is restarting'],
  ['57P03', 'io-error', 'the server is starting up or cannot accept connections now'],
  ['53100', 'disk-full', 'the server\u2019s disk is full'],
  ['53200', 'busy', 'the server is out of memory'],
  ['53300', 'busy', 'the server has too many connections'],
  ['58030', 'io-error', 'the server reported an I/O error'],
  ['40001', 'busy', 'a concurrent transaction conflicted (serialization failure)'],
  ['40P01', 'busy', 'a deadlock with another transaction was broken'],
  ['55P03', 'busy', 'a lock was not available'],
  ['25P03', 'io-error', 'the server ended an idle transaction'],
];

/** node-postgres's own errors, which carry no code, when a connection is lost or cannot be made in time. */
const DRIVER_MESSAGES: readonly RegExp[] = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable/,
  /^Client was closed and is not queryable/,
  /^Connection ended/,
];

/** Why `error` passes (the server is unreachable, restarting, full, busy), or undefined when it is about the data or the query. */
export function transientReason(error: unknown): { readonly reason: StoreUnavailableReason; readonly what: string } | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      const network = NETWORK.find(([name]) => name === code);
      if (network !== undefined) return { reason: 'io-error', what: `${network[1]} (${code})` };
      if (/^08[0-9A-Z]{3}$/.test(code)) return { reason: 'io-error', what: `a connection exception (SQLSTATE ${code}): ${current.message}` };
      const state = SQLSTATES.find(([name]) => name === code);
      if (state !== undefined) return { reason: state[1], what: `${state[2]} (SQLSTATE ${code})` };
    }
    if (DRIVER_MESSAGES.some((pattern) => pattern.test(current.message))) return { reason: 'io-error', what: current.message };
    if (current instanceof AggregateError) {
      // Node's happy-eyeballs connect (several addresses) fails with an AggregateError of each attempt.
      const inner = current.errors.map(transientReason).find((found) => found !== undefined);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/**
 * The store's error for a driver error: a StoreUnavailableError (code `store.unavailable`, the
 * driver's error as its cause) when it passes (the server is unreachable, restarting, out of
 * disk or connections), else the error itself. `where`: the server and schema, to name them.
 *
 * Core's reasons are `disk-full`, `io-error` and `busy`: a server that cannot be reached counts
 * as `io-error` (the message says which).
 */
export function storeErrorOf(error: unknown, where: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const transient = transientReason(error);
  if (transient === undefined) return error;
  return new StoreUnavailableError(transient.reason, `The PostgreSQL store ${where} cannot be used for now: ${transient.what}.`, {
    hint:
      transient.reason === 'disk-full'
        ? 'Free space on the database server. A Flowline engine keeps the work that needs the write waiting and goes on by itself once writes succeed.'
        : 'Check that the PostgreSQL server is running and reachable. A Flowline engine keeps the work waiting and goes on by itself once the server answers again.',
    cause: error,
  });
}
