import { ROUTES } from '@mockloop/shared';
import { BrandLink } from '../ui/BrandLink';
import { CopyReportLink } from './CopyReportLink';
import { DeleteRoomButton } from './DeleteRoomButton';

interface Props {
  roomId: string;
  /** This browser's seat in the room, when the report is read with it (not from a report link). */
  seatSecret: string | null;
  exporting: boolean;
  onExport: () => void;
  onDeleted: () => void;
}

/** The report's bar: back to the room, copy the link and delete (for a seat), export, print. */
export function ReportHeader({ roomId, seatSecret, exporting, onExport, onDeleted }: Props) {
  return (
    <header className="report-header no-print">
      <BrandLink />
      <div className="spacer" />
      {seatSecret && (
        <>
          <a className="button" href={ROUTES.room(roomId)}>
            Back to the room
          </a>
          <CopyReportLink roomId={roomId} secret={seatSecret} />
          <DeleteRoomButton roomId={roomId} secret={seatSecret} onDeleted={onDeleted} />
        </>
      )}
      <button type="button" className="button" onClick={onExport} disabled={exporting}>
        {exporting ? 'Drawing the boards…' : 'Export Markdown'}
      </button>
      <button type="button" className="button" onClick={() => window.print()}>
        Print
      </button>
    </header>
  );
}
