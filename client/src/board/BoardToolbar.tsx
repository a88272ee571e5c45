import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useState } from 'react';
import { followersOf } from './boardPeers';
import { type ExportFormat, exportBoard } from './exportBoard';
import type { BoardSync } from './useBoardSync';

interface Props {
  api: ExcalidrawImperativeAPI | null;
  sync: BoardSync;
  synced: boolean;
  readOnly: boolean;
  isObserver: boolean;
  exportName: string;
}

/**
 * Above the board: follow each peer (and see who follows you), export as PNG or SVG, and the
 * board's state (loading, read-only).
 */
export function BoardToolbar({ api, sync, synced, readOnly, isObserver, exportName }: Props) {
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const followers = sync.selfClientId === null ? [] : followersOf(sync.peers, sync.selfClientId);
  // One button per person, even with two tabs open: the latest of their connections.
  const people = [...new Map(sync.peers.map((peer) => [peer.user.id, peer])).values()];

  const runExport = async (format: ExportFormat) => {
    if (!api) return;
    setExporting(format);
    setError(null);
    try {
      await exportBoard(api, format, exportName);
    } catch {
      setError('Export failed; try again.');
    } finally {
      setExporting(null);
    }
  };

  return (
    <div className="toolbar board-toolbar">
      {people.map((peer) => {
        const active = sync.following === peer.clientId;
        return (
          <button
            key={peer.user.id}
            type="button"
            className={`button small-button follow ${active ? 'active' : ''}`}
            aria-pressed={active}
            style={{ '--peer': peer.user.color } as React.CSSProperties}
            onClick={() => sync.toggleFollow(peer)}
            title={active ? `Stop following ${peer.user.name}` : `Show what ${peer.user.name} sees`}
          >
            <span className="follow-dot" aria-hidden="true" />
            Follow {peer.user.name}
          </button>
        );
      })}
      {people.length === 0 && (
        <span className="muted small">Your partner’s pointer shows here when they join.</span>
      )}
      {followers.length > 0 && (
        <span className="followed-by small" aria-live="polite">
          {followers.join(' and ')} {followers.length === 1 ? 'is' : 'are'} following you
        </span>
      )}
      <div className="spacer" />
      {!synced && <span className="muted small">Loading the board…</span>}
      {readOnly && (
        <span className="muted small">
          {isObserver ? 'You are observing: only the players draw.' : 'Only the round’s two players draw.'}
        </span>
      )}
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
      <button
        type="button"
        className="button small-button"
        disabled={!api || exporting !== null}
        onClick={() => runExport('png')}
      >
        {exporting === 'png' ? 'Exporting…' : 'Export PNG'}
      </button>
      <button
        type="button"
        className="button small-button"
        disabled={!api || exporting !== null}
        onClick={() => runExport('svg')}
      >
        {exporting === 'svg' ? 'Exporting…' : 'Export SVG'}
      </button>
    </div>
  );
}
