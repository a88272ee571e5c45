import type { RoomReport } from '@mockloop/shared';
import { downloadText } from '../lib/downloadText';
import { finalBoards } from './finalBoards';
import { reportToMarkdown } from './reportMarkdown';

/**
 * Saves the report as `mockloop-report-<room>.md`. The boards go in the file as SVG pictures,
 * drawn from each round's stored board first (a board that cannot be drawn is left out);
 * `boardsDrawn` runs once they are, before the file is offered.
 */
export async function downloadReportMarkdown(
  roomId: string,
  report: RoomReport,
  secret: string,
  boardsDrawn: () => void,
): Promise<void> {
  const boards = await finalBoards(
    roomId,
    report.rounds.map((r) => r.number),
    secret,
  ).catch(() => new Map());
  boardsDrawn();
  downloadText(reportToMarkdown(report, boards), `mockloop-report-${roomId}.md`, 'text/markdown');
}
