import { CloseCode } from '@mockloop/shared';

/** What a person is told when the server closes a document connection, by close code. */
export interface DocProblem {
  message: string;
  /** Whether a Reconnect button makes sense (the person can fix the cause first). */
  canRetry: boolean;
  /** Nothing more can be saved here: the view stays readable and takes no more edits. */
  frozen?: boolean;
}

/** The problem to show for a close, or null when the provider simply reconnects. */
export function docProblemFor(code: number, reason: string): DocProblem | null {
  switch (code) {
    case CloseCode.DocumentTooLarge:
      return {
        message:
          'This document reached its size limit, so your last change was not saved. Remove something large (a big paste or image), then reconnect.',
        canRetry: true,
      };
    case CloseCode.HistoryFull:
      return {
        message: `Nothing more can be saved here: ${reason || 'the room stored as much history as it may'}. Everything up to now is kept and stays in the report; create a new room to go on.`,
        canRetry: false,
        frozen: true,
      };
    case CloseCode.DocumentUnloadable:
      return { message: reason || 'The server could not open this document.', canRetry: false };
    case CloseCode.BadMessage:
      return {
        message: 'The server refused a change from this browser. Reload the page to continue.',
        canRetry: false,
      };
    case CloseCode.SeatChanged:
      return { message: 'The seats changed: reopening with your new seat…', canRetry: false };
    case CloseCode.ProtocolOutdated:
      return {
        message: 'Mockloop was updated while this page was open. Reload the page to continue.',
        canRetry: false,
      };
    case CloseCode.RoomDeleted:
      return { message: 'This room was deleted.', canRetry: false, frozen: true };
    case CloseCode.RateLimited:
      return { message: 'Too many changes at once: slowing down and reconnecting…', canRetry: false };
    default:
      return null;
  }
}
