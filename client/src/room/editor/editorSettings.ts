import { useSyncExternalStore } from 'react';

/** How the code editor behaves and looks for this person: kept per browser, never shared. */
export interface EditorSettings {
  keys: 'standard' | 'vim' | 'emacs';
  fontSize: number;
  theme: 'dark' | 'light';
}

export const KEY_BINDINGS = ['standard', 'vim', 'emacs'] as const;
export const KEY_BINDING_LABELS: Record<EditorSettings['keys'], string> = {
  standard: 'Standard',
  vim: 'Vim',
  emacs: 'Emacs',
};
export const FONT_SIZES = [12, 13, 14, 15, 16, 18, 20, 22] as const;
export const DEFAULT_SETTINGS: EditorSettings = { keys: 'standard', fontSize: 14, theme: 'dark' };

const KEY = 'mockloop:editor-settings';

/** Settings from storage (anything else or missing falls back to its default, field by field). */
export function parseSettings(raw: unknown): EditorSettings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const keys = KEY_BINDINGS.find((k) => k === value.keys) ?? DEFAULT_SETTINGS.keys;
  const fontSize = FONT_SIZES.find((s) => s === value.fontSize) ?? DEFAULT_SETTINGS.fontSize;
  const theme = value.theme === 'light' ? 'light' : 'dark';
  return { keys, fontSize, theme };
}

const listeners = new Set<() => void>();
let cached: { text: string | null; settings: EditorSettings } | null = null;

function read(): EditorSettings {
  let text: string | null = null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    // storage can be disabled: the defaults hold for the page
  }
  if (cached?.text !== text) {
    let raw: unknown = null;
    try {
      raw = text === null ? null : JSON.parse(text);
    } catch {
      raw = null;
    }
    cached = { text, settings: parseSettings(raw) };
  }
  return cached.settings;
}

/** Saves a change for this browser and tells every editor on the page. */
export function saveSettings(next: EditorSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    cached = { text: JSON.stringify(next), settings: next }; // kept for the page at least
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of this browser changed them.
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** This browser's editor settings, re-rendering when they change (here or in another tab). */
export function useEditorSettings(): EditorSettings {
  return useSyncExternalStore(subscribe, read);
}
