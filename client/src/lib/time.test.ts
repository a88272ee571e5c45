import { describe, expect, it } from 'vitest';
import { count, dateTime, dayOf, timeOfDay } from './time';

describe('dates and counts as every page says them', () => {
  const at = new Date(2026, 11, 7, 13, 38, 5).getTime();
  it('says a moment as day, short month, year and a 24-hour time', () => {
    expect(dateTime(at)).toBe('7 Dec 2026, 13:38');
    expect(dayOf(at)).toBe('7 Dec 2026');
    expect(timeOfDay(new Date(2026, 0, 2, 9, 5).getTime())).toBe('09:05');
  });
  it('puts a noun in the singular for one', () => {
    expect(count(1, 'room')).toBe('1 room');
    expect(count(2, 'room')).toBe('2 rooms');
    expect(count(0, 'round')).toBe('0 rounds');
    expect(count(1200, 'change')).toBe('1,200 changes');
  });
});
