import type { ROUND_TYPES } from './roundTypes.js';

/**
 * The room's central views. Each person picks their own; the interviewer can bring everyone to
 * one (`room:focus-view`, P-VIEW-1).
 */
export const WORKSPACE_VIEWS = ['code', 'board', 'notes'] as const;
type ViewName = (typeof WORKSPACE_VIEWS)[number];

export const WORKSPACE_VIEW_LABELS: Record<ViewName, string> = {
  code: 'Code',
  board: 'Whiteboard',
  notes: 'Shared notes',
};

/** The view a room opens on: system design is drawn, coding is typed, the rest is talked through. */
export function defaultView(roundType: (typeof ROUND_TYPES)[number]): ViewName {
  switch (roundType) {
    case 'coding':
      return 'code';
    case 'system-design':
      return 'board';
    default:
      return 'notes';
  }
}
