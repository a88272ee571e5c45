import { z } from 'zod';
import { WORKSPACE_VIEWS } from '../values/workspace.js';

export * from '../values/workspace.js';

/**
 * The room's central views. Each person picks their own; the interviewer can bring everyone to
 * one (`room:focus-view`, P-VIEW-1).
 */
export const WorkspaceView = z.enum(WORKSPACE_VIEWS);
export type WorkspaceView = z.infer<typeof WorkspaceView>;

export const FocusViewRequest = z.object({ view: WorkspaceView });
export type FocusViewRequest = z.infer<typeof FocusViewRequest>;

/** Sent to the whole room when the interviewer brings everyone to a view. */
export interface ViewFocused {
  view: WorkspaceView;
  /** Who asked: the interviewer's participant id and name. */
  by: string;
  byName: string;
}
