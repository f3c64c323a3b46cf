/** One request the sandbox saw, for tests and people to read. No headers, so no tokens. */
export interface RequestLogEntry {
  readonly seq: number;
  readonly at: string;
  readonly method: string;
  readonly path: string;
  /** The answer's status; `null` when a `dropResponse` fault cut the connection. */
  readonly status: number | null;
  readonly operationId?: string;
  readonly locationId?: string;
  readonly faults?: readonly string[];
}

export interface RequestStats {
  readonly total: number;
  readonly byStatus: Record<string, number>;
  readonly rateLimited: number;
  readonly droppedResponses: number;
}

/** A bounded log of requests plus counters that survive the log's trimming. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;
  private byStatus: Record<string, number> = {};
  private rateLimited = 0;
  private dropped = 0;

  constructor(private readonly capacity: number) {}

  record(entry: Omit<RequestLogEntry, 'seq'>): void {
    const full: RequestLogEntry = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    const key = entry.status === null ? 'dropped' : String(entry.status);
    this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
    if (entry.status === 429) this.rateLimited++;
    if (entry.status === null) this.dropped++;
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  stats(): RequestStats {
    return { total: this.seq, byStatus: { ...this.byStatus }, rateLimited: this.rateLimited, droppedResponses: this.dropped };
  }

  clear(): void {
    this.entries = [];
    this.seq = 0;
    this.byStatus = {};
    this.rateLimited = 0;
    this.dropped = 0;
  }
}
