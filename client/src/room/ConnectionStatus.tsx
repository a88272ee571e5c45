/** Connected only when both the control channel and the document are live. */
export function ConnectionStatus({ connected }: { connected: boolean }) {
  return (
    <div role="status" className={`status ${connected ? 'ok' : 'down'}`}>
      <span className="dot" aria-hidden="true" />
      <span className="status-text">{connected ? 'Connected' : 'Reconnecting…'}</span>
    </div>
  );
}
