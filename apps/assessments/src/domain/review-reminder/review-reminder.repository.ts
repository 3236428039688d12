import { type UnitKind } from '@antt/contracts';
import { appendClaimed } from '@antt/events';
import { type PrismaClient } from '../../generated/prisma/client';
import { reminderEvent } from './review-reminder.events';
import { type PendingStep, type Reminder } from './review-reminder.types';

const EVENT_SOURCE = 'assessments';

interface StepRow {
  assessment_id: string;
  unit_id: string;
  unit_kind: string;
  year: number;
  level_unit_id: string;
  position: number;
  deadline: string;
}

// The current, pending steps of assessments under review due by $2 (today + the reminder days) that still lack the reminder
// their date calls for on $1 (OVERDUE after the deadline, DUE_SOON until it), in a stable order, at most $3. The due steps
// are gathered first (MATERIALIZED), then those without their reminder kept: otherwise the LIMIT leads the planner to walk
// the pending steps' index (assessment_review_step_pending_deadline_idx, the review queue's) in order, probing the reminders
// step by step, and on a rerun, when nearly every due step has its reminder, that walk reads them all one at a time
// (bench:review-queue, 10 provinces: 100 ms against 47 ms for a run that finds nothing).
const DUE_STEPS = `
WITH due AS MATERIALIZED (
  SELECT a.id, a.unit_id, a.unit_kind, a.year, s.level_unit_id, s.position, s.deadline
  FROM assessment a
  JOIN assessment_review_step s ON s.assessment_id = a.id AND s.position = a.current_step
  WHERE a.status = 'SUBMITTED' AND s.status = 'PENDING' AND s.deadline <= $2::date
)
SELECT d.id::text AS assessment_id, d.unit_id::text AS unit_id, d.unit_kind, d.year, d.level_unit_id::text AS level_unit_id,
       d.position, to_char(d.deadline, 'YYYY-MM-DD') AS deadline
FROM due d
WHERE NOT EXISTS (
    SELECT 1 FROM review_reminder r
    WHERE r.assessment_id = d.id AND r.position = d.position AND r.level_unit_id = d.level_unit_id AND r.deadline = d.deadline
      AND r.kind = CASE WHEN d.deadline < $1::date THEN 'OVERDUE' ELSE 'DUE_SOON' END)
ORDER BY d.deadline, d.id
LIMIT $3`;

const keyOf = (r: Pick<Reminder, 'assessmentId' | 'position' | 'levelUnitId' | 'deadline' | 'kind'>) => `${r.assessmentId}|${r.position}|${r.levelUnitId}|${r.deadline}|${r.kind}`;

/** Review reminders: a `review_reminder` row per step and kind, written with its outbox event or not at all. */
export class ReviewReminderRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Up to `limit` steps due a reminder not sent yet on `today` (deadline on or before `dueBy`). */
  async dueSteps(today: string, dueBy: string, limit: number): Promise<PendingStep[]> {
    const rows = await this.prisma.$queryRawUnsafe<StepRow[]>(DUE_STEPS, today, dueBy, limit);
    return rows.map((row) => ({
      assessmentId: row.assessment_id,
      unitId: row.unit_id,
      unitKind: row.unit_kind as UnitKind,
      year: Number(row.year),
      levelUnitId: row.level_unit_id,
      position: Number(row.position),
      deadline: row.deadline,
    }));
  }

  /**
   * Records the reminders not recorded yet and appends their events (the events kit's `appendClaimed`): the primary key
   * with ON CONFLICT DO NOTHING makes concurrent schedulers agree, each reminder is written once with its event. Returns
   * the reminders this call sent.
   */
  send(reminders: readonly Reminder[], today: string): Promise<Reminder[]> {
    return appendClaimed(reminders, {
      transaction: (fn) => this.prisma.$transaction(fn),
      source: EVENT_SOURCE,
      key: keyOf,
      event: reminderEvent,
      claim: async (tx, batch) => {
        const inserted = await tx.$queryRawUnsafe<Array<{ assessment_id: string; position: number; level_unit_id: string; deadline: string; kind: Reminder['kind'] }>>(
          `INSERT INTO review_reminder (assessment_id, position, level_unit_id, deadline, kind, sent_on)
           SELECT r.*, $6::date FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::date[], $5::text[]) AS r(assessment_id, position, level_unit_id, deadline, kind)
           ON CONFLICT DO NOTHING
           RETURNING assessment_id::text, position, level_unit_id::text, to_char(deadline, 'YYYY-MM-DD') AS deadline, kind`,
          batch.map((r) => r.assessmentId),
          batch.map((r) => r.position),
          batch.map((r) => r.levelUnitId),
          batch.map((r) => r.deadline),
          batch.map((r) => r.kind),
          today,
        );
        return inserted.map((row) => keyOf({ assessmentId: row.assessment_id, position: Number(row.position), levelUnitId: row.level_unit_id, deadline: row.deadline, kind: row.kind }));
      },
    });
  }
}
