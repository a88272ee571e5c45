/** A `?round=2&t=95` link: that round's replay opens at that second (round 1 when only `t`). */
export function linkedMoment(search: string): { round: number; seconds: number } | null {
  const params = new URLSearchParams(search);
  const seconds = Number(params.get('t'));
  const round = Number(params.get('round') ?? 1);
  if (!params.has('t') || !Number.isFinite(seconds) || seconds < 0 || !Number.isInteger(round)) return null;
  return { round, seconds };
}
