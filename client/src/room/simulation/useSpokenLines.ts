import type { SimLine } from '@mockloop/shared';
import { useEffect, useRef } from 'react';

/**
 * Speaks each new transcript line through the browser's speech synthesis while `voice` is on.
 * Lines said before voice was turned on stay unspoken: the transcript shows them. A new round of
 * a simulated loop starts a new transcript, spoken from its first line.
 */
export function useSpokenLines(lines: SimLine[], voice: boolean, round: number): void {
  const spoken = useRef(lines.length);
  const spokenRound = useRef(round);
  useEffect(() => {
    if (spokenRound.current !== round) {
      spokenRound.current = round;
      spoken.current = 0;
    }
    const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
    if (!voice || !synth) {
      spoken.current = lines.length;
      return;
    }
    for (const line of lines.slice(spoken.current)) synth.speak(new SpeechSynthesisUtterance(line.text));
    spoken.current = lines.length;
  }, [lines, voice, round]);
  useEffect(() => {
    if (!voice) window.speechSynthesis?.cancel();
  }, [voice]);
}
