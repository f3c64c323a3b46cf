/** Prints benchmark results as labelled, aligned plain-text blocks that can be quoted as they are. */
export class BenchReport {
  readonly #write: (line: string) => void;
  readonly #labelWidth: number;
  #goalsMissed = 0;

  constructor(options: { write?: (line: string) => void; labelWidth?: number } = {}) {
    this.#write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
    this.#labelWidth = options.labelWidth ?? 44;
  }

  /** Goals checked with `goal()` that were not met, over every block. */
  get goalsMissed(): number {
    return this.#goalsMissed;
  }

  heading(name: string, title: string): void {
    this.#write('');
    this.#write(`== ${name}: ${title} ==`);
  }

  row(label: string, value: string): void {
    this.#write(`  ${label.padEnd(this.#labelWidth)} ${value}`);
  }

  note(text: string): void {
    this.#write(`  - ${text}`);
  }

  goal(label: string, met: boolean, detail: string): void {
    if (!met) this.#goalsMissed += 1;
    this.row(`goal: ${label}`, `${met ? 'MET' : 'MISSED'} (${detail})`);
  }
}

export function formatRate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')} runs/s`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}
