import type { ParticipantView } from '@mockloop/shared';
import { useEffect, useRef, useState } from 'react';
import { storage } from '../lib/storage';
import type { CallPeer, CallStatus } from './CallSession';
import type { CallControlsApi } from './useCall';
import { useSpeaking } from './useSpeaking';

/**
 * The call under the room header: its status, a tile per person (video, name, muted mark,
 * speaking ring), the device pickers, and a button that folds the tiles into an audio-only strip.
 * It takes its own row, so it never covers the editor or the board.
 */
export function CallBar({
  call,
  participants,
  selfId,
}: {
  call: CallControlsApi;
  participants: ParticipantView[];
  selfId: string;
}) {
  // Through storage: a browser with storage disabled throws on localStorage itself.
  const [collapsed, setCollapsed] = useState(storage.callCollapsed);
  useEffect(() => storage.setCallCollapsed(collapsed), [collapsed]);
  const shown = call.inCall || call.problem || call.status.kind === 'failed' || call.movedAway;
  if (!shown) return null;
  const nameOf = (id: string) => participants.find((p) => p.id === id)?.name ?? 'Someone';
  const self = participants.find((p) => p.id === selfId);
  return (
    <section className={`call-bar ${collapsed ? 'collapsed' : ''}`} aria-label="Call">
      <div className="call-line">
        <div role="status" className={`call-status ${call.status.kind}`}>
          {statusText(call.status, call.peers, nameOf, call.movedAway)}
        </div>
        {call.problem && (
          <p className="call-problem" role="alert">
            {call.problem}
          </p>
        )}
        <div className="spacer" />
        {call.inCall && call.sends && <DevicePickers call={call} />}
        {call.inCall && (
          <button
            type="button"
            className="button small-button"
            aria-expanded={!collapsed}
            onClick={() => setCollapsed(!collapsed)}
          >
            {collapsed ? 'Show video' : 'Audio only'}
          </button>
        )}
      </div>
      {call.inCall && (
        <ul className="call-tiles">
          {call.sends && (
            <Tile
              label="Your video"
              name={`${self?.name ?? 'You'} (you)`}
              stream={call.local.stream}
              media={call.local.media}
              self
              collapsed={collapsed}
            />
          )}
          {call.peers.map((peer) => (
            <Tile
              key={peer.endpoint}
              label={`Video of ${nameOf(peer.participantId)}`}
              name={nameOf(peer.participantId)}
              stream={peer.stream}
              media={peer.media}
              state={peer.state}
              collapsed={collapsed}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function statusText(
  status: CallStatus,
  peers: CallPeer[],
  nameOf: (id: string) => string,
  movedAway: boolean,
): string {
  const names = peers.map((p) => nameOf(p.participantId)).join(' and ');
  switch (status.kind) {
    case 'off':
      return movedAway ? 'You joined the call from another tab; this one left it.' : 'Not in the call';
    case 'joining':
      return 'Joining the call…';
    case 'waiting':
      return 'In the call. Waiting for the others to join…';
    case 'connecting':
      return `Connecting to ${names}…`;
    case 'connected':
      return `Call connected with ${peers
        .filter((p) => p.state === 'connected')
        .map((p) => nameOf(p.participantId))
        .join(' and ')}`;
    case 'failed':
      return `Call failed: ${status.reason}`;
  }
}

function Tile({
  label,
  name,
  stream,
  media,
  state,
  self = false,
  collapsed,
}: {
  label: string;
  name: string;
  stream: MediaStream;
  media: { audio: boolean; video: boolean };
  state?: string;
  self?: boolean;
  collapsed: boolean;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const [blocked, setBlocked] = useState(false);
  const speaking = useSpeaking(stream, media.audio);
  const trackIds = stream
    .getTracks()
    .map((t) => t.id)
    .join();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new track in the same stream must reattach
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
    if (!self && audio.current) {
      if (audio.current.srcObject !== stream) audio.current.srcObject = stream;
      // A page that rejoined by itself after a refresh may not play sound until a click.
      audio.current.play().then(
        () => setBlocked(false),
        (err: Error) => setBlocked(err.name === 'NotAllowedError'),
      );
    }
  }, [stream, self, trackIds]);

  return (
    <li className={`call-tile ${speaking ? 'speaking' : ''} ${media.video ? '' : 'camera-off'}`}>
      {/* The video element is always there (muted: sound plays through the audio element). */}
      <video ref={video} aria-label={label} autoPlay playsInline muted hidden={collapsed} />
      {/* biome-ignore lint/a11y/useMediaCaption: a live call has no caption track to offer */}
      {!self && <audio ref={audio} autoPlay />}
      {!media.video && !collapsed && (
        <span className="call-avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="call-name">
        {name}
        {!media.audio && <span className="call-muted"> · muted</span>}
        {speaking && <span className="visually-hidden"> (speaking)</span>}
        {state && state !== 'connected' && <span className="call-link"> · {state}</span>}
      </span>
      {blocked && (
        <button
          type="button"
          className="button small-button"
          onClick={() => audio.current?.play().then(() => setBlocked(false))}
        >
          Play sound
        </button>
      )}
    </li>
  );
}

function DevicePickers({ call }: { call: CallControlsApi }) {
  const current = (kind: 'audio' | 'video') =>
    call.devices.chosen[kind] ??
    (call.local.stream
      .getTracks()
      .find((t) => t.kind === kind)
      ?.getSettings().deviceId ||
      '');
  return (
    <div className="call-devices">
      {(['audio', 'video'] as const).map((kind) => {
        const list = call.devices[kind];
        const label = kind === 'audio' ? 'Microphone device' : 'Camera device';
        return (
          <label key={kind} className="call-device">
            <span className="visually-hidden">{label}</span>
            <select
              aria-label={label}
              value={current(kind)}
              onChange={(e) => call.pickDevice(kind, e.target.value)}
              disabled={list.length === 0}
            >
              {list.length === 0 && (
                <option value="">{kind === 'audio' ? 'No microphone' : 'No camera'}</option>
              )}
              {list.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `${kind === 'audio' ? 'Microphone' : 'Camera'} ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </div>
  );
}
