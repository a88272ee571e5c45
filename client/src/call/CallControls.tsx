import type { CallControlsApi } from './useCall';

/**
 * The call's buttons in the room header: Join call, then Microphone and Camera toggles (pressed
 * means on; an observer has neither) and Leave call.
 */
export function CallControls({ call }: { call: CallControlsApi }) {
  if (!call.inCall) {
    const joining = call.status.kind === 'joining';
    return (
      <button type="button" className="button" onClick={call.join} disabled={joining} aria-busy={joining}>
        {joining ? 'Joining call…' : 'Join call'}
      </button>
    );
  }
  const { audio, video } = call.local.media;
  return (
    <div className="call-controls">
      {call.sends && (
        <>
          <button
            type="button"
            className={`button toggle ${audio ? 'on' : 'off'}`}
            aria-pressed={audio}
            onClick={() => call.toggle('audio')}
            title={audio ? 'Mute your microphone' : 'Unmute your microphone'}
          >
            Microphone
          </button>
          <button
            type="button"
            className={`button toggle ${video ? 'on' : 'off'}`}
            aria-pressed={video}
            onClick={() => call.toggle('video')}
            title={video ? 'Turn your camera off' : 'Turn your camera on'}
          >
            Camera
          </button>
        </>
      )}
      <button type="button" className="button danger-outline" onClick={call.leave}>
        Leave call
      </button>
    </div>
  );
}
