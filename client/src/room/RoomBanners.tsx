import type { LobbyStatus, RoomState } from '@mockloop/shared';
import { lazy, Suspense } from 'react';

// Loop rooms and lobby matches only: loaded when they show, so a plain room's first JS stays in
// budget (`npm run size`).
const LoopProgress = lazy(() => import('./loop/LoopProgress').then((m) => ({ default: m.LoopProgress })));
const LobbyBanners = lazy(() => import('./LobbyBanners').then((m) => ({ default: m.LobbyBanners })));

/** The loop's progress bar and the lobby's banners (the match, the queue), when the room has them. */
export function RoomBanners({
  loop,
  match,
  alone,
  lobby,
  onDismissMatch,
  onLeaveQueue,
}: {
  loop: RoomState['loop'];
  match: { partner: string; role: string } | null;
  alone: boolean;
  lobby: LobbyStatus | null;
  onDismissMatch: () => void;
  onLeaveQueue: () => void;
}) {
  return (
    <Suspense fallback={null}>
      {loop && <LoopProgress loop={loop} />}
      {((match && !alone) || lobby?.state === 'waiting') && (
        <LobbyBanners
          match={alone ? null : match}
          onDismissMatch={onDismissMatch}
          lobby={lobby}
          onLeaveQueue={onLeaveQueue}
        />
      )}
    </Suspense>
  );
}
