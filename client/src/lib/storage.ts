import { TAB_ID } from './tabId';

/** Per-browser memory: the participant secret for each room, the last name typed, the lobby id. */
const secretKey = (roomId: string) => `mockloop:secret:${roomId}`;
const NAME_KEY = 'mockloop:name';
const PERSON_KEY = 'mockloop:person';
const CALL_COLLAPSED_KEY = 'mockloop:call-collapsed';

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback; // storage can be disabled (private mode, policies)
  }
}

export const storage = {
  secret: (roomId: string) => safe(() => localStorage.getItem(secretKey(roomId)), null),
  setSecret: (roomId: string, secret: string) =>
    safe(() => localStorage.setItem(secretKey(roomId), secret), undefined),
  forgetSecret: (roomId: string) => safe(() => localStorage.removeItem(secretKey(roomId)), undefined),
  name: () => safe(() => localStorage.getItem(NAME_KEY) ?? '', ''),
  setName: (name: string) => safe(() => localStorage.setItem(NAME_KEY, name), undefined),
  /** Whether the call's tiles are folded into the audio-only strip. */
  callCollapsed: () => safe(() => localStorage.getItem(CALL_COLLAPSED_KEY) === '1', false),
  setCallCollapsed: (collapsed: boolean) =>
    safe(() => localStorage.setItem(CALL_COLLAPSED_KEY, collapsed ? '1' : '0'), undefined),
  /**
   * This browser's random lobby id: all its tabs are one person, with one place in line, never
   * paired with themself (P-LOBBY-1). Made on first use.
   */
  person: () =>
    safe(() => {
      let id = localStorage.getItem(PERSON_KEY);
      if (!id) {
        id = TAB_ID;
        localStorage.setItem(PERSON_KEY, id);
      }
      return id;
    }, TAB_ID),
};
