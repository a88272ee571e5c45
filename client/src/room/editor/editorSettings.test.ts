import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './editorSettings';

describe('parseSettings: what storage holds, read safely', () => {
  it('keeps valid choices', () => {
    expect(parseSettings({ keys: 'vim', fontSize: 18, theme: 'light' })).toEqual({
      keys: 'vim',
      fontSize: 18,
      theme: 'light',
    });
  });
  it('falls back field by field on anything else', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('vim')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ keys: 'nano', fontSize: 300, theme: 'solarized' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ keys: 'emacs', fontSize: '16' })).toEqual({ ...DEFAULT_SETTINGS, keys: 'emacs' });
  });
});
