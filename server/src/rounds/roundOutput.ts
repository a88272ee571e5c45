import { CODE_DOC, type Language, REPORT_CODE_CHARS, type RoundReport } from '@mockloop/shared';
import type * as Y from 'yjs';
import { reportRuns } from './reportRuns.js';

/** At most REPORT_CODE_CHARS of a text, and whether it was cut (P-REPORT-1, P-REPORT-2). */
function bounded(text: Y.Text): { text: string; truncated: boolean } {
  const truncated = text.length > REPORT_CODE_CHARS;
  return { text: truncated ? text.toString().slice(0, REPORT_CODE_CHARS) : text.toString(), truncated };
}

/**
 * What a round produced, from its code document, for the report: the final code, the shared
 * notes (a recruiter screen's only output) and the runs. Each text is bounded, so a report of
 * many rounds stays a few MiB.
 */
export function roundOutput(
  doc: Y.Doc,
  language: Language,
): Pick<RoundReport, 'code' | 'sharedNotes' | 'runs'> {
  return {
    code: { language, ...bounded(doc.getText(CODE_DOC.text)) },
    sharedNotes: bounded(doc.getText(CODE_DOC.sharedNotes)),
    runs: reportRuns(doc),
  };
}
