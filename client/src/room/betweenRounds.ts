import { lazy } from 'react';

// The forms of a round's end are not needed for the room's first keystroke: they load apart
// (keeping the room's first JS in budget, `npm run size`) and are fetched while the room idles.
const chunks = {
  feedback: () => import('./feedback/FeedbackPanel'),
  next: () => import('./loop/NextRoundForm'),
  earlier: () => import('./feedback/EarlierRoundFeedback'),
};

export const FeedbackPanel = lazy(() => chunks.feedback().then((m) => ({ default: m.FeedbackPanel })));
export const NextRoundForm = lazy(() => chunks.next().then((m) => ({ default: m.NextRoundForm })));
export const EarlierRoundFeedback = lazy(() =>
  chunks.earlier().then((m) => ({ default: m.EarlierRoundFeedback })),
);

/** Fetches the between-rounds forms ahead, so a round's end shows them at once. */
export function preloadBetweenRounds(): void {
  for (const load of Object.values(chunks)) load().catch(() => {}); // a failed preload retries on use
}
