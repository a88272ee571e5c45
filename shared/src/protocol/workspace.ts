import { z } from 'zod';
import type { RoundType } from './roundTypes.js';

/**
 * The room's central views. Each person picks their own; the interviewer can bring everyone to
 * one (`room:focus-view`, P-VIEW-1).
 */
export const WorkspaceView = z.enum(['code', 'board', 'notes']);
export type WorkspaceView = z.infer<typeof WorkspaceView>;

export const WORKSPACE_VIEW_LABELS: Record<WorkspaceView, string> = {
  code: 'Code',
  board: 'Whiteboard',
  notes: 'Shared notes',
};

/** The view a room opens on: system design is drawn, coding is typed, the rest is talked through. */
export function defaultView(roundType: RoundType): WorkspaceView {
  switch (roundType) {
    case 'coding':
      return 'code';
    case 'system-design':
      return 'board';
    default:
      return 'notes';
  }
}

export const FocusViewRequest = z.object({ view: WorkspaceView });
export type FocusViewRequest = z.infer<typeof FocusViewRequest>;

/** Sent to the whole room when the interviewer brings everyone to a view. */
export interface ViewFocused {
  view: WorkspaceView;
  /** Who asked: the interviewer's participant id and name. */
  by: string;
  byName: string;
}
