import { ClientEvent, type LobbyMatch, ServerEvent } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { type ControlSocket, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();

const enter = (socket: ControlSocket, name: string, roundType: string) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<unknown>)(ClientEvent.LobbyEnter, {
    name,
    trackId: 'netflix-mle',
    roundType,
    role: 'either',
  });

describe('a lobby match begins in its track', () => {
  it('P-LOBBY-4: the matched room follows the track loop plan from its stage of the round type asked for', async () => {
    const ann = t.control();
    const bea = t.control();
    let match: LobbyMatch | undefined;
    ann.on(ServerEvent.LobbyMatched, (m) => {
      match = m;
    });
    await enter(ann, 'Ann', 'system-design');
    await enter(bea, 'Bea', 'system-design');
    await eventually(() => expect(match).toBeDefined());
    const joined = await joinOk(t.control(), { roomId: match?.roomId, secret: match?.secret });
    expect(match?.partnerName).toBe('Bea');
    expect(joined.room.roundType).toBe('system-design');
    const loop = joined.room.loop;
    expect(loop?.trackId).toBe('netflix-mle');
    expect(loop?.current).not.toBeNull();
    expect(loop?.stages[loop?.current ?? -1]?.roundType).toBe('system-design');
    // Its minutes are the stage's, and its question is not in the room state (P-LOOP-1).
    expect(joined.room.round.timer.durationMs).toBe(
      (loop?.stages[loop.current ?? -1]?.minutes ?? 0) * 60_000,
    );
    expect(joined.room.round.question).toBeNull();
  });
});
