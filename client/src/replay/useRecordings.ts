import type { RecordingInfo } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { fetchRecordingAudio, fetchRoundRecordings } from '../lib/recordingApi';

/** A round's recording with its bytes, ready for an `<audio>` element. */
export interface LoadedRecording {
  info: RecordingInfo;
  /** An object URL of the bytes (fetched with the bearer: no URL alone opens a recording). */
  url: string;
}

export type RecordingsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; recordings: LoadedRecording[] };

/** A round's voice recordings (P-AUDIO-4), those with any sound in them; freed when unmounted. */
export function useRecordings(roomId: string, round: number, bearer: string): RecordingsState {
  const [state, setState] = useState<RecordingsState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const urls: string[] = [];
    (async () => {
      const infos = (await fetchRoundRecordings(roomId, round, bearer)).filter((r) => r.bytes > 0);
      const recordings = await Promise.all(
        infos.map(async (info) => {
          const url = URL.createObjectURL(await fetchRecordingAudio(roomId, round, info.id, bearer));
          urls.push(url);
          return { info, url };
        }),
      );
      if (current) setState({ status: 'ready', recordings });
      else for (const url of urls) URL.revokeObjectURL(url);
    })().catch((err: Error) => {
      if (current) setState({ status: 'error', message: err.message });
    });
    return () => {
      current = false;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [roomId, round, bearer]);
  return state;
}
