import type { PublicTrack, Track } from '@mockloop/shared';

/** The candidate-safe view of a track, from an allow-list: persona coaching for the interviewer is left out. */
export function publicTrack(track: Track): PublicTrack {
  return {
    id: track.id,
    company: {
      name: track.company.name,
      description: track.company.description,
      values: [...track.company.values],
    },
    role: track.role,
    difficulty: track.difficulty,
    typicalDurationDays: track.typicalDurationDays,
    loop: track.loop.map((stage) => ({
      name: stage.name,
      focus: stage.focus,
      ...(stage.minutes === undefined ? {} : { minutes: stage.minutes }),
      ...(stage.rounds === undefined ? {} : { rounds: { min: stage.rounds.min, max: stage.rounds.max } }),
    })),
    ...(track.plan === undefined
      ? {}
      : {
          plan: track.plan.map((round) => ({
            roundType: round.roundType,
            ...(round.label === undefined ? {} : { label: round.label }),
            ...(round.minutes === undefined ? {} : { minutes: round.minutes }),
          })),
        }),
    personas: track.personas.map((p) => ({ id: p.id, name: p.name, title: p.title, focus: p.focus })),
    unwrittenRules: track.unwrittenRules.map((rule) => ({
      title: rule.title,
      description: rule.description,
    })),
    questionIds: [...track.questionIds],
  };
}
