import { KEBAB_ID, MAX_SEEN_IDS } from '@mockloop/shared';
import { TAB_ID } from './tabId';

/** Per-browser memory: the participant secret for each room, the last name typed, the lobby id. */
const SECRET_PREFIX = 'mockloop:secret:';
const secretKey = (roomId: string) => `${SECRET_PREFIX}${roomId}`;
const NAME_KEY = 'mockloop:name';
const PERSON_KEY = 'mockloop:person';
const AUTHOR_KEY = 'mockloop:author';
const SEEN_KEY = 'mockloop:seen';
const CALL_COLLAPSED_KEY = 'mockloop:call-collapsed';
const questionShownKey = (roomId: string) => `mockloop:question-shown:${roomId}`;
const matchedKey = (roomId: string) => `mockloop:matched:${roomId}`;
const boardPaneKey = (roomId: string, round: number) => `mockloop:board-pane:${roomId}:${round}`;
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
  /** Whether this tab keeps a round's question (or feedback) open over the board. */
  boardPaneShown: (roomId: string, round: number) =>
    safe(() => sessionStorage.getItem(boardPaneKey(roomId, round)) === '1', false),
  setBoardPaneShown: (roomId: string, round: number, shown: boolean) =>
    safe(() => sessionStorage.setItem(boardPaneKey(roomId, round), shown ? '1' : '0'), undefined),
  /** Who the lobby paired this tab with for a room (shown when the room opens), or null. */
  matched: (roomId: string): { partner: string; role: string } | null =>
    safe(() => {
      const value = JSON.parse(sessionStorage.getItem(matchedKey(roomId)) ?? 'null') as unknown;
      if (typeof value !== 'object' || value === null) return null;
      const { partner, role } = value as Record<string, unknown>;
      return typeof partner === 'string' && typeof role === 'string' ? { partner, role } : null;
    }, null),
  setMatched: (roomId: string, match: { partner: string; role: string } | null) =>
    safe(
      () =>
        match
          ? sessionStorage.setItem(matchedKey(roomId), JSON.stringify(match))
          : sessionStorage.removeItem(matchedKey(roomId)),
      undefined,
    ),
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
   * Question ids this browser has opened (a preview's prompt) or played (revealed in a room),
   * newest last, at most MAX_SEEN_IDS (P-SEEN-1): draws and interviewers avoid them.
   */
  seen: (): string[] =>
    safe(() => {
      const value = JSON.parse(localStorage.getItem(SEEN_KEY) ?? '[]') as unknown;
      return Array.isArray(value)
        ? value.filter((id): id is string => typeof id === 'string' && KEBAB_ID.test(id))
        : [];
    }, []),
  markSeen: (id: string) =>
    safe(() => {
      const before = storage.seen();
      if (before.at(-1) === id) return; // a room's state repeats it with every broadcast
      const ids = before.filter((seen) => seen !== id);
      ids.push(id);
      localStorage.setItem(SEEN_KEY, JSON.stringify(ids.slice(-MAX_SEEN_IDS)));
    }, undefined),
  /**
   * This browser's author secret for My questions (P-MYQ-1): 32 random bytes, made on first use.
   * Whoever holds it holds the list, as a seat's secret holds a seat.
   */
  author: () =>
    safe(() => {
      let secret = localStorage.getItem(AUTHOR_KEY);
      if (!secret) {
        const bytes = crypto.getRandomValues(new Uint8Array(32));
        secret = btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        localStorage.setItem(AUTHOR_KEY, secret);
      }
      return secret;
    }, ''),
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
