import {
  type FieldErrorBody,
  MY_QUESTIONS_API,
  type OwnQuestionEntry,
  type OwnQuestionList,
  type OwnQuestionSummary,
  type SharedQuestion,
} from '@mockloop/shared';
import { storage } from '../lib/storage';

/** A refused request, with each field's problem when the server named them (P-MYQ-2). */
export class QuestionApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: FieldErrorBody | undefined,
  ) {
    super(body?.message ?? `Request failed (${status})`);
  }
}

/** A request as this browser's author (P-MYQ-1). */
async function call<T>(url: string, init: RequestInit = {}, as: 'json' | 'text' = 'json'): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${storage.author()}`);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch {
    throw new QuestionApiError(0, {
      code: 'INTERNAL',
      message: 'Cannot reach the server. Check your connection.',
    });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: FieldErrorBody } | undefined;
    throw new QuestionApiError(res.status, body?.error);
  }
  if (res.status === 204) return undefined as T;
  return (as === 'json' ? await res.json() : await res.text()) as T;
}

const jsonBody = (value: unknown): RequestInit => ({
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json' },
});

export const myQuestionsApi = {
  list: () => call<OwnQuestionList>(MY_QUESTIONS_API.list),
  get: (key: string) => call<OwnQuestionEntry>(MY_QUESTIONS_API.one(key)),
  create: (question: unknown) =>
    call<OwnQuestionEntry>(MY_QUESTIONS_API.list, { method: 'POST', ...jsonBody(question) }),
  update: (key: string, question: unknown) =>
    call<OwnQuestionEntry>(MY_QUESTIONS_API.one(key), { method: 'PUT', ...jsonBody(question) }),
  remove: (key: string) => call<void>(MY_QUESTIONS_API.one(key), { method: 'DELETE' }),
  importYaml: (text: string) =>
    call<{ questions: OwnQuestionSummary[] }>(MY_QUESTIONS_API.import, {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/yaml' },
    }),
  exportYaml: (keys?: string[]) =>
    call<string>(
      keys
        ? `${MY_QUESTIONS_API.export}?keys=${keys.map(encodeURIComponent).join(',')}`
        : MY_QUESTIONS_API.export,
      {},
      'text',
    ),
  share: (key: string) =>
    call<{ shareKey: string; notice: string }>(MY_QUESTIONS_API.share(key), { method: 'POST' }),
  shared: (shareKey: string) => call<SharedQuestion>(MY_QUESTIONS_API.shared(shareKey)),
  copy: (shareKey: string) => call<OwnQuestionEntry>(MY_QUESTIONS_API.copy(shareKey), { method: 'POST' }),
};
