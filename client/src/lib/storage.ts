/** Per-browser memory: the participant secret for each room, and the last name typed. */
const secretKey = (roomId: string) => `mockloop:secret:${roomId}`;
const NAME_KEY = 'mockloop:name';

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
};
