import { EVENT_CONTRACTS, contractFor } from './registry';
import { CONSUMER_GROUPS, TOPICS, deadLetterTopicFor, topicNamed } from './topics';
import { PledgeCoverageChangedV1 } from './campaigns/pledge-events';
import { UnitMergedV1, UnitRenamedV1 } from './org-units/unit-events';
import { ClassificationDecidedV1, RecognitionDecidedV1 } from './assessments/assessment-events';

describe('event registry', () => {
  it('declares the org-units events on org-units.unit and the campaigns, models and awards events on their topics', () => {
    expect(EVENT_CONTRACTS.map((contract) => contract.fullType)).toEqual([
      'org-units.unit.created.v1',
      'org-units.unit.renamed.v1',
      'org-units.unit.moved.v1',
      'org-units.unit.updated.v1',
      'org-units.unit.merged.v1',
      'org-units.unit.split.v1',
      'org-units.unit.dissolved.v1',
      'org-units.unit.corrected.v1',
      'org-units.unit.reorganised.v1',
      'org-units.plan.applied.v1',
      'campaigns.campaign.launched.v1',
      'campaigns.campaign.closed.v1',
      'campaigns.registration.submitted.v1',
      'campaigns.registration.withdrawn.v1',
      'campaigns.deadline.approaching.v1',
      'campaigns.deadline.overdue.v1',
      'campaigns.pledge-coverage.changed.v1',
      'assessments.recognition.decided.v1',
      'assessments.classification.decided.v1',
      'assessments.assessment.submitted.v1',
      'assessments.assessment.returned.v1',
      'assessments.assessment.approved.v1',
      'assessments.review.due-soon.v1',
      'assessments.review.overdue.v1',
      'models.model.created.v1',
      'models.model.replicated.v1',
      'models.model.reviewed.v1',
      'models.model.suspended.v1',
      'models.model.resumed.v1',
      'models.model.dissolved.v1',
      'models.model.training-held.v1',
      'models.model.site-closed.v1',
      'models.model.team-disbanded.v1',
      'models.model.team-members-changed.v1',
      'models.effective-model.changed.v1',
      'models.advanced-example.recognised.v1',
      'awards.nomination.submitted.v1',
      'awards.nomination.returned.v1',
      'awards.nomination.appraised.v1',
      'awards.nomination.decided.v1',
      'awards.nomination.rejected.v1',
      'awards.award.revoked.v1',
      'awards.team-ratings.recorded.v1',
    ]);
    expect(new Set(EVENT_CONTRACTS.map((contract) => contract.topic))).toEqual(
      new Set([
        'org-units.unit',
        'campaigns.campaign',
        'campaigns.registration',
        'campaigns.deadline',
        'campaigns.pledge-coverage',
        'assessments.assessment',
        'assessments.review',
        'models.model',
        'models.effective-model',
        'models.advanced-example',
        'awards.nomination',
        'awards.team-rating',
      ]),
    );
  });

  it('finds a contract by full type', () => {
    expect(contractFor('org-units.unit.renamed.v1')).toBe(UnitRenamedV1);
    expect(contractFor('org-units.unit.renamed.v2')).toBeUndefined();
  });

  it('rejects a payload with the wrong kind or a bad date', () => {
    const valid = UnitMergedV1.payload.parse(UnitMergedV1.example);
    expect(UnitMergedV1.payload.safeParse({ ...valid, kind: 'VILLAGE' }).success).toBe(false);
    expect(UnitMergedV1.payload.safeParse({ ...valid, effectiveDate: '2025-02-30' }).success).toBe(false);
    expect(UnitMergedV1.payload.safeParse({ ...valid, revision: 0 }).success).toBe(false);
    expect(UnitMergedV1.payload.safeParse({ ...valid, change: {} }).success).toBe(false);
  });

  it('declares the service topics and a dead-letter topic per consumer group', () => {
    expect(topicNamed('org-units.unit')).toMatchObject({ partitions: 3, retentionMs: -1, cleanupPolicy: 'delete' });
    for (const group of Object.values(CONSUMER_GROUPS)) {
      expect(deadLetterTopicFor(group)).toBe(`${group}.dlq`);
      expect(topicNamed(`${group}.dlq`)).toBeDefined();
    }
    expect(TOPICS.map((topic) => topic.name)).toEqual([
      'org-units.unit',
      'campaigns.unit-directory.dlq',
      'campaigns.campaign',
      'campaigns.registration',
      'campaigns.deadline',
      'campaigns.pledge-coverage',
      'assessments.assessment',
      'campaigns.attainment.dlq',
      'assessments.unit-directory.dlq',
      'assessments.facts.dlq',
      'assessments.review',
      'models.unit-directory.dlq',
      'models.model',
      'models.effective-model',
      'models.advanced-example',
      'awards.unit-directory.dlq',
      'awards.facts.dlq',
      'awards.nomination',
      'awards.team-rating',
    ]);
  });

  it('the pledge coverage event carries counts, never a person: unknown fields such as a name are stripped', () => {
    expect(Object.keys(PledgeCoverageChangedV1.payload.shape).sort()).toEqual(
      ['added', 'campaignId', 'countedOn', 'erased', 'pledgedHouseholds', 'pledgedPupils', 'pledgedResidents', 'pledgedStaff', 'residentHouseholds', 'staffCount', 'unitId', 'unitKind'].sort(),
    );
    const parsed = PledgeCoverageChangedV1.payload.parse({ ...PledgeCoverageChangedV1.example, fullName: 'Nguyễn Văn An', citizenId: '034080000123' });
    expect(parsed).not.toHaveProperty('fullName');
    expect(parsed).not.toHaveProperty('citizenId');
    expect(PledgeCoverageChangedV1.payload.safeParse({ ...PledgeCoverageChangedV1.example, pledgedHouseholds: -1 }).success).toBe(false);
  });

  it('refuses a recognition whose dates contradict its status', () => {
    const valid = RecognitionDecidedV1.payload.parse(RecognitionDecidedV1.example);
    expect(RecognitionDecidedV1.payload.safeParse({ ...valid, status: 'NOT_RECOGNISED' }).success).toBe(false);
    expect(RecognitionDecidedV1.payload.safeParse({ ...valid, status: 'REVOKED' }).success).toBe(false);
    expect(RecognitionDecidedV1.payload.safeParse({ ...valid, status: 'REVOKED', revokedOn: '2024-12-01' }).success).toBe(false);
    expect(RecognitionDecidedV1.payload.safeParse({ ...valid, status: 'REVOKED', revokedOn: '2025-03-01', reason: 'Để xảy ra vụ việc' }).success).toBe(true);
    expect(RecognitionDecidedV1.payload.safeParse({ ...valid, status: 'NOT_RECOGNISED', recognisedOn: null, reason: 'Chưa đạt tiêu chí 1' }).success).toBe(true);
    expect(ClassificationDecidedV1.payload.safeParse({ ...ClassificationDecidedV1.example, classification: 'OUTSTANDING' }).success).toBe(false);
  });
});
