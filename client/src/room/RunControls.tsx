import type { InterviewerBrief, Language, RoomState } from '@mockloop/shared';
import type { SharedRun } from '../runner/sharedRuns';
import {
  DEFAULT_TIME_LIMIT_MS,
  RUNNABLE_LANGUAGES,
  type RunLanguage,
  type RunRequest,
} from '../runner/types';

interface Props {
  room: RoomState;
  brief: InterviewerBrief | null;
  isPlayer: boolean;
  running: boolean;
  /** Reads the editor's current text at click time. */
  code: () => string;
  onRun(request: RunRequest, kind: SharedRun['kind'], timeLimitMs: number): void;
}

/** Run code, Run tests (public cases) and, for the interviewer, Run hidden tests. */
export function RunControls({ room, brief, isPlayer, running, code, onRun }: Props) {
  const language = room.language;
  const runnable = RUNNABLE_LANGUAGES.includes(language);
  const question = room.round.question;
  const coding = question?.coding;
  const entry = runnable && coding ? coding.entry[language as RunLanguage] : undefined;
  const limit = coding?.runTimeLimitSeconds ? coding.runTimeLimitSeconds * 1000 : DEFAULT_TIME_LIMIT_MS;
  const hiddenTests =
    brief?.revealed && brief.round === room.round.number ? (brief.selected?.hiddenTests ?? []) : [];
  const disabled = !isPlayer || !runnable || running;
  const why = !isPlayer
    ? 'Only the two players run code'
    : !runnable
      ? `${languageName(language)} cannot run in the browser yet: switch to Python, JavaScript or TypeScript`
      : undefined;

  const request = (tests?: RunRequest['tests']): RunRequest => ({
    language: language as RunLanguage,
    code: code(),
    ...(tests ? { entry, tests } : {}),
  });

  return (
    <div className="run-controls">
      <button
        type="button"
        className="button primary small-button"
        disabled={disabled}
        title={why ?? 'Ctrl+Enter'}
        onClick={() => onRun(request(), 'run', limit)}
      >
        {running ? 'Running…' : 'Run code'}
      </button>
      {entry && question?.publicTests && (
        <button
          type="button"
          className="button small-button"
          disabled={disabled}
          onClick={() => onRun(request(question.publicTests), 'tests', limit)}
        >
          Run tests
        </button>
      )}
      {entry && hiddenTests.length > 0 && (
        <button
          type="button"
          className="button small-button"
          disabled={disabled}
          title="Their inputs stay in your browser; the room sees only how many passed"
          onClick={() => onRun(request(hiddenTests), 'hidden-tests', limit)}
        >
          Run hidden tests
        </button>
      )}
    </div>
  );
}

function languageName(language: Language): string {
  return {
    python: 'Python',
    javascript: 'JavaScript',
    typescript: 'TypeScript',
    java: 'Java',
    cpp: 'C++',
    go: 'Go',
  }[language];
}
