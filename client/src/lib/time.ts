// One formatter per shape for every call: building one per call costs more than the formatting.
// Each is built on first use, not when this module loads: the first Intl.DateTimeFormat of a page
// loads locale data, and three of them cost 32 ms of the room page's start (a CPU profile in
// bench:page's returning path) before anything needed one.
// Day-month-year and a 24-hour clock, whatever the browser's locale, so every page (and the
// Markdown export) says a moment the same way: "7 Dec 2026, 13:38".
function formatter(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let built: Intl.DateTimeFormat | null = null;
  return () => {
    built ??= new Intl.DateTimeFormat('en-GB', options);
    return built;
  };
}
const hourMinute = formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayMonthYear = formatter({ day: 'numeric', month: 'short', year: 'numeric' });
const dayAndTime = formatter({
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Wall-clock time of day, e.g. "14:05". */
export function timeOfDay(at: number): string {
  return hourMinute().format(at);
}

/** A day, e.g. "7 Dec 2026". */
export function dayOf(at: number): string {
  return dayMonthYear().format(at);
}

/** A moment, e.g. "7 Dec 2026, 13:38". */
export function dateTime(at: number): string {
  return dayAndTime().format(at);
}

/** "1 room", "3 rooms": a count with its noun, singular when it is one. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}

/** mm:ss, or h:mm:ss past an hour. */
export function formatDuration(ms: number, round: 'up' | 'down' = 'up'): string {
  const seconds = Math.max(0, ms) / 1000;
  const total = round === 'up' ? Math.ceil(seconds) : Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
