import { describe, expect, it } from 'vitest';
import { presenceFromAppState } from './localPresence';

describe('presence from the app state', () => {
  it('shares only selected ids and the viewport', () => {
    const presence = presenceFromAppState({
      selectedElementIds: { a: true, b: false } as never,
      scrollX: 10,
      scrollY: -5,
      zoom: { value: 1.5 as never },
      width: 800,
      height: 600,
    });
    expect(presence).toEqual({
      selectedElementIds: ['a'],
      viewport: { scrollX: 10, scrollY: -5, zoom: 1.5, width: 800, height: 600 },
    });
  });
});
