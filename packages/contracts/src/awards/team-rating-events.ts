import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema } from '../org-units/unit-state';

/**
 * Ratings of grassroots security teams and their members (R25, Hướng dẫn 01/HD-BCA-V05), recorded by commune and year in awards.
 * Counts and unit ids only: no member's personal data. Keyed by commune id.
 */
const levelCounts = z.object({
  excellent: z.int().min(0).describe('Rated EXCELLENT (Hoàn thành xuất sắc nhiệm vụ).'),
  good: z.int().min(0).describe('Rated GOOD (Hoàn thành tốt nhiệm vụ).'),
  completed: z.int().min(0).describe('Rated COMPLETED (Hoàn thành nhiệm vụ).'),
  notCompleted: z.int().min(0).describe('Rated NOT_COMPLETED (Không hoàn thành nhiệm vụ).'),
  notRated: z.int().min(0).describe('Not rated: under 9 months in operation or of service, or under complaint.'),
});

/** `awards.team-ratings.recorded.v1` */
export const TeamRatingsRecordedV1 = defineEvent({
  type: 'awards.team-ratings.recorded',
  version: 1,
  topic: 'awards.team-rating',
  aggregateType: 'TeamRatingRound',
  description:
    'A commune\'s grassroots security team ratings of a year were recorded (a new version replaces the earlier one): the counts per level of teams and of members, every rule of R25 held.',
  payload: z.object({
    roundId: z.uuid().describe('This version of the commune\'s ratings.'),
    year: z.int().min(1900).max(9999).describe('The year rated (window 15/11 of the year before to 14/11).'),
    communeId: z.uuid().describe('The commune; also the record key.'),
    version: z.int().min(1).describe('1 for the first recording of the commune and year, then one more for each correction.'),
    evaluatedOn: CalendarDateSchema.describe('The last day of the window (14/11), on which months of operation and service are counted.'),
    recordedUnitId: z.uuid().describe('The jurisdiction of the officer who recorded it.'),
    teams: levelCounts.describe('Teams by rating.'),
    members: levelCounts.describe('Members by rating.'),
  }),
  example: {
    roundId: '7c4e2a10-5b3d-4f6e-8a9b-0c1d2e3f4a5b',
    year: 2024,
    communeId: '0b7d8f1e-7a43-4a57-a7ef-1c2c6f0b1a22',
    version: 1,
    evaluatedOn: '2024-11-14',
    recordedUnitId: '6f1e9b2d-3c55-4e8a-9d7f-2a4b6c8e0f13',
    teams: { excellent: 1, good: 5, completed: 2, notCompleted: 0, notRated: 1 },
    members: { excellent: 6, good: 30, completed: 12, notCompleted: 1, notRated: 3 },
  },
});

/** Every team-rating event contract. */
export const TEAM_RATING_EVENTS = [TeamRatingsRecordedV1] as const;
