import { docName, JoinRequest } from '@mockloop/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocTokens } from '../auth/DocTokens.js';
import { SqliteStore } from '../store/SqliteStore.js';
import { InMemoryPresence } from './Presence.js';
import { RoomService } from './RoomService.js';

let store: SqliteStore;
let rooms: RoomService;
let tokens: DocTokens;

beforeEach(async () => {
  store = new SqliteStore(':memory:');
  tokens = await DocTokens.load(store);
  rooms = new RoomService(store, tokens, new InMemoryPresence());
});
afterEach(() => store.close());

async function join(roomId: string, name: string, secret?: string) {
  return rooms.join(JoinRequest.parse({ roomId, name, secret }));
}

describe('RoomService', () => {
  it('P-ROOM-1: room ids are 16 random bytes in base64url: every one of the 128 bits varies', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i++)
      ids.push((await rooms.createRoom({ roundType: 'coding', creatorRole: 'interviewer' })).roomId);
    expect(new Set(ids).size).toBe(ids.length);
    const ones = new Array<number>(128).fill(0);
    for (const id of ids) {
      const bytes = Buffer.from(id, 'base64url');
      // 22 characters that decode to 16 bytes and back to themselves: nothing else is carried.
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(bytes).toHaveLength(16);
      expect(bytes.toString('base64url')).toBe(id);
      for (let bit = 0; bit < 128; bit++) {
        if ((bytes[bit >> 3] as number) & (0x80 >> (bit & 7))) ones[bit] = (ones[bit] ?? 0) + 1;
      }
    }
    // No bit is fixed, as a counter, a timestamp or a node prefix would make some (a random bit
    // stays one value over 200 ids with odds 2^-199).
    expect(ones.filter((n) => n === 0 || n === ids.length)).toEqual([]);
  });

  it('P-ROOM-2: creator keeps the chosen seat, the next person gets the other, the rest observe', async () => {
    const { roomId, secret } = await rooms.createRoom({
      roundType: 'coding',
      creatorRole: 'candidate',
      name: 'Cara',
    });
    const creator = await join(roomId, 'Cara', secret);
    expect(creator.participant.role).toBe('candidate');
    expect((await join(roomId, 'Ivan')).participant.role).toBe('interviewer');
    expect((await join(roomId, 'Olga')).participant.role).toBe('observer');
    expect((await join(roomId, 'Omar')).participant.role).toBe('observer');
  });

  it('P-ROOM-3: concurrent joiners never produce two candidates', async () => {
    const { roomId } = await rooms.createRoom({
      roundType: 'coding',
      creatorRole: 'interviewer',
      name: 'Ian',
    });
    const seated = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => join(roomId, n)));
    const roles = seated.map((s) => s.participant.role);
    expect(roles.filter((r) => r === 'candidate')).toHaveLength(1);
    expect(roles.filter((r) => r === 'interviewer')).toHaveLength(0);
  });

  it('P-ID-1: a secret restores the same participant and role; a new name renames', async () => {
    const { roomId } = await rooms.createRoom({
      roundType: 'coding',
      creatorRole: 'interviewer',
      name: 'Ian',
    });
    const first = await join(roomId, 'Cleo');
    const again = await rooms.join({ roomId, secret: first.secret });
    expect(again.participant.id).toBe(first.participant.id);
    expect(again.participant.role).toBe('candidate');
    const renamed = await join(roomId, 'Cleo B', first.secret);
    expect(renamed.participant.name).toBe('Cleo B');
  });

  it('refuses unknown rooms and unknown secrets without a name', async () => {
    await expect(join('AAAAAAAAAAAAAAAAAAAAAA', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { roomId } = await rooms.createRoom({ roundType: 'coding', creatorRole: 'interviewer' });
    await expect(rooms.join({ roomId, secret: 'A'.repeat(43) })).rejects.toMatchObject({
      code: 'NOT_JOINED',
    });
    await expect(rooms.join({ roomId })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('P-DOC-2: authorizes a document only with its own token for a participant of that room', async () => {
    const { roomId } = await rooms.createRoom({
      roundType: 'coding',
      creatorRole: 'interviewer',
      name: 'Ian',
    });
    const other = await rooms.createRoom({ roundType: 'coding', creatorRole: 'interviewer', name: 'Zed' });
    const cand = await join(roomId, 'Cleo');
    const observer = await join(roomId, 'Obi');
    const access = rooms.docAccess(cand.participant).code;
    expect(access.name).toBe(docName(roomId, 'code'));
    expect(await rooms.authorizeDoc(access.name, access.token)).toMatchObject({ writable: true });
    expect(await rooms.authorizeDoc(docName(other.roomId, 'code'), access.token)).toBeNull();
    expect(await rooms.authorizeDoc(access.name, `${access.token}x`)).toBeNull();
    expect(await rooms.authorizeDoc(access.name, '')).toBeNull();
    const obs = rooms.docAccess(observer.participant).code;
    expect(await rooms.authorizeDoc(obs.name, obs.token)).toMatchObject({ writable: false });
    // A token signed with another key (another server) is refused.
    const foreign = await DocTokens.load(new SqliteStore(':memory:'));
    const forged = foreign.sign({
      roomId,
      participantId: cand.participant.id,
      docName: access.name,
      clientId: 7,
    });
    expect(await rooms.authorizeDoc(access.name, forged.token)).toBeNull();
  });

  it('P-DOC-11, P-ID-3: tokens expire, and name one client id per tab that the grant carries', async () => {
    let now = 1_000_000;
    const store = new SqliteStore(':memory:');
    const tokens = await DocTokens.load(store, undefined, { now: () => now, ttlMs: 60_000 });
    const timed = new RoomService(store, tokens, new InMemoryPresence(), () => now);
    const { roomId, secret } = await timed.createRoom({
      roundType: 'coding',
      creatorRole: 'interviewer',
      name: 'Ian',
    });
    const ian = await timed.join({ roomId, secret });
    const tabA = timed.docAccess(ian.participant, undefined, 'tab-aaaaaaaaaaaaaaaa').code;
    const tabAagain = timed.docAccess(ian.participant, undefined, 'tab-aaaaaaaaaaaaaaaa').code;
    const tabB = timed.docAccess(ian.participant, undefined, 'tab-bbbbbbbbbbbbbbbb').code;
    expect(tabAagain.clientId).toBe(tabA.clientId); // the same tab keeps its id across re-joins
    expect(tabB.clientId).not.toBe(tabA.clientId);
    expect(tabA.expiresAt).toBe(now + 60_000);
    expect(await timed.authorizeDoc(tabA.name, tabA.token)).toMatchObject({ clientId: tabA.clientId });
    now += 60_001;
    expect(await timed.authorizeDoc(tabA.name, tabA.token)).toBeNull();
    await store.close();
  });

  it('observers cannot change the language', async () => {
    const { roomId } = await rooms.createRoom({
      roundType: 'coding',
      creatorRole: 'interviewer',
      name: 'Ian',
    });
    await join(roomId, 'Cleo');
    const obs = await join(roomId, 'Obi');
    await expect(rooms.setLanguage(obs.participant, 'go')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await rooms.roomState(roomId)).state.language).toBe('python');
  });
});
