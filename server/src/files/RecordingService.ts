import { randomBytes } from 'node:crypto';
import type {
  ErrorCode,
  RecordingInfo,
  RecordingPieceStored,
  RecordingStarted,
  RecordingType,
} from '@mockloop/shared';
import type { PerIpLimiter } from '../limits/PerIpLimiter.js';
import type { ParticipantRecord, RecordingRecord, Store } from '../store/Store.js';
import type { RecordingLimits } from './recordingLimits.js';
import { beginsAudioStream } from './sniffAudio.js';

/** Why a recording request was refused, with its HTTP status (and the awaited piece for 409). */
export class RecordingRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 429 | 507,
    readonly code: ErrorCode,
    message: string,
    readonly nextPiece?: number,
  ) {
    super(message);
    this.name = 'RecordingRefused';
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Think out loud, recorded (P-AUDIO-1..4): a seated person's own voice for the current round,
 * stored piece by piece as the browser uploads it, so a crash loses the last piece at most; each
 * person's recordings of a round are capped, and count in the server's file budget.
 */
export class RecordingService {
  constructor(
    private readonly store: Store,
    private readonly limits: RecordingLimits,
    /** Pieces and starts a minute, counted per person (across nodes when they share Redis). */
    private readonly rate: PerIpLimiter,
    /** All rooms' files together (FILES_TOTAL_BYTES). */
    private readonly maxTotalBytes = Number.POSITIVE_INFINITY,
    private readonly onStoreFull: () => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a recording of `participant` for the current round, which they must play in. */
  async start(participant: ParticipantRecord, mimeType: RecordingType): Promise<RecordingStarted> {
    const round = await this.store.getCurrentRound(participant.roomId);
    const seated = round && (round.interviewerId === participant.id || round.candidateId === participant.id);
    if (!round || !seated) {
      throw new RecordingRefused(403, 'FORBIDDEN', "Only the current round's players record their voice.");
    }
    if (round.endedAt !== null) throw new RecordingRefused(409, 'CONFLICT', 'This round has ended.');
    await this.spend(participant);
    const started = await this.store.startRecording(
      {
        id: randomBytes(16).toString('base64url'),
        roomId: participant.roomId,
        round: round.number,
        participantId: participant.id,
        mimeType,
        startedAt: this.now(),
        lastAt: this.now(),
        pieces: 0,
        bytes: 0,
      },
      this.limits.takesPerRound,
    );
    if (started === 'too-many') {
      throw new RecordingRefused(
        429,
        'RATE_LIMITED',
        `A person can start at most ${this.limits.takesPerRound} recordings in a round.`,
      );
    }
    return { recordingId: started.id, round: started.round, startedAt: started.startedAt };
  }

  /** Stores piece `seq` of the caller's own recording; pieces come in order, each once. */
  async addPiece(
    participant: ParticipantRecord,
    recordingId: string,
    seq: number,
    mimeType: RecordingType,
    data: Uint8Array,
  ): Promise<RecordingPieceStored> {
    const recording = await this.store.getRecording(participant.roomId, recordingId);
    if (!recording || recording.participantId !== participant.id) {
      throw new RecordingRefused(404, 'NOT_FOUND', 'No such recording of yours in this room.');
    }
    if (mimeType !== recording.mimeType) {
      throw new RecordingRefused(415, 'BAD_REQUEST', `This recording's pieces are ${recording.mimeType}.`);
    }
    if (data.byteLength === 0) throw new RecordingRefused(400, 'BAD_REQUEST', 'The piece is empty.');
    if (seq === 0 && !beginsAudioStream(mimeType, data)) {
      throw new RecordingRefused(
        415,
        'BAD_REQUEST',
        `The first piece is not the start of an ${mimeType} stream.`,
      );
    }
    const round = await this.store.getRound(participant.roomId, recording.round);
    if (round?.endedAt != null && this.now() - round.endedAt > this.limits.latePieceMs) {
      throw new RecordingRefused(409, 'CONFLICT', 'This round has ended; its recording is closed.');
    }
    await this.spend(participant);
    const stored = await this.store.appendRecordingPiece(
      { roomId: participant.roomId, recordingId, seq, data, at: this.now() },
      { maxPersonRoundBytes: this.limits.personRoundBytes, maxTotalBytes: this.maxTotalBytes },
    );
    if (!('refused' in stored)) return { next: stored.pieces, bytes: stored.bytes };
    switch (stored.refused) {
      case 'no-recording':
        throw new RecordingRefused(404, 'NOT_FOUND', 'No such recording of yours in this room.');
      case 'out-of-order':
        throw new RecordingRefused(
          409,
          'CONFLICT',
          seq < stored.next
            ? `Piece ${seq} is already stored; the next piece is ${stored.next}.`
            : `Piece ${seq} is out of order; the next piece is ${stored.next}.`,
          stored.next,
        );
      case 'full':
        throw new RecordingRefused(
          413,
          'BAD_REQUEST',
          `A person's recordings of a round can hold ${mib(this.limits.personRoundBytes)} (about an hour); this round's are full.`,
        );
      case 'store-full':
        this.onStoreFull();
        throw new RecordingRefused(
          507,
          'BAD_REQUEST',
          'This server has no room left for recordings (its operator set FILES_TOTAL_BYTES).',
        );
    }
  }

  /** A round's recordings, for anyone who may replay it (the route checks who that is). */
  async list(viewer: ParticipantRecord, round: number): Promise<RecordingInfo[]> {
    if (!(await this.store.getRound(viewer.roomId, round))) {
      throw new RecordingRefused(404, 'NOT_FOUND', 'There is no such round.');
    }
    return (await this.store.listRecordings(viewer.roomId, round)).map(toInfo);
  }

  /** One recording of a round, and its pieces' bytes one by one (a recording may be 16 MiB). */
  async open(
    viewer: ParticipantRecord,
    round: number,
    recordingId: string,
  ): Promise<{ recording: RecordingInfo; pieces: AsyncIterable<Uint8Array> }> {
    const recording = await this.store.getRecording(viewer.roomId, recordingId);
    if (!recording || recording.round !== round) {
      throw new RecordingRefused(404, 'NOT_FOUND', 'No such recording in this round.');
    }
    const { store } = this;
    const count = recording.pieces;
    async function* pieces() {
      for (let seq = 0; seq < count; seq++) {
        const data = await store.loadRecordingPiece(recordingId, seq);
        if (data) yield data;
      }
    }
    return { recording: toInfo(recording), pieces: pieces() };
  }

  private async spend(participant: ParticipantRecord): Promise<void> {
    const decision = await this.rate.consume(`recording:${participant.id}`);
    if (!decision.allowed) {
      throw new RecordingRefused(
        429,
        'RATE_LIMITED',
        `At most ${this.limits.piecesPerMinute} recording uploads a minute; try again in ${Math.ceil(decision.retryAfterMs / 1000)} s.`,
      );
    }
  }
}

function toInfo(r: RecordingRecord): RecordingInfo {
  return {
    id: r.id,
    participantId: r.participantId,
    mimeType: r.mimeType as RecordingType,
    startedAt: r.startedAt,
    lastAt: r.lastAt,
    pieces: r.pieces,
    bytes: r.bytes,
  };
}
