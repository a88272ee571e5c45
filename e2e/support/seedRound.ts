import { io } from 'socket.io-client';

type Ack = { ok: boolean; data?: unknown; error?: { message: string } };

/** A control connection as a browser opens it, for setting a room up from the test's side. */
async function control(baseUrl: string) {
  const socket = io(baseUrl, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const act = async (event: string, payload: unknown = {}) => {
    const ack = (await socket.emitWithAck(event, payload)) as Ack;
    if (!ack.ok) throw new Error(`${event}: ${ack.error?.message}`);
    return ack.data;
  };
  return { socket, act };
}

/**
 * A finished round, played over the real protocol: the candidate's room (created by them), an
 * interviewer who picks, reveals, ends and scores every criterion `score`, and the candidate's
 * self-assessment at `selfScore`. Returns the candidate's room and secret, for their browser.
 */
export async function seedScoredRound(
  baseUrl: string,
  options: { questionId: string; criteria: string[]; score: number; selfScore: number },
): Promise<{ roomId: string; secret: string }> {
  const created = await fetch(`${baseUrl}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roundType: 'coding', name: 'Ada', creatorRole: 'candidate' }),
  });
  const room = (await created.json()) as { roomId: string; secret: string };
  const ada = await control(baseUrl);
  await ada.act('room:join', { roomId: room.roomId, secret: room.secret });
  const ola = await control(baseUrl);
  await ola.act('room:join', { roomId: room.roomId, name: 'Ola' });
  await ola.act('interviewer:select-question', { questionId: options.questionId });
  await ola.act('interviewer:reveal-question');
  await ola.act('round:end');
  const ratings = (score: number) =>
    options.criteria.map((criterionId) => ({ criterionId, score, comment: '' }));
  await ola.act('feedback:scorecard', {
    round: 1,
    ratings: ratings(options.score),
    recommendation: 'yes',
    wentWell: 'steady',
    toImprove: 'pace',
  });
  await ada.act('feedback:self-assessment', {
    round: 1,
    ratings: ratings(options.selfScore),
    interviewerClarity: 4,
    interviewerHelpfulness: 4,
    comment: '',
  });
  ada.socket.disconnect();
  ola.socket.disconnect();
  return room;
}
