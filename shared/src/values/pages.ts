/**
 * Every page of the app as a path pattern (`:name` is one segment): the client's router and the
 * server's page routes both read this one table, so a page exists on both or on neither.
 */
export const PAGES = {
  home: '/',
  lobby: '/lobby',
  practice: '/practice',
  room: '/r/:roomId',
  report: '/r/:roomId/report',
  /** A friend's review of a round, with a review key in the fragment (P-REVIEW-2). */
  review: '/r/:roomId/review',
  track: '/tracks/:trackId',
  question: '/tracks/:trackId/questions/:questionId',
  myQuestions: '/my-questions',
  /** A question of My questions in the editor; `new` for a new one. */
  myQuestion: '/my-questions/:key',
  /** A share link: a question another interviewer may copy into their own list. */
  sharedQuestion: '/shared-questions/:shareKey',
} as const;

export type PageName = keyof typeof PAGES;

/** A page and the values of its pattern's segments, decoded. */
export interface PageMatch {
  page: PageName;
  params: Record<string, string>;
}

/** The page a pathname shows (a trailing slash allowed), or null: the not-found page. */
export function matchPage(pathname: string): PageMatch | null {
  const parts = segments(pathname);
  if (parts === null) return null;
  for (const [page, pattern] of Object.entries(PAGES) as Array<[PageName, string]>) {
    const want = segments(pattern) ?? [];
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = want.every((segment, i) => {
      const part = parts[i] as string;
      if (!segment.startsWith(':')) return segment === part;
      params[segment.slice(1)] = part;
      return part.length > 0;
    });
    if (fits) return { page, params };
  }
  return null;
}

/** The decoded segments of a path; null when one does not decode. */
function segments(pathname: string): string[] | null {
  const trimmed = pathname.replace(/\/+$/, '');
  if (trimmed === '') return [];
  try {
    return trimmed
      .slice(1)
      .split('/')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}
