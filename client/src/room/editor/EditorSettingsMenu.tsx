import { useEffect, useId, useRef, useState } from 'react';
import {
  type EditorSettings,
  FONT_SIZES,
  KEY_BINDING_LABELS,
  KEY_BINDINGS,
  saveSettings,
} from './editorSettings';

/**
 * The editor's settings for this browser: key bindings (Vim and Emacs load when picked), type
 * size and theme. A button in the code toolbar opens them; they apply at once and are kept.
 */
export function EditorSettingsMenu({ settings }: { settings: EditorSettings }) {
  const [open, setOpen] = useState(false);
  const ids = { panel: useId(), keys: useId(), size: useId(), theme: useId() };
  const host = useRef<HTMLDivElement>(null);
  const change = (patch: Partial<EditorSettings>) => saveSettings({ ...settings, ...patch });

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && host.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  return (
    <div className="editor-settings" ref={host}>
      <button
        type="button"
        className="button small-button"
        aria-expanded={open}
        aria-controls={ids.panel}
        // Short on screen (the toolbar keeps to one row); its name says what it sets.
        aria-label="Editor settings"
        onClick={() => setOpen(!open)}
      >
        Settings
      </button>
      {open && (
        <fieldset className="editor-settings-panel" id={ids.panel} aria-label="Editor settings">
          <label htmlFor={ids.keys}>Key bindings</label>
          <select
            id={ids.keys}
            value={settings.keys}
            onChange={(e) => change({ keys: KEY_BINDINGS.find((k) => k === e.target.value) ?? 'standard' })}
          >
            {KEY_BINDINGS.map((k) => (
              <option key={k} value={k}>
                {KEY_BINDING_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.size}>Font size</label>
          <select
            id={ids.size}
            value={settings.fontSize}
            onChange={(e) => change({ fontSize: Number(e.target.value) })}
          >
            {FONT_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} px
              </option>
            ))}
          </select>
          <label htmlFor={ids.theme}>Theme</label>
          <select
            id={ids.theme}
            value={settings.theme}
            onChange={(e) => change({ theme: e.target.value === 'light' ? 'light' : 'dark' })}
          >
            <option value="dark">Dark</option>
            <option value="light">Light</option>
          </select>
          <p className="muted small">Kept in this browser, for every room.</p>
        </fieldset>
      )}
    </div>
  );
}
