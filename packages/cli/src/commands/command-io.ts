/** Where a command writes: the terminal, or a test's buffers. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

let stdoutOpen = true;

/**
 * Once whoever reads stdout has gone (`flowline catalog --json | head`), writing to it fails
 * with EPIPE: from then on the output is dropped, and the command ends as it would have, instead
 * of dying of an unhandled error. Called once by the CLI's entry.
 */
export function dropOutputWhenStdoutCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutOpen = false;
  });
}

export const processIo: CommandIo = {
  out: (text) => {
    if (stdoutOpen) process.stdout.write(`${text}\n`);
  },
  err: (text) => process.stderr.write(`${text}\n`),
};
