import { TAB_ID } from './tabId';

/** Per-browser memory: the participant secret for each room, the last name typed, the lobby id. */
const SECRET_PREFIX = 'mockloop:secret:';
const secretKey = (roomId: string) => `${SECRET_PREFIX}${roomId}`;
const NAME_KEY = 'mockloop:name';
const PERSON_KEY = 'mockloop:person';
const CALL_COLLAPSED_KEY = 'mockloop:call-collapsed';
const questionShownKey = (roomId: string) => `mockloop:question-shown:${roomId}`;
const DRAFT_PREFIX = 'mockloop:draft:';
const draftKey = (roomId: string, round: number, kind: string) => `${DRAFT_PREFIX}${roomId}:${round}:${kind}`;

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
  /** Every room this browser holds a seat's secret for: the rooms it took part in. */
  rooms: () =>
    safe(() => {
      const rooms: Array<{ roomId: string; secret: string }> = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i) ?? '';
        const secret = key.startsWith(SECRET_PREFIX) ? localStorage.getItem(key) : null;
        if (secret) rooms.push({ roomId: key.slice(SECRET_PREFIX.length), secret });
      }
      return rooms;
    }, []),
  name: () => safe(() => localStorage.getItem(NAME_KEY) ?? '', ''),
  setName: (name: string) => safe(() => localStorage.setItem(NAME_KEY, name), undefined),
  /** Whether the call's tiles are folded into the audio-only strip. */
  callCollapsed: () => safe(() => localStorage.getItem(CALL_COLLAPSED_KEY) === '1', false),
  setCallCollapsed: (collapsed: boolean) =>
    safe(() => localStorage.setItem(CALL_COLLAPSED_KEY, collapsed ? '1' : '0'), undefined),
  /** Whether this tab unfolded (true) or folded (false) the question beside the board; null: never chose. */
  questionShown: (roomId: string) =>
    safe(() => {
      const value = sessionStorage.getItem(questionShownKey(roomId));
      return value === null ? null : value === '1';
    }, null),
  setQuestionShown: (roomId: string, shown: boolean) =>
    safe(() => sessionStorage.setItem(questionShownKey(roomId), shown ? '1' : '0'), undefined),
  /**
   * A feedback form's unsent draft (a scorecard or a self-assessment of one round), kept until it
   * is submitted: a refresh, a new round or a re-render never loses a pick. Only this browser has it.
   */
  draft: (roomId: string, round: number, kind: string): unknown =>
    safe(() => {
      const text = localStorage.getItem(draftKey(roomId, round, kind));
      return text === null ? null : (JSON.parse(text) as unknown);
    }, null),
  setDraft: (roomId: string, round: number, kind: string, draft: unknown) =>
    safe(() => localStorage.setItem(draftKey(roomId, round, kind), JSON.stringify(draft)), undefined),
  forgetDraft: (roomId: string, round: number, kind: string) =>
    safe(() => localStorage.removeItem(draftKey(roomId, round, kind)), undefined),
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
