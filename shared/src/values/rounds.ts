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

// Here, not beside the report's types: a page that only asks for a report must not load zod.
/**
 * Characters of a round's final code the report carries (P-REPORT-1): a report of many rounds of
 * big code stays a few MiB; the whole code of one round is a request of its own.
 */
export const REPORT_CODE_CHARS = 64 * 1024;

export const REPORT_API = {
  report: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/report`,
  /** One round's whole final code, as text/plain. */
  code: (roomId: string, round: number) =>
    `/api/rooms/${encodeURIComponent(roomId)}/report/rounds/${round}/code`,
} as const;
