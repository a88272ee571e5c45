import { useEffect, useState } from 'react';

/**
 * The microphone while `on`: its stream (null while off or refused) and why it could not
 * open. Only its level is used here (speech detection for the simulated interviewer); no audio
 * leaves the page.
 */
export function useMicrophone(on: boolean): { stream: MediaStream | null; problem: string | null } {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!on) return;
    let cancelled = false;
    let opened: MediaStream | null = null;
    setProblem(null);
    navigator.mediaDevices
      ?.getUserMedia({ audio: true })
      .then((media) => {
        opened = media;
        if (cancelled) for (const t of media.getTracks()) t.stop();
        else setStream(media);
      })
      .catch(() => {
        if (!cancelled)
          setProblem('The microphone could not be opened; the interviewer will count typing only.');
      });
    return () => {
      cancelled = true;
      for (const t of opened?.getTracks() ?? []) t.stop();
      setStream(null);
    };
  }, [on]);
  return { stream, problem };
}
