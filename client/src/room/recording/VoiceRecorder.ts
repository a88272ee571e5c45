import { RECORDING_BITS_PER_SECOND, RECORDING_TIMESLICE_MS, type RecordingType } from '@mockloop/shared';
import { RecordingRequestError, startRecording, uploadPiece } from '../../lib/recordingApi';

export interface RecorderStatus {
  phase: 'starting' | 'recording' | 'finishing' | 'done' | 'failed';
  /** Why recording stopped or could not start, in a sentence; null while all is well. */
  problem: string | null;
  /** Bytes the server has stored. */
  uploadedBytes: number;
}

/** Opus in WebM where the browser makes it (Chromium, Firefox), else in Ogg. */
function pickType(): { recorderType: string; type: RecordingType } | null {
  if (typeof MediaRecorder === 'undefined') return null;
  for (const type of ['audio/webm', 'audio/ogg'] as const) {
    const recorderType = `${type};codecs=opus`;
    if (MediaRecorder.isTypeSupported(recorderType)) return { recorderType, type };
  }
  return null;
}

/** How long to wait before sending a piece again after the network or the server failed. */
const RETRY_MS = [1000, 2000, 5000, 10_000];

/**
 * One recording of this person's voice for the current round (P-AUDIO-1): the microphone through
 * a MediaRecorder whose pieces, every few seconds, are uploaded one at a time in order; a piece
 * that fails on the way is sent again, so a crash or an outage loses only what was not yet sent.
 */
export class VoiceRecorder {
  private status: RecorderStatus = { phase: 'starting', problem: null, uploadedBytes: 0 };
  private recorder: MediaRecorder | null = null;
  private stream: MediaStream | null = null;
  private recordingId: string | null = null;
  private readonly queue: Blob[] = [];
  private next = 0;
  private sending = false;
  private stopped = false;
  private recorderStopped = false;

  constructor(
    private readonly roomId: string,
    private readonly secret: string,
    private readonly onStatus: (status: RecorderStatus) => void,
  ) {}

  async start(): Promise<void> {
    const kind = pickType();
    if (!kind) return this.fail('This browser cannot record audio.');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return this.fail('The microphone could not be opened, so nothing is recorded.');
    }
    if (this.stopped) return this.release();
    try {
      this.recordingId = (await startRecording(this.roomId, this.secret, kind.type)).recordingId;
    } catch (err) {
      return this.fail(err instanceof Error ? err.message : 'The recording could not start.');
    }
    if (this.stopped) return this.release();
    const recorder = new MediaRecorder(this.stream, {
      mimeType: kind.recorderType,
      audioBitsPerSecond: RECORDING_BITS_PER_SECOND,
    });
    recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      this.queue.push(event.data.type ? event.data : new Blob([event.data], { type: kind.recorderType }));
      void this.pump();
    };
    recorder.onstop = () => {
      this.recorderStopped = true;
      this.release();
      void this.pump();
    };
    this.recorder = recorder;
    recorder.start(RECORDING_TIMESLICE_MS);
    this.update({ phase: 'recording' });
  }

  /** Stops recording; the pieces still queued are uploaded after. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.update({ phase: 'finishing' });
      this.recorder.stop();
    } else {
      this.release();
    }
  }

  private async pump(): Promise<void> {
    if (this.sending || !this.recordingId) return;
    this.sending = true;
    let attempt = 0;
    while (this.queue.length > 0 && this.status.phase !== 'failed') {
      const piece = this.queue[0] as Blob;
      try {
        const stored = await uploadPiece(this.roomId, this.secret, this.recordingId, this.next, piece);
        this.settle(stored.bytes);
        attempt = 0;
      } catch (err) {
        const refusal =
          err instanceof RecordingRequestError ? err : new RecordingRequestError(0, String(err));
        // The server stored it but its answer was lost: move on to the piece it awaits.
        if (refusal.status === 409 && refusal.next !== undefined && refusal.next > this.next) {
          this.settle(this.status.uploadedBytes + piece.size);
          continue;
        }
        const retry = refusal.status === 0 || refusal.status === 429 || refusal.status >= 500;
        if (!retry || refusal.status === 507) {
          this.fail(`Recording stopped: ${refusal.message}`);
          break;
        }
        await new Promise((resolve) =>
          setTimeout(resolve, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]),
        );
      }
    }
    this.sending = false;
    if (this.recorderStopped && this.queue.length === 0 && this.status.phase === 'finishing') {
      this.update({ phase: 'done' });
    }
  }

  private settle(uploadedBytes: number): void {
    this.queue.shift();
    this.next += 1;
    this.update({ uploadedBytes });
  }

  private fail(problem: string): void {
    this.update({ phase: 'failed', problem });
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    this.release();
  }

  private release(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.stopped && !this.recorder && this.status.phase !== 'failed') this.update({ phase: 'done' });
  }

  private update(change: Partial<RecorderStatus>): void {
    this.status = { ...this.status, ...change };
    this.onStatus(this.status);
  }
}
