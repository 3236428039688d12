import { appendClaimed } from '@antt/events';
import { type PrismaClient } from '../../generated/prisma/client';
import { EVENT_SOURCE } from '../campaign';
import { noticeEvent } from './deadline.events';
import { type Notice, type NoticeKind } from './deadline.types';

interface InsertedRow {
  root_campaign_id: string;
  code: string;
  unit_id: string;
  kind: string;
}

const keyOf = (rootCampaignId: string, code: string, unitId: string, kind: string) => `${rootCampaignId}|${code}|${unitId}|${kind}`;

/** Deadline notices: a row per (family, deadline, unit, kind), written with its outbox event or not at all. */
export class DeadlineRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Records the notices not recorded yet and appends their events (the events kit's `appendClaimed`: one transaction per
   * batch). The primary key with ON CONFLICT DO NOTHING makes concurrent schedulers (several replicas) agree: a row another
   * replica inserted first is skipped (its event was written by that replica, in the same transaction as the row). Returns
   * how many this call sent, by kind.
   */
  async send(notices: readonly Notice[]): Promise<Record<NoticeKind, number>> {
    const won = await appendClaimed(notices, {
      transaction: (fn) => this.prisma.$transaction(fn),
      source: EVENT_SOURCE,
      key: (n) => keyOf(n.rootCampaignId, n.code, n.unitId, n.kind),
      event: noticeEvent,
      claim: async (tx, batch) => {
        const inserted = await tx.$queryRawUnsafe<InsertedRow[]>(
          `INSERT INTO deadline_notice (root_campaign_id, code, unit_id, kind, campaign_id, due_on)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::date[])
           ON CONFLICT DO NOTHING
           RETURNING root_campaign_id::text, code, unit_id::text, kind`,
          batch.map((n) => n.rootCampaignId),
          batch.map((n) => n.code),
          batch.map((n) => n.unitId),
          batch.map((n) => n.kind),
          batch.map((n) => n.campaignId),
          batch.map((n) => n.dueOn),
        );
        return inserted.map((row) => keyOf(row.root_campaign_id, row.code, row.unit_id, row.kind));
      },
    });
    const sent: Record<NoticeKind, number> = { APPROACHING: 0, OVERDUE: 0 };
    for (const notice of won) sent[notice.kind] += 1;
    return sent;
  }
}
