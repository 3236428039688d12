/** A payload that does not satisfy its event contract, or an envelope that is not one. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';

  constructor(
    /** The full event type concerned, when known. */
    readonly eventType: string | undefined,
    /** Human-readable list of what is wrong. */
    readonly issues: string,
  ) {
    super(`${eventType ?? 'event'} violates its contract: ${issues}`);
  }
}
