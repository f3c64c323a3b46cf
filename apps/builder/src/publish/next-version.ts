import type { VersionJson } from '../api/api-client.js';

/** The version to publish as: the definition's own, unless a saved version already has that number or a later one. */
export function nextVersion(current: number, saved: readonly VersionJson[]): number {
  const highest = saved.reduce((top, version) => Math.max(top, version.version), 0);
  return Number.isInteger(current) && current > highest ? current : highest + 1;
}
