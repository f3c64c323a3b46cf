import { Agent, buildConnector } from 'undici';

/**
 * An undici Agent whose every connection (first request and each redirect hop alike) goes to the
 * address `guard` answers for the URL's host: the guard resolves and checks, and the socket is
 * opened to exactly that address (TLS still names the original host for SNI and the certificate).
 */
export function createGuardedDispatcher(guard: (hostname: string) => Promise<string>, connectTimeoutMs = 10_000): Agent {
  const connectTo = buildConnector({ timeout: connectTimeoutMs });
  const connect: buildConnector.connector = (options, callback) => {
    guard(options.hostname).then(
      (address) => connectTo({ ...options, hostname: address }, callback),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
  return new Agent({ connect });
}
