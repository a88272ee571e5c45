import type { RoomReport } from '@mockloop/shared';
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
  const blob = new Blob([reportToMarkdown(report, boards)], { type: 'text/markdown' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `mockloop-report-${roomId}.md`;
  link.click();
  URL.revokeObjectURL(link.href);
}
