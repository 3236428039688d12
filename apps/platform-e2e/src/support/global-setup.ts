import { publishStackCoordinates } from './config';
import { type RunningStack, startStack } from './stack';

/** Where the tear-down finds the stack: jest runs the global set-up and tear-down in the same (parent) process. */
export const RUNNING_STACK = Symbol.for('antt.platform-e2e.stack');

/**
 * Jest `globalSetup` of platform-e2e: starts the stack once for the whole run (about 20 s) and hands its coordinates to the
 * specs. A failed start has already stopped and dropped whatever it made.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const stack = await startStack();
  (globalThis as Record<symbol, RunningStack | undefined>)[RUNNING_STACK] = stack;
  publishStackCoordinates(stack.coordinates);
  process.stdout.write(`\n[platform-e2e] shared stack started in ${((Date.now() - started) / 1000).toFixed(1)} s (topics ${stack.coordinates.topicPrefix}*)\n`);
}
