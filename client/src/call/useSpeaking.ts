import { useEffect, useState } from 'react';

/** Level (0-1, RMS of the waveform) above which a voice counts as speaking. */
const SPEAKING_LEVEL = 0.02;
const POLL_MS = 150;

let shared: AudioContext | null = null;
/** One AudioContext for every meter on the page; resumed on the first click if it starts suspended. */
function audioContext(): AudioContext | null {
  if (shared) return shared;
  if (typeof AudioContext === 'undefined') return null;
  shared = new AudioContext();
  if (shared.state === 'suspended') {
    const resume = () => void shared?.resume();
    window.addEventListener('pointerdown', resume, { once: true });
    window.addEventListener('keydown', resume, { once: true });
  }
  return shared;
}

/** Whether the stream's audio is above a speaking level now (polled a few times a second). */
export function useSpeaking(stream: MediaStream, audioOn: boolean): boolean {
  const [speaking, setSpeaking] = useState(false);
  const trackId = stream.getAudioTracks()[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the track id stands for the stream's audio; a new track means a new meter
  useEffect(() => {
    const track = stream.getAudioTracks()[0];
    const context = audioOn && track ? audioContext() : null;
    if (!context || !track) {
      setSpeaking(false);
      return;
    }
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      setSpeaking(Math.sqrt(sum / samples.length) > SPEAKING_LEVEL);
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      source.disconnect();
    };
  }, [stream, trackId, audioOn]);
  return speaking;
}
