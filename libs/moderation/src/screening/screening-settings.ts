/**
 * The screening rules' settings, editable by moderators. Each rule adds its score when it fires;
 * a contribution whose total reaches `holdScore` is held for review.
 */
export interface ScreeningSettings {
  holdScore: number;
  words: { terms: string[]; score: number };
  links: { max: number; score: number };
  repeats: { minLength: number; sameAuthor: number; acrossAccounts: number; windowHours: number; score: number };
  rate: { perMinute: number; perHour: number; score: number };
  shouting: { minLetters: number; ratio: number; score: number };
}

/**
 * Defaults a city starts from. The word list is a short seed of common spam phrases and insults;
 * each city extends it in its own languages (squeezing repeated letters makes some slurs collide
 * with place names, such as Niger, so those are better left to a city's own review).
 */
export const DEFAULT_SCREENING_SETTINGS: ScreeningSettings = {
  holdScore: 1,
  words: {
    terms: ['free money', 'viagra', 'casino bonus', 'crypto giveaway', 'bitcoin giveaway', 'make money fast', 'cunt', 'fuck'],
    score: 1,
  },
  links: { max: 2, score: 0.6 },
  repeats: { minLength: 20, sameAuthor: 2, acrossAccounts: 3, windowHours: 24, score: 1 },
  rate: { perMinute: 6, perHour: 40, score: 0.6 },
  shouting: { minLetters: 20, ratio: 0.7, score: 0.4 },
};
