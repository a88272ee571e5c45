import type { SimulationActivity } from '@mockloop/shared';
import { useEffect, useRef } from 'react';

/** One report per this long is enough: the interviewer waits a whole minute of silence. */
const REPORT_EVERY_MS = 5000;

/**
 * Tells the simulated interviewer the candidate is at work (P-SIM-4): typing anywhere in the room,
 * drawing on the board, or (with `speaking`) talking into the microphone. Throttled per source.
 */
export function useSimulationActivity(
  enabled: boolean,
  speaking: boolean,
  report: (source: SimulationActivity['source']) => void,
): void {
  const last = useRef<Record<string, number>>({});
  const reportRef = useRef(report);
  reportRef.current = report;
  const send = useRef((source: SimulationActivity['source']) => {
    const now = Date.now();
    if (now - (last.current[source] ?? 0) < REPORT_EVERY_MS) return;
    last.current[source] = now;
    reportRef.current(source);
  });

  useEffect(() => {
    if (!enabled) return;
    const onKey = () => send.current('edit');
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Element && event.target.closest('.excalidraw')) send.current('board');
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [enabled]);

  useEffect(() => {
    if (!enabled || !speaking) return;
    send.current('speech');
    const timer = window.setInterval(() => send.current('speech'), REPORT_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [enabled, speaking]);
}
