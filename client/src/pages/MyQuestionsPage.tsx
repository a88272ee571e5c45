import { type FieldProblem, type OwnQuestionList, ROUND_TYPE_LABELS, ROUTES } from '@mockloop/shared';
import { useCallback, useEffect, useId, useState } from 'react';
import { download, myQuestionsApi, QuestionApiError } from '../myQuestions/myQuestionsApi';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';

type Notice = { kind: 'status' | 'error'; text: string; problems?: FieldProblem[] } | null;

/**
 * /my-questions: the questions this browser wrote (kept on the server under its author secret),
 * with edit, delete, export, share and an import of YAML in the bank's format.
 */
export default function MyQuestionsPage() {
  const [list, setList] = useState<OwnQuestionList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [shared, setShared] = useState<{ key: string; url: string; notice: string } | null>(null);
  const [yaml, setYaml] = useState('');
  const importId = useId();

  const reload = useCallback(
    () => myQuestionsApi.list().then(setList, (err: Error) => setLoadError(err.message)),
    [],
  );
  useEffect(() => {
    document.title = 'My questions · Mockloop';
    reload();
  }, [reload]);

  const fail = (err: unknown) => {
    const body = err instanceof QuestionApiError ? err.body : undefined;
    setNotice({ kind: 'error', text: (err as Error).message, problems: body?.problems });
  };

  if (loadError) return <FullPageMessage text={`Could not load your questions: ${loadError}`} />;
  if (!list) return <FullPageMessage text="Loading your questions…" />;

  async function remove(key: string, title: string) {
    if (!window.confirm(`Delete “${title}”? Rooms that used it lose it too.`)) return;
    try {
      await myQuestionsApi.remove(key);
      setNotice({ kind: 'status', text: `Deleted “${title}”.` });
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  async function exportYaml(keys?: string[]) {
    try {
      download(
        await myQuestionsApi.exportYaml(keys),
        keys?.length === 1 ? `question-${keys[0]}.yaml` : 'my-questions.yaml',
      );
    } catch (err) {
      fail(err);
    }
  }

  async function share(key: string) {
    try {
      const { shareKey, notice: warning } = await myQuestionsApi.share(key);
      setShared({
        key,
        url: new URL(ROUTES.sharedQuestion(shareKey), window.location.href).href,
        notice: warning,
      });
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  async function importText(text: string) {
    try {
      const { questions } = await myQuestionsApi.importYaml(text);
      setNotice({ kind: 'status', text: `Imported ${questions.map((q) => `“${q.title}”`).join(', ')}.` });
      setYaml('');
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  const usedKiB = Math.ceil(list.limits.usedBytes / 1024);
  return (
    <main className="my-questions-page">
      <header className="report-header">
        <BrandLink />
        <div className="spacer" />
        <a className="button primary" href={ROUTES.myQuestion('new')}>
          Write a question
        </a>
        <button
          type="button"
          className="button"
          disabled={list.questions.length === 0}
          onClick={() => exportYaml()}
        >
          Export all as YAML
        </button>
      </header>
      <h1>My questions</h1>
      <p className="muted">
        Kept on this server for this browser (no account): {list.questions.length} of {list.limits.perPerson}{' '}
        questions, {usedKiB} of {Math.round(list.limits.bytesPerPerson / 1024)} KiB. Pick them in a room’s
        question browser, next to the bank.
      </p>
      {notice && (
        <div
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={notice.kind === 'error' ? 'error' : 'muted'}
        >
          <p>{notice.text}</p>
          {notice.problems && notice.problems.length > 0 && (
            <ul aria-label="Problems">
              {notice.problems.map((p) => (
                <li key={`${p.document ?? 0}:${p.field}:${p.reason}`}>
                  {p.document ? `Question ${p.document}, ` : ''}
                  <code>{p.field}</code>: {p.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {shared && (
        <div className="card share-box" role="status">
          <p>
            <strong>Share link:</strong> <a href={shared.url}>{shared.url}</a>
          </p>
          <p className="warning">{shared.notice}</p>
        </div>
      )}
      {list.questions.length === 0 ? (
        <p className="empty-state">No questions yet. Write one, or import YAML below.</p>
      ) : (
        <ul className="my-question-list" aria-label="My questions">
          {list.questions.map((q) => (
            <li key={q.key}>
              <div className="question-list-main">
                <strong>{q.title}</strong>
                <span className="muted small">
                  {ROUND_TYPE_LABELS[q.roundType]} · {q.difficulty}
                  {q.shareKey ? ' · shared' : ''}
                </span>
              </div>
              <div className="row-actions">
                <a
                  className="button small-button"
                  href={ROUTES.myQuestion(q.key)}
                  aria-label={`Edit ${q.title}`}
                >
                  Edit
                </a>
                <button
                  type="button"
                  className="button small-button"
                  aria-label={`Export ${q.title}`}
                  onClick={() => exportYaml([q.key])}
                >
                  Export
                </button>
                <button
                  type="button"
                  className="button small-button"
                  aria-label={`Share ${q.title}`}
                  onClick={() => share(q.key)}
                >
                  Share
                </button>
                <button
                  type="button"
                  className="button small-button danger"
                  aria-label={`Delete ${q.title}`}
                  onClick={() => remove(q.key, q.title)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <section className="card import-box" aria-labelledby={`${importId}-heading`}>
        <h2 id={`${importId}-heading`}>Import YAML</h2>
        <p className="muted small">
          One question or several (<code>---</code> between them) in the bank’s question.yaml format. All or
          none is imported; problems name the question and field.
        </p>
        <label htmlFor={`${importId}-file`}>YAML file</label>
        <input
          id={`${importId}-file`}
          type="file"
          accept=".yaml,.yml,text/yaml,application/yaml"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) await importText(await file.text());
            e.target.value = '';
          }}
        />
        <label htmlFor={`${importId}-text`}>Or paste YAML</label>
        <textarea
          id={`${importId}-text`}
          rows={6}
          className="code-input"
          value={yaml}
          onChange={(e) => setYaml(e.target.value)}
        />
        <button type="button" className="button" disabled={!yaml.trim()} onClick={() => importText(yaml)}>
          Import
        </button>
      </section>
    </main>
  );
}
