/** Where progress lines go. */
export interface Reporter {
  info(message: string): void;
}

/** Short progress lines on stdout. */
export const consoleReporter: Reporter = { info: (message) => process.stdout.write(`[infra] ${message}\n`) };

/** Discards progress (used by the test kit, which prints one line of its own). */
export const silentReporter: Reporter = { info: () => undefined };
