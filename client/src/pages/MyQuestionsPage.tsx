import { ROUTES } from '@mockloop/shared';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { ImportYamlBox } from '../myQuestions/ImportYamlBox';
import { MyQuestionRow } from '../myQuestions/MyQuestionRow';
import { QuestionNotice } from '../myQuestions/QuestionNotice';
import { useMyQuestionActions } from '../myQuestions/useMyQuestionActions';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';

/**
 * /my-questions: the questions this browser wrote (kept on the server under its author secret),
 * with edit, delete, export, share and an import of YAML in the bank's format.
 */
export default function MyQuestionsPage() {
  const { list, loadError, notice, shared, remove, exportYaml, share, importText } = useMyQuestionActions();
  useDocumentTitle('My questions · Mockloop');

  if (loadError) return <FullPageMessage text={`Could not load your questions: ${loadError}`} />;
  if (!list) return <FullPageMessage text="Loading your questions…" />;

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
      {notice && <QuestionNotice notice={notice} />}
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
            <MyQuestionRow
              key={q.key}
              question={q}
              onExport={() => exportYaml([q.key])}
              onShare={() => share(q.key)}
              onDelete={() => remove(q.key, q.title)}
            />
          ))}
        </ul>
      )}
      <ImportYamlBox onImport={importText} />
    </main>
  );
}
