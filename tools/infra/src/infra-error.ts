/**
 * Something the platform needs cannot be had. The message is one sentence naming what is missing and how to provide it;
 * the CLI prints it alone, without a stack.
 */
export class InfraUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
