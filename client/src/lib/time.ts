// One formatter for every call: building one per call costs more than the formatting itself.
const hourMinute = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/** Wall-clock time of day, e.g. "14:05". */
export function timeOfDay(at: number): string {
  return hourMinute.format(at);
}
