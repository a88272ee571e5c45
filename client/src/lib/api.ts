import {
  API,
  type CreateRoomRequest,
  type CreateRoomResponse,
  type CreateSimulationRequest,
  type CreateSimulationResponse,
  type DocKind,
  type ErrorBody,
  type PublicQuestion,
  type PublicTrack,
  REPLAY_API,
  REPORT_API,
  type ReplayInfo,
  type ReplayRows,
  type ReviewCommentInput,
  type ReviewSummary,
  type ReviewView,
  type RoomReport,
  type RoomSummary,
  type ScorecardInput,
  type SimulationBrief,
} from '@mockloop/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
  ) {
    super(body?.message ?? `Request failed (${status})`);
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, { code: 'INTERNAL', message: 'Cannot reach the server. Check your connection.' });
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, (body as { error?: ErrorBody } | undefined)?.error);
  return body as T;
}

export function createRoom(req: CreateRoomRequest): Promise<CreateRoomResponse> {
  return request(API.rooms, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  });
}

/** A solo room with a simulated interviewer; the caller is its candidate (P-SIM-1). */
export function createSimulation(req: CreateSimulationRequest): Promise<CreateSimulationResponse> {
  return request(API.simulations, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  });
}

/** The solo candidate's brief: answers only once their self-assessment is in (P-SIM-5). */
export function fetchSimulationBrief(roomId: string, secret: string): Promise<SimulationBrief> {
  return request(API.simulationBrief(roomId), { headers: { authorization: `Bearer ${secret}` } });
}

/** The candidate makes a review link for a round (P-REVIEW-1). */
export function createReview(roomId: string, round: number, secret: string): Promise<ReviewSummary> {
  return request(API.reviews(roomId), {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ round }),
  });
}

/** The candidate's review links with their comments (a secret or a report key). */
export function fetchReviews(roomId: string, bearer: string): Promise<ReviewSummary[]> {
  return request(API.reviews(roomId), { headers: { authorization: `Bearer ${bearer}` } });
}

export async function revokeReview(roomId: string, reviewId: string, secret: string): Promise<void> {
  await fetch(`${API.reviews(roomId)}/${encodeURIComponent(reviewId)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${secret}` },
  });
}

/** What a review key opens (P-REVIEW-2). */
export function fetchReview(roomId: string, key: string): Promise<ReviewView> {
  return request(API.review(roomId), { headers: { authorization: `Bearer ${key}` } });
}

export function postReviewComment(
  roomId: string,
  key: string,
  input: ReviewCommentInput,
): Promise<ReviewView> {
  return request(`${API.review(roomId)}/comments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

export function postReviewScorecard(
  roomId: string,
  key: string,
  input: ScorecardInput & { by: string },
): Promise<ReviewView> {
  return request(`${API.review(roomId)}/scorecard`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

/** Deletes the room for everyone (P-ROOM-7); only a seat's secret may. */
export async function deleteRoom(roomId: string, secret: string): Promise<void> {
  await request(`${API.rooms}/${roomId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${secret}` },
  });
}

/** Null for a 404 (it does not exist); other failures still throw. */
async function requestOrNull<T>(url: string): Promise<T | null> {
  try {
    return await request<T>(url);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** The room's public summary, or null when it does not exist. */
export function fetchRoom(roomId: string): Promise<RoomSummary | null> {
  return requestOrNull(API.room(roomId));
}

export function fetchQuestions(): Promise<PublicQuestion[]> {
  return request(API.questions);
}

/** The question's public view, or null when it does not exist. */
export function fetchQuestion(questionId: string): Promise<PublicQuestion | null> {
  return requestOrNull(API.question(questionId));
}

export function fetchTracks(): Promise<PublicTrack[]> {
  return request(API.tracks);
}

/** The track's public view, or null when it does not exist. */
export function fetchTrack(trackId: string): Promise<PublicTrack | null> {
  return requestOrNull(API.track(trackId));
}

/** The participant secret, or a read-only report key (P-PRIV-6), as the request's bearer. */
const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });

/** This person's read-only report key, for a link that opens their report in any browser. */
export async function fetchReportKey(roomId: string, secret: string): Promise<string> {
  return (await request<{ key: string }>(`${API.room(roomId)}/report-key`, bearer(secret))).key;
}

export function fetchReport(roomId: string, secret: string): Promise<RoomReport> {
  return request(`${API.room(roomId)}/report`, bearer(secret));
}

/** One round's whole final code, when the report holds only its start (P-REPORT-1). */
export async function fetchFinalCode(roomId: string, round: number, secret: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(REPORT_API.code(roomId, round), bearer(secret));
  } catch {
    throw new ApiError(0, { code: 'INTERNAL', message: 'Cannot reach the server. Check your connection.' });
  }
  if (!res.ok) throw new ApiError(res.status, undefined);
  return res.text();
}

/** What of a round this participant may replay (P-REPLAY-1). */
export function fetchReplayInfo(roomId: string, round: number, secret: string): Promise<ReplayInfo> {
  return request(REPLAY_API.info(roomId, round), bearer(secret));
}

/** One range of a document's history, after row `after`. */
export function fetchReplayRows(
  roomId: string,
  round: number,
  kind: DocKind,
  after: number,
  secret: string,
): Promise<ReplayRows> {
  return request(REPLAY_API.rows(roomId, round, kind, after), bearer(secret));
}
