import type { GeneratedOperation } from './build-descriptors.js';

export async function renderOperationTypes(_operations: readonly GeneratedOperation[]): Promise<Map<string, string>> {
  return new Map();
}
