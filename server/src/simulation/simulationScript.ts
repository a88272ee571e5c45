import type { Persona, Question, SimLineKind } from '@mockloop/shared';

/** One scheduled moment of a simulated round: a line to say, and what the server does with it. */
export interface ScriptStep {
  /** Milliseconds after the start. */
  offsetMs: number;
  kind: SimLineKind;
  text: string;
  /** `reveal`: the question is shown and the clock starts; `end`: the round ends. */
  action?: 'reveal' | 'end';
}

/** The loop stage a round plays in a simulated loop (P-SIM-6): its name and place in the plan. */
export interface ScriptStage {
  label: string;
  /** 1-based. */
  number: number;
  of: number;
}

/** Where each phase starts and ends, in milliseconds after the start. */
export interface PhaseSpan {
  name: string;
  minutes: number;
  startMs: number;
  endMs: number;
}

export function phaseSpans(question: Question, minuteMs: number): PhaseSpan[] {
  let start = 0;
  return question.phases.map((phase) => {
    const span = {
      name: phase.name,
      minutes: phase.minutes,
      startMs: start,
      endMs: start + phase.minutes * minuteMs,
    };
    start = span.endMs;
    return span;
  });
}

/** The phase running `elapsedMs` after the start (-1 before it, the last one after the end). */
export function phaseAt(spans: PhaseSpan[], elapsedMs: number): number {
  if (elapsedMs < 0) return -1;
  const index = spans.findIndex((s) => elapsedMs < s.endMs);
  return index === -1 ? spans.length - 1 : index;
}

/**
 * The whole round as the simulated interviewer plays it (P-SIM-2), a pure function of the
 * question, the persona and the length of a minute, so that a restarted server derives the same
 * schedule and resumes at the step it had reached. Follow-ups belong to the later phases (the
 * first is for understanding the problem): they are spread over phases 2..n in order, each asked
 * part way into its phase; a one-phase question gets them in its second half. In a simulated
 * loop the intro also names the stage (also stored: the room's plan and the round's stage).
 */
export function simulationScript(
  question: Question,
  persona: Persona,
  minuteMs: number,
  stage?: ScriptStage,
): ScriptStep[] {
  const spans = phaseSpans(question, minuteMs);
  const total = spans.at(-1)?.endMs ?? 0;
  const steps: ScriptStep[] = [
    { offsetMs: 0, kind: 'intro', text: introLine(persona, stage) },
    {
      offsetMs: 0,
      kind: 'question',
      text: `Here is the question: ${question.title}. Take a moment to read it, and think out loud as you go.`,
      action: 'reveal',
    },
    {
      offsetMs: 0,
      kind: 'phases',
      text: `We have ${question.timeLimitMinutes} minutes: ${spans.map((s) => `${s.name} (${s.minutes} min)`).join(', ')}.`,
    },
  ];
  spans.forEach((span, i) => {
    steps.push({
      offsetMs: span.startMs,
      kind: 'phase',
      text:
        i === 0 ? `Let's start with ${span.name}.` : `Let's leave that there and move on to ${span.name}.`,
    });
  });
  steps.push(...followUpSteps(question.interviewer.followUps, spans));
  steps.push({
    offsetMs: total,
    kind: 'time-up',
    text: "That's time, thank you. Let's stop here: fill in your self-assessment, then the brief opens.",
    action: 'end',
  });
  // Stable: steps at the same moment keep the order they were written in.
  return steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.offsetMs - b.step.offsetMs || a.order - b.order)
    .map(({ step }) => step);
}

function introLine(persona: Persona, stage: ScriptStage | undefined): string {
  const hello = `Hi, I'm ${persona.name}, ${persona.title}. ${persona.focus}`;
  if (!stage) return hello;
  if (stage.number === 1) {
    return `${hello} We'll go through the loop round by round, ${stage.of} rounds, starting with the ${stage.label}.`;
  }
  return `Next round: ${stage.label} (${stage.number} of ${stage.of}). It's ${persona.name} again, ${persona.title}.`;
}

function followUpSteps(followUps: string[], spans: PhaseSpan[]): ScriptStep[] {
  const later = spans.length > 1 ? spans.slice(1) : [];
  const groups: string[][] = later.length > 0 ? later.map(() => []) : [[]];
  followUps.forEach((text, k) => {
    groups[Math.floor((k * groups.length) / followUps.length)]?.push(text);
  });
  const steps: ScriptStep[] = [];
  groups.forEach((texts, g) => {
    const span = later[g] ?? spans[0];
    if (!span) return;
    // In its own phase, a third of the way in and after; in a lone phase, in its second half.
    const from =
      later.length > 0
        ? span.startMs + (span.endMs - span.startMs) / 3
        : span.startMs + (span.endMs - span.startMs) / 2;
    const width = span.endMs - from;
    texts.forEach((text, t) => {
      steps.push({
        offsetMs: Math.round(from + (width * t) / (texts.length + 1)),
        kind: 'follow-up',
        text,
      });
    });
  });
  return steps;
}
