import { useState } from 'react';
import { fetchReportKey } from '../lib/api';
import { reportLink } from '../lib/reportLink';

/**
 * Copies a link that opens this person's report, read-only, in any browser (a coach, another
 * device): the interviewer's shows their notes, the candidate's never does (P-PRIV-6).
 */
export function CopyReportLink({ roomId, secret }: { roomId: string; secret: string }) {
  const [state, setState] = useState<'idle' | 'copied' | { manual: string } | { error: string }>('idle');

  async function copy() {
    let url: string;
    try {
      url = reportLink(window.location.origin, roomId, await fetchReportKey(roomId, secret));
    } catch (err) {
      setState({ error: err instanceof Error ? err.message : 'Could not make the link.' });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
      setTimeout(() => setState('idle'), 2000);
    } catch {
      setState({ manual: url });
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={copy} aria-label="Copy report link">
        {state === 'copied' ? 'Copied ✓' : 'Copy report link'}
      </button>
      {typeof state === 'object' && 'manual' in state && (
        <input className="invite-url" readOnly value={state.manual} aria-label="Report link" />
      )}
      {typeof state === 'object' && 'error' in state && (
        <span role="alert" className="error small">
          {state.error}
        </span>
      )}
    </>
  );
}
