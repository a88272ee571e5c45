/** Warn when this much time is left. */
export const TIMER_WARNING_MS = 5 * 60_000;

/** The interviewer's hire recommendation, worst to best. */
export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;

export const RECOMMENDATION_LABELS: Record<(typeof RECOMMENDATIONS)[number], string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};
