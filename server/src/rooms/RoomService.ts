import {
  type CreateRoomRequest,
  DEFAULT_LANGUAGE,
  type DocAccess,
  type DocKind,
  DocKind as DocKindSchema,
  type DocRef,
  type DocumentGrants,
  docName,
  type JoinRequest,
  type JoinResult,
  type Language,
  type ParticipantView,
  parseDocName,
  type Role,
  type RoomState,
  type RoomSummary,
  type SeatRole,
  seatOf,
} from '@mockloop/shared';
import type { DocTokens } from '../auth/DocTokens.js';
import { hashSecret, newParticipantId, newRoomId, newSecret } from '../auth/randomIds.js';
import { AppError } from '../common/AppError.js';
import { landed, untilWritten } from '../common/untilWritten.js';
import { newRound } from '../rounds/newRound.js';
import type { LoopPlanRecord, ParticipantRecord, RoomRecord, Store } from '../store/Store.js';
import { colorFor } from './colors.js';
import type { RoomStart } from './firstRound.js';
import type { Presence } from './Presence.js';

/** Most people one room seats (two players plus observers). */
export const MAX_PARTICIPANTS = 12;

const SEATS: SeatRole[] = ['interviewer', 'candidate'];

export interface Seated {
  participant: ParticipantRecord;
  secret: string;
}

/** Who may open a document, whether their writes count, and which awareness id is theirs. */
export interface DocGrant {
  participant: ParticipantRecord;
  writable: boolean;
  /** The only awareness client id the connection may speak for (P-ID-3). */
  clientId: number;
  ref: DocRef;
}

/**
 * Rooms and seats: creation, joining with role assignment, and document access. Knows nothing of
 * Socket.IO or WebSockets; the control plane and the document server call into it.
 */
export class RoomService {
  constructor(
    private readonly store: Store,
    private readonly tokens: DocTokens,
    private readonly presence: Presence,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a room and seats its creator in the role they chose (P-ROOM-2). */
  async createRoom(
    req: Required<Pick<CreateRoomRequest, 'roundType' | 'creatorRole'>> & { name?: string },
    start: RoomStart = { roundType: req.roundType, opening: {}, loop: null },
  ) {
    const { roomId, secrets } = await this.createRoomWithSeats(start, [
      { name: req.name ?? '', role: req.creatorRole },
    ]);
    return { roomId, secret: secrets[0] as string };
  }

  /**
   * Creates a room with its players already seated (the creator, or a pair from the lobby).
   * Returns each player's secret, in the order given.
   */
  async createRoomWithSeats(start: RoomStart, players: Array<{ name: string; role: SeatRole }>) {
    const now = this.now();
    const { roundType } = start;
    const room: RoomRecord = {
      id: newRoomId(),
      roundType,
      loop: start.loop,
      language: DEFAULT_LANGUAGE,
      creatorRole: players[0]?.role ?? 'interviewer',
      createdAt: now,
      lastActiveAt: now,
      swapProposal: null,
      revision: 0,
    };
    const secrets = players.map(() => newSecret());
    const seated = players.map((player, index) => ({
      id: newParticipantId(),
      roomId: room.id,
      secretHash: hashSecret(secrets[index] as string),
      name: player.name,
      color: colorFor(index),
      joinedAt: now,
      seat: player.role,
    }));
    // Room, seats and first round in one transaction (S-ROOM-1).
    await this.store.createRoom(
      room,
      seated,
      newRound(room.id, 1, roundType, { interviewerId: null, candidateId: null }, now, start.opening),
    );
    return {
      roomId: room.id,
      secrets,
      participants: seated.map((p, i) => ({ id: p.id, secret: secrets[i] ?? '' })),
    };
  }

  async summary(roomId: string): Promise<RoomSummary | null> {
    const [room, round] = await Promise.all([this.store.getRoom(roomId), this.store.getCurrentRound(roomId)]);
    if (!room) return null;
    const taken = new Set((await this.store.listParticipants(roomId)).map((p) => p.role));
    return {
      roomId,
      roundType: round?.roundType ?? room.roundType,
      openSeats: SEATS.filter((s) => !taken.has(s)),
    };
  }

  /**
   * Seats a newcomer or restores a returning participant by secret (P-ID-1). The role is decided
   * here: the free seat if there is one, else observer. Never from the request (P-ID-2).
   */
  async join(req: JoinRequest): Promise<Seated> {
    const room = await this.store.getRoom(req.roomId);
    if (!room) throw new AppError('NOT_FOUND', 'This room does not exist.');

    if (req.secret) {
      const existing = await this.store.findParticipantBySecret(room.id, hashSecret(req.secret));
      if (existing) {
        if (req.name && req.name !== existing.name) {
          await this.store.renameParticipant(existing.id, req.name);
          existing.name = req.name;
        }
        if (!existing.name) throw new AppError('BAD_REQUEST', 'Your name is required.');
        return { participant: existing, secret: req.secret };
      }
      if (!req.name) throw new AppError('NOT_JOINED', 'This browser has no seat in this room; join again.');
    }
    if (!req.name) throw new AppError('BAD_REQUEST', 'Your name is required.');
    return this.seatNewcomer(room, req.name);
  }

  private async seatNewcomer(room: RoomRecord, name: string): Promise<Seated> {
    const secret = newSecret();
    const count = (await this.store.listParticipants(room.id)).length;
    const newcomer = {
      id: newParticipantId(),
      roomId: room.id,
      secretHash: hashSecret(secret),
      name,
      color: colorFor(count),
      joinedAt: this.now(),
    };
    // The first free seat or observer, decided inside one transaction (S-SEAT-2, P-ROOM-3).
    const role = await this.store.seatNewcomer(newcomer, MAX_PARTICIPANTS);
    if (role === 'full') throw new AppError('ROOM_FULL', 'This room is full.');
    return { participant: { ...newcomer, role }, secret };
  }

  participant(participantId: string): Promise<ParticipantRecord | null> {
    return this.store.getParticipant(participantId);
  }

  participants(roomId: string): Promise<ParticipantRecord[]> {
    return this.store.listParticipants(roomId);
  }

  /** The participant holding this secret in this room, if any. */
  participantBySecret(roomId: string, secret: string): Promise<ParticipantRecord | null> {
    return this.store.findParticipantBySecret(roomId, hashSecret(secret));
  }

  async setLanguage(participant: ParticipantRecord, language: Language): Promise<void> {
    if (participant.role === 'observer')
      throw new AppError('FORBIDDEN', 'Observers cannot change the language.');
    await untilWritten(async () => {
      const room = await this.store.getRoom(participant.roomId);
      if (!room) throw new AppError('NOT_FOUND', 'This room does not exist.');
      return landed(await this.store.updateRoom(room.id, { language }, room.revision), undefined);
    });
  }

  /**
   * The room's public state without its rounds (the InterviewService adds those), and the loop
   * plan it read with it, for the rounds' view of the loop: one read of the room per state.
   */
  async roomState(roomId: string): Promise<{
    state: Omit<RoomState, 'round' | 'rounds' | 'serverNow' | 'call' | 'roundType' | 'loop'>;
    plan: LoopPlanRecord | null;
  }> {
    // The revision is read first: whatever is read after it is at least that new (P-CTL-5).
    const room = await this.store.getRoom(roomId);
    if (!room) throw new AppError('NOT_FOUND', 'This room does not exist.');
    const presence = this.presence.snapshot(roomId);
    const participants = (await this.store.listParticipants(roomId))
      .filter((p) => p.name !== '')
      .map((p) => toView(p, presence.get(p.id)));
    const state = {
      roomId,
      language: room.language,
      participants,
      swapProposal: room.swapProposal,
      revision: room.revision,
    };
    return { state, plan: room.loop };
  }

  view(participant: ParticipantRecord): ParticipantView {
    return toView(participant, this.presence.snapshot(participant.roomId).get(participant.id));
  }

  /**
   * Whether this participant is one of the current round's two players: only they write the
   * round's documents, and only they add images to its board.
   */
  async isCurrentPlayer(participant: ParticipantRecord): Promise<boolean> {
    const round = await this.store.getCurrentRound(participant.roomId);
    return !!round && (participant.id === round.interviewerId || participant.id === round.candidateId);
  }

  /** Whether this participant holds the interviewer seat of the current round, read now. */
  async isCurrentInterviewer(participant: ParticipantRecord): Promise<boolean> {
    const round = await this.store.getCurrentRound(participant.roomId);
    return !!round && participant.id === round.interviewerId;
  }

  /**
   * Tokens for the documents this participant may open, all of `round` (default: round 1 with
   * their stored role): code and board for everyone (writable unless observing), notes for that
   * round's interviewer alone. The seat is the round's own, so a round read after a swap never
   * gets a role read before it (P-SEAT-1). `tab` fixes each document's awareness client id (P-ID-3).
   */
  docAccess(participant: GrantHolder, round?: RoundSeats, tab?: string): JoinResult['documents'] {
    const number = round?.number ?? 1;
    const role = round ? seatOf(round, participant.id) : participant.role;
    const grant = (kind: DocKind): DocAccess => {
      const name = docName(participant.roomId, kind, number);
      const clientId = this.tokens.clientIdFor(participant.id, name, tab);
      const { token, expiresAt } = this.tokens.sign({
        roomId: participant.roomId,
        participantId: participant.id,
        docName: name,
        clientId,
      });
      return { name, token, writable: role !== 'observer', clientId, expiresAt };
    };
    const access: JoinResult['documents'] = { code: grant('code') };
    for (const kind of DocKindSchema.options) {
      if (kind !== 'code' && mayOpen(role, kind)) access[kind] = grant(kind);
    }
    return access;
  }

  /** docAccess with the round and seat it is for, so the tab can tell whether it is current. */
  grants(participant: GrantHolder, round: RoundSeats, tab?: string): DocumentGrants {
    return {
      round: round.number,
      role: seatOf(round, participant.id),
      documents: this.docAccess(participant, round, tab),
    };
  }

  /**
   * Checks a document token against the document asked for and the participant's seat now (not
   * when the token was issued: seats change on a swap). Null means refuse: bad signature, another
   * document's token, an expired token (P-DOC-11), an unknown participant, or notes of a round
   * they did not interview (P-DOC-2). Writes to the code and board count only from the round's two
   * players, and only while it is the current round; notes stay their interviewer's to write.
   */
  async authorizeDoc(requestedDoc: string, token: string): Promise<DocGrant | null> {
    const verified = this.tokens.verify(token);
    if (!verified || verified.expired) return null;
    const { claims } = verified;
    if (claims.docName !== requestedDoc) return null;
    const ref = parseDocName(requestedDoc);
    if (!ref || ref.roomId !== claims.roomId) return null;
    const participant = await this.store.getParticipant(claims.participantId);
    if (!participant || participant.roomId !== claims.roomId) return null;
    const [round, current] = await Promise.all([
      this.store.getRound(ref.roomId, ref.round),
      this.store.getCurrentRound(ref.roomId),
    ]);
    if (!round) return null;
    const player = participant.id === round.interviewerId || participant.id === round.candidateId;
    if (ref.kind === 'notes') {
      if (participant.id !== round.interviewerId) return null;
      return { participant, writable: true, clientId: claims.clientId, ref };
    }
    return {
      participant,
      writable: player && round.number === current?.number,
      clientId: claims.clientId,
      ref,
    };
  }
}

/** A round's number and who sits where in it. */
export interface RoundSeats {
  number: number;
  interviewerId: string | null;
  candidateId: string | null;
}

/** What docAccess reads of a participant. */
type GrantHolder = Pick<ParticipantRecord, 'id' | 'roomId' | 'role'>;

/** Private notes belong to the interviewer alone (P-PRIV-2); everyone may open the code and board. */
function mayOpen(role: Role, kind: DocKind): boolean {
  return kind === 'notes' ? role === 'interviewer' : true;
}

function toView(p: ParticipantRecord, presence?: { online: boolean; away: boolean }): ParticipantView {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    color: p.color,
    online: presence?.online ?? false,
    away: presence?.away ?? false,
  };
}
