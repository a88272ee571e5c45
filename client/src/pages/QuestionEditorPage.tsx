import { ROUTES } from '@mockloop/shared';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { CodingFields } from '../myQuestions/CodingFields';
import { InterviewerOnlyFields } from '../myQuestions/InterviewerOnlyFields';
import { MyQuestionsHeader } from '../myQuestions/MyQuestionsHeader';
import { QuestionBasicsFields } from '../myQuestions/QuestionBasicsFields';
import { RubricFields } from '../myQuestions/RubricFields';
import { TestsFields } from '../myQuestions/TestsFields';
import { useQuestionEditor } from '../myQuestions/useQuestionEditor';
import { FullPageMessage } from '../ui/FullPageMessage';

/**
 * /my-questions/:key (or `new`): the question form. Every field of the bank's format a person
 * writes; the server checks it with the bank's schema and each problem shows under its field.
 */
export default function QuestionEditorPage({ questionKey }: { questionKey: string }) {
  const { isNew, draft, load, problems, message, saving, patch, onSubmit } = useQuestionEditor(questionKey);
  useDocumentTitle(`${isNew ? 'New question' : 'Edit question'} · Mockloop`);

  if (load.status === 'loading') return <FullPageMessage text="Loading the question…" />;
  if (load.status === 'missing')
    return <FullPageMessage text={`This question cannot be opened: ${load.message}`} />;

  const fields = { draft, problems, onChange: patch };
  return (
    <main className="editor-page">
      <MyQuestionsHeader />
      <h1>{isNew ? 'Write a question' : `Edit “${draft.title}”`}</h1>
      <p className="muted">
        The candidate sees the title, prompt, coding contract and public tests once you reveal it in a room;
        the rubric, hints, follow-ups, red flags, notes and hidden tests stay yours.
      </p>
      <form
        className="question-form"
        onSubmit={onSubmit}
        noValidate
        aria-describedby={message ? 'editor-message' : undefined}
      >
        {message && (
          <div
            id="editor-message"
            role={problems.length ? 'alert' : 'status'}
            className={problems.length ? 'error' : 'muted'}
          >
            <p>{message}</p>
            {problems.length > 0 && (
              <ul aria-label="Problems">
                {problems.map((p) => (
                  <li key={`${p.field}:${p.reason}`}>
                    <code>{p.field}</code>: {p.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <QuestionBasicsFields {...fields} />
        <InterviewerOnlyFields {...fields} />
        <RubricFields rubric={draft.rubric} problems={problems} onChange={(rubric) => patch({ rubric })} />
        {draft.roundType === 'coding' && (
          <>
            <CodingFields draft={draft} problems={problems} onChange={patch} />
            <TestsFields tests={draft.tests} problems={problems} onChange={(tests) => patch({ tests })} />
          </>
        )}
        <div className="editor-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save question'}
          </button>
          <a className="button" href={ROUTES.myQuestions}>
            Cancel
          </a>
        </div>
      </form>
    </main>
  );
}
