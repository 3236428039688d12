import { z } from 'zod';
import { type StackCoordinates } from './stack';

/**
 * The one place platform-e2e touches `process.env`: the global set-up publishes the shared stack's coordinates there, and
 * every spec (in jest's parent process or a worker forked after the set-up) reads them back, validated once.
 */
export const STACK_COORDINATES_VARIABLE = 'ANTT_E2E_STACK';

const database = z.object({ name: z.string().min(1), url: z.string().url() });
const service = z.object({ name: z.string().min(1), baseUrl: z.string().url(), graphqlUrl: z.string().url() });
const coordinates = z.object({
  topicPrefix: z.string().min(1),
  kafkaBrokers: z.array(z.string().min(1)).min(1),
  orgUnitsDatabase: database,
  campaignsDatabase: database,
  modelsDatabase: database,
  assessmentsDatabase: database,
  awardsDatabase: database,
  orgUnits: service,
  campaigns: service,
  models: service,
  assessments: service,
  awards: service,
  gateway: service,
}) satisfies z.ZodType<StackCoordinates>;

/** Hands the running stack's coordinates to the specs of this jest run (called by the global set-up). */
export function publishStackCoordinates(value: StackCoordinates): void {
  process.env[STACK_COORDINATES_VARIABLE] = JSON.stringify(value);
}

/** Forgets them again (the global tear-down), so that nothing later in this process reaches a stopped stack. */
export function withdrawStackCoordinates(): void {
  delete process.env[STACK_COORDINATES_VARIABLE];
}

/** The shared stack's coordinates; fails with a hint when the spec was not run through the project's jest config. */
export function readStackCoordinates(): StackCoordinates {
  const raw = process.env[STACK_COORDINATES_VARIABLE];
  if (!raw) {
    throw new Error(
      `${STACK_COORDINATES_VARIABLE} is unset: run the platform-e2e specs with \`npx jest -c apps/platform-e2e/jest.integration.config.cjs [spec]\`, whose global set-up starts the shared stack.`,
    );
  }
  return coordinates.parse(JSON.parse(raw));
}
