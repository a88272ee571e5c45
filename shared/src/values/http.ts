export const API = {
  health: '/healthz',
  rooms: '/api/rooms',
  /** A solo room with a simulated interviewer (P-SIM-1). */
  simulations: '/api/simulations',
  /** The solo candidate's brief, once their self-assessment is in (P-SIM-5). */
  simulationBrief: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/simulation/brief`,
  /** The candidate's review links of a room (P-REVIEW-1). */
  reviews: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/reviews`,
  /** What a review key opens, and where its comments and scorecard go (P-REVIEW-2). */
  review: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/review`,
  room: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`,
  /** Public fields only (P-PRIV-3). */
  questions: '/api/questions',
  question: (id: string) => `/api/questions/${encodeURIComponent(id)}`,
  tracks: '/api/tracks',
  track: (id: string) => `/api/tracks/${encodeURIComponent(id)}`,
} as const;

/** Browser routes. */
export const ROUTES = {
  home: '/',
  room: (roomId: string) => `/r/${roomId}`,
  /** A friend's review of a round; the key travels in the fragment (`#key=rv.…`). */
  review: (roomId: string) => `/r/${roomId}/review`,
  track: (trackId: string) => `/tracks/${trackId}`,
  /** A question of a track, previewed before practising it. */
  question: (trackId: string, questionId: string) => `/tracks/${trackId}/questions/${questionId}`,
  myQuestions: '/my-questions',
  /** The question editor: a question of My questions, or `new`. */
  myQuestion: (key: string) => `/my-questions/${encodeURIComponent(key)}`,
  sharedQuestion: (shareKey: string) => `/shared-questions/${encodeURIComponent(shareKey)}`,
  /** The lobby, its form prefilled with a track and a round type (`?track=…&roundType=…`). */
  lobby: (prefill?: { trackId: string; roundType: string }) =>
    prefill
      ? `/lobby?track=${encodeURIComponent(prefill.trackId)}&roundType=${encodeURIComponent(prefill.roundType)}`
      : '/lobby',
} as const;
