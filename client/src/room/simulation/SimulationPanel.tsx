import type { SimulationView } from '@mockloop/shared';
import { useEffect, useRef, useState } from 'react';
import { useSpeaking } from '../../call/useSpeaking';
import { clock } from '../../lib/serverClock';
import type { RoomActions } from '../session/RoomActions';
import { useMicrophone } from './useMicrophone';
import { useSimulationActivity } from './useSimulationActivity';
import { useSpokenLines } from './useSpokenLines';
import './simulation.css';

interface Props {
  simulation: SimulationView;
  actions: Pick<RoomActions, 'stuck' | 'reportActivity'>;
}

/**
 * The solo room's interviewer (P-SIM-2..4): who plays it, the phases with the current one, what
 * it has said (always written; spoken too with voice on), "I'm stuck" for a hint, and the
 * microphone whose level tells it the candidate is thinking out loud.
 */
export function SimulationPanel({ simulation, actions }: Props) {
  const [voice, setVoice] = useState(false);
  const [micOn, setMicOn] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const mic = useMicrophone(micOn);
  // The newest line in view: the transcript scrolls by itself as the interviewer speaks.
  const log = useRef<HTMLOListElement>(null);
  const lineCount = simulation.lines.length;
  useEffect(() => {
    if (lineCount > 0 && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [lineCount]);
  const running = simulation.status === 'running';
  useSpokenLines(simulation.lines, voice, simulation.round);
  useSimulationActivity(running, speaking && micOn, actions.reportActivity);

  async function stuck() {
    setAsking(true);
    setProblem(await actions.stuck());
    setAsking(false);
  }

  return (
    <section className="panel simulation-panel" aria-labelledby="simulation-heading">
      <h2 id="simulation-heading" className="panel-title">
        Interviewer: {simulation.interviewer.name}
      </h2>
      <p className="muted small">{simulation.interviewer.title} · simulated by the server</p>
      <PhaseList simulation={simulation} />
      <div className="simulation-controls">
        <button
          type="button"
          className="button small-button"
          aria-pressed={voice}
          onClick={() => setVoice(!voice)}
        >
          {voice ? 'Voice on' : 'Voice off'}
        </button>
        <button
          type="button"
          className="button small-button"
          aria-pressed={micOn}
          onClick={() => setMicOn(!micOn)}
        >
          {micOn ? 'Microphone on' : 'Microphone off'}
        </button>
        <button
          type="button"
          className="button small-button primary"
          disabled={!running || asking}
          onClick={() => void stuck()}
          title={`${simulation.hintsLeft} hint${simulation.hintsLeft === 1 ? '' : 's'} left`}
        >
          I'm stuck
        </button>
      </div>
      {mic.stream && <MicMeter stream={mic.stream} onSpeaking={setSpeaking} />}
      {micOn && (
        <p className="muted small" role="status">
          {mic.problem ??
            (speaking ? 'Hearing you think out loud.' : 'Listening for your voice (its level only).')}
        </p>
      )}
      {problem && (
        <p className="error small" role="alert">
          {problem}
        </p>
      )}
      <ol ref={log} className="simulation-transcript" aria-label="Interviewer transcript" role="log">
        {simulation.lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows, in order
          <li key={i} className={`sim-line sim-${line.kind}`}>
            {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The phases with their minutes; the current one marked, with the time left in it. */
function PhaseList({ simulation }: { simulation: SimulationView }) {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (simulation.phaseEndsAt === null) return;
    const timer = window.setInterval(() => setNow(clock.now()), 1000);
    return () => window.clearInterval(timer);
  }, [simulation.phaseEndsAt]);
  const left =
    simulation.phaseEndsAt === null ? null : Math.max(0, Math.ceil((simulation.phaseEndsAt - now) / 1000));
  return (
    <ol className="simulation-phases" aria-label="Phases">
      {simulation.phases.map((phase, i) => (
        <li key={phase.name} aria-current={i === simulation.phaseIndex ? 'step' : undefined}>
          {phase.name} · {phase.minutes} min
          {i === simulation.phaseIndex && left !== null && (
            <span className="muted small"> (now; {formatLeft(left, simulation.minuteMs)} left)</span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Seconds left, as simulated minutes when the server runs its minutes at the real length. */
function formatLeft(seconds: number, minuteMs: number): string {
  const minutes = (seconds * 1000) / minuteMs;
  return minutes >= 1 ? `${Math.ceil(minutes)} min` : `${seconds} s`;
}

function MicMeter({ stream, onSpeaking }: { stream: MediaStream; onSpeaking: (speaking: boolean) => void }) {
  const speaking = useSpeaking(stream, true);
  useEffect(() => onSpeaking(speaking), [speaking, onSpeaking]);
  useEffect(() => () => onSpeaking(false), [onSpeaking]);
  return null;
}
