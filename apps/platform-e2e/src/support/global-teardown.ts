import { withdrawStackCoordinates } from './config';
import { RUNNING_STACK } from './global-setup';
import { type RunningStack } from './stack';

/** Jest `globalTeardown` of platform-e2e: runs after the last spec, passed or failed; stops the stack, drops its databases and topics. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as Record<symbol, RunningStack | undefined>;
  const stack = holder[RUNNING_STACK];
  holder[RUNNING_STACK] = undefined;
  withdrawStackCoordinates();
  await stack?.stop();
}
