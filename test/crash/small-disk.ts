import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real small filesystem: a tmpfs of `sizeMiB` mounted at `dir` (root only: `mount -t tmpfs`),
 * that `fill()` fills up with a ballast file until the kernel says ENOSPC, and `free()` frees
 * again, as a disk that runs full under a running host and is cleared by an operator.
 */
export interface SmallDisk {
  readonly dir: string;
  /** Fills every free byte; returns how many bytes the ballast took. */
  fill(): number;
  /** Removes the ballast. */
  free(): void;
  /** Unmounts the filesystem (everything on it is gone). */
  unmount(): void;
}

/** Why a tmpfs cannot be mounted here, or undefined when it can (this process is root). */
export function cannotMount(): string | undefined {
  if (process.platform !== 'linux') return `mounting a tmpfs needs Linux, this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)';
  return undefined;
}

export function mountSmallDisk(dir: string, sizeMiB: number): SmallDisk {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'tmpfs', dir]);
  const ballast = join(dir, 'ballast');
  let mounted = true;
  return {
    dir,
    fill() {
      const fd = openSync(ballast, 'a');
      let written = 0;
      try {
        for (const chunk of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
          const bytes = Buffer.alloc(chunk, 1);
          try {
            for (;;) written += writeSync(fd, bytes);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
      return written;
    },
    free() {
      rmSync(ballast, { force: true });
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      execFileSync('umount', [dir]);
    },
  };
}
