import { type RuleSetItemView, type ScoreBand } from '../rule-set/rule-set.types';
import { type Classification } from './classification.types';

/** R11: the total is the sum of the item scores, each clamped to [0, its maximum]; rounded to hundredths. */
export function totalScore(items: readonly Pick<RuleSetItemView, 'code' | 'maxPoints'>[], scores: ReadonlyMap<string, number>): number {
  const sum = items.reduce((total, item) => total + Math.min(Math.max(scores.get(item.code) ?? 0, 0), item.maxPoints), 0);
  return Math.round(sum * 100) / 100;
}

/** The class of the highest band whose minimum the score reaches (R14: bands are rule-set data). */
export function classify(bands: readonly ScoreBand[], score: number): Classification {
  const ordered = [...bands].sort((a, b) => b.minScore - a.minScore);
  const band = ordered.find((candidate) => score >= candidate.minScore) ?? ordered[ordered.length - 1];
  if (!band) throw new Error('A rule set without score bands cannot classify');
  return band.classification;
}
