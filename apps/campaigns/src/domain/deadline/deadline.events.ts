import { DeadlineApproachingV1, DeadlineOverdueV1, type EventContract } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type Notice } from './deadline.types';

/** The notice's event: `campaigns.deadline.approaching.v1` or `.overdue.v1`, keyed by the unit. */
export function noticeEvent(notice: Notice): NewEvent<EventContract> {
  const base = {
    campaignId: notice.campaignId,
    rootCampaignId: notice.rootCampaignId,
    deadlineCode: notice.code,
    dueOn: notice.dueOn,
    unitId: notice.unitId,
    unitKind: notice.unitKind,
  };
  return notice.kind === 'APPROACHING'
    ? { contract: DeadlineApproachingV1, aggregateId: notice.unitId, data: { ...base, daysLeft: notice.days } }
    : { contract: DeadlineOverdueV1, aggregateId: notice.unitId, data: { ...base, daysOverdue: notice.days } };
}
