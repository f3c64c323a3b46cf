import { request, type ClientRequest, type IncomingMessage } from 'node:http';

/** A client of the host API's live run events (Server-Sent Events), reading the stream and discarding it, counting what came. */
export interface EventWatcher {
  /** Events received so far (`event:` lines; the opening comment and keep-alives are not events). */
  events(): number;
  /** Bytes of the stream received so far. */
  bytes(): number;
  /** Ends the stream (the host unsubscribes this watcher). */
  close(): void;
}

const EVENT_LINE = '\nevent: ';

/**
 * Opens `GET <apiUrl>/api/tenants/<tenant>/events` with the operator key and resolves once the
 * stream's first bytes came: the host subscribes the stream in the same tick it writes them, so
 * from then on every run event of the tenant reaches it.
 */
export function watchEvents(apiUrl: string, tenant: string, operatorKey: string): Promise<EventWatcher> {
  return new Promise((resolve, reject) => {
    let events = 0;
    let bytes = 0;
    // The end of the last chunk, in case `\nevent: ` is split between two chunks.
    let tail = '';
    let response: IncomingMessage | undefined;
    const client: ClientRequest = request(
      `${apiUrl}/api/tenants/${encodeURIComponent(tenant)}/events`,
      { headers: { authorization: `Bearer ${operatorKey}`, accept: 'text/event-stream' } },
      (answer) => {
        response = answer;
        if (answer.statusCode !== 200) {
          answer.resume();
          reject(new Error(`GET ${apiUrl}/api/tenants/${tenant}/events answered ${answer.statusCode}`));
          return;
        }
        answer.setEncoding('utf8');
        let first = true;
        answer.on('data', (chunk: string) => {
          bytes += Buffer.byteLength(chunk);
          const text = tail + chunk;
          for (let at = text.indexOf(EVENT_LINE); at !== -1; at = text.indexOf(EVENT_LINE, at + EVENT_LINE.length)) events += 1;
          tail = text.slice(-(EVENT_LINE.length - 1));
          if (first) {
            first = false;
            resolve({ events: () => events, bytes: () => bytes, close: () => client.destroy() });
          }
        });
        // The host ends the stream as it closes; a stream ended or destroyed is no failure here.
        answer.on('error', () => {});
      },
    );
    client.on('error', (error) => {
      if (response === undefined) reject(error);
    });
    client.end();
  });
}
