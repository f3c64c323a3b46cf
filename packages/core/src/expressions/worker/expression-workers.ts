import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExpressionLimits } from '../expression-limits.js';
import type { OffThreadEvaluator, OffThreadOutcome, OffThreadRequest } from '../off-thread.js';
import type { EvaluateMessage, ExpressionWorkerData, WorkerMessage } from './messages.js';

export interface ExpressionWorkerOptions {
  /** Threads at most. Default: 2, or 1 on a single core. */
  readonly threads?: number;
  /** A thread with nothing to do for this long ends (the next slow evaluation starts one). Default 30 s. */
  readonly idleMs?: number;
}

/** Past `timeoutMs`, the time a thread's own meter has to answer before the thread is ended. */
const DEADLINE_GRACE_MS = 100;

/** The source build runs under tsx (tests, dev scripts); the compiled one (`dist/`) is plain JavaScript. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * Worker threads for the evaluations that outgrow `mainThreadMs` on the engine's thread (see
 * ExpressionCompiler). Made lazily, one evaluation per thread at a time, each with a heap of
 * `workerMemoryMb`. An evaluation's deadline (`timeoutMs`, from when its thread takes it, so
 * waiting is not charged) ends the thread if the evaluation has not answered: a single built-in
 * call cannot hold it longer. A thread that dies (its deadline, its heap) is replaced on demand.
 * Threads do not keep the process alive when idle. Without `options`, engines with the same
 * limits share one set of threads, so a process with many engines still has at most two.
 */
export function createExpressionWorkers(limits: ExpressionLimits, options?: ExpressionWorkerOptions): OffThreadEvaluator {
  if (options) return new ExpressionWorkers(limits, options.threads ?? DEFAULT_THREADS, options.idleMs ?? DEFAULT_IDLE_MS);
  const key = JSON.stringify(limits);
  let shared = SHARED.get(key);
  if (!shared) {
    shared = new ExpressionWorkers(limits, DEFAULT_THREADS, DEFAULT_IDLE_MS);
    SHARED.set(key, shared);
  }
  return shared;
}

const DEFAULT_THREADS = Math.min(2, availableParallelism());
const DEFAULT_IDLE_MS = 30_000;
/** The threads of engines that did not ask for their own, by their limits. */
const SHARED = new Map<string, ExpressionWorkers>();

interface Job {
  readonly id: number;
  readonly request: OffThreadRequest;
  readonly resolve: (outcome: OffThreadOutcome) => void;
  readonly reject: (error: unknown) => void;
}

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  job: Job | undefined;
  deadline: NodeJS.Timeout | undefined;
  idle: NodeJS.Timeout | undefined;
}

class ExpressionWorkers implements OffThreadEvaluator {
  readonly #limits: ExpressionLimits;
  readonly #maxThreads: number;
  readonly #idleMs: number;
  readonly #threads = new Set<Thread>();
  readonly #waiting: Job[] = [];
  #lastId = 0;

  constructor(limits: ExpressionLimits, maxThreads: number, idleMs: number) {
    if (!Number.isInteger(maxThreads) || maxThreads < 1) throw new TypeError(`Expected \`threads\` to be a positive integer, got ${maxThreads}`);
    this.#limits = limits;
    this.#maxThreads = maxThreads;
    this.#idleMs = idleMs;
  }

  evaluate(request: OffThreadRequest): Promise<OffThreadOutcome> {
    return new Promise((resolve, reject) => {
      this.#lastId += 1;
      this.#waiting.push({ id: this.#lastId, request, resolve, reject });
      this.#dispatch();
    });
  }

  /** Gives waiting evaluations to ready, free threads, and starts threads up to the limit. */
  #dispatch(): void {
    for (const thread of this.#threads) {
      if (this.#waiting.length === 0) return;
      if (thread.ready && !thread.job) this.#give(thread, this.#waiting.shift() as Job);
    }
    const starting = [...this.#threads].filter((thread) => !thread.ready).length;
    const needed = Math.min(this.#maxThreads - this.#threads.size, this.#waiting.length - starting);
    for (let count = 0; count < needed; count += 1) this.#start();
  }

  #give(thread: Thread, job: Job): void {
    clearTimeout(thread.idle);
    thread.worker.ref();
    try {
      thread.worker.postMessage({ id: job.id, ...job.request } satisfies EvaluateMessage);
    } catch (error) {
      job.reject(error);
      this.#rest(thread);
      return;
    }
    thread.job = job;
    thread.deadline = setTimeout(() => this.#fail(thread, { bound: { kind: 'time', limitMs: this.#limits.timeoutMs, threadEnded: true } }), this.#limits.timeoutMs + DEADLINE_GRACE_MS);
  }

  #start(): void {
    const data: ExpressionWorkerData = { limits: this.#limits };
    const resourceLimits = { maxOldGenerationSizeMb: this.#limits.workerMemoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
    const worker = COMPILED
      ? new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: data, execArgv: [], resourceLimits })
      : startFromSource(data, resourceLimits);
    const thread: Thread = { worker, ready: false, job: undefined, deadline: undefined, idle: undefined };
    this.#threads.add(thread);
    worker.on('message', (message: WorkerMessage) => this.#receive(thread, message));
    worker.on('error', (error: Error & { code?: string }) => {
      this.#fail(thread, error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { bound: { kind: 'memory', limitMb: this.#limits.workerMemoryMb } }
        : { message: `its worker thread failed: ${error.message}` });
    });
    worker.on('exit', (code) => this.#fail(thread, { message: `its worker thread stopped (exit code ${code})` }));
    // A thread keeps the process alive while it starts and while it evaluates, not while it rests.
  }

  #receive(thread: Thread, message: WorkerMessage): void {
    if (message.kind === 'ready') {
      thread.ready = true;
      this.#rest(thread);
      this.#dispatch();
      return;
    }
    const job = thread.job;
    if (!job || job.id !== message.id) return;
    clearTimeout(thread.deadline);
    thread.job = undefined;
    job.resolve(message.outcome);
    this.#rest(thread);
    this.#dispatch();
  }

  /** A free thread ends after `idleMs` unless given work. */
  #rest(thread: Thread): void {
    thread.worker.unref();
    clearTimeout(thread.idle);
    thread.idle = setTimeout(() => this.#end(thread), this.#idleMs);
    thread.idle.unref();
  }

  /** The thread's evaluation fails with `failure` (if it had one) and the thread ends. */
  #fail(thread: Thread, failure: Extract<OffThreadOutcome, { ok: false }>['failure']): void {
    if (!this.#threads.has(thread)) return;
    const job = thread.job;
    this.#end(thread);
    if (job) job.resolve({ ok: false, failure });
    else if (!thread.ready) {
      // A thread that could not start: the evaluation waiting longest is handed back (its caller evaluates it itself), so no loop of starts.
      this.#waiting.shift()?.reject(new Error(`An expression worker thread could not start: ${failure.message ?? 'unknown reason'}`));
    }
    this.#dispatch();
  }

  #end(thread: Thread): void {
    this.#threads.delete(thread);
    clearTimeout(thread.deadline);
    clearTimeout(thread.idle);
    thread.job = undefined;
    void thread.worker.terminate();
  }
}

/**
 * From source the thread's module is TypeScript, and Node 20 does not hand `--import tsx`'s hooks
 * to worker threads, so the thread registers tsx's in-thread `require` hook itself (as the CLI's
 * receiver thread does).
 */
function startFromSource(data: ExpressionWorkerData, resourceLimits: Worker['resourceLimits']): Worker {
  const require = createRequire(import.meta.url);
  const entry = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\nrequire(${JSON.stringify(entry)});\n`;
  return new Worker(code, { eval: true, workerData: data, execArgv: ['--conditions=@flowline/source'], resourceLimits });
}
