import { CODE_DOC, type ParticipantView } from '@mockloop/shared';
import { type FormEvent, useCallback, useId, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  addCustomTest,
  type CustomTest,
  MAX_CUSTOM_TESTS,
  parseCustomTest,
  readCustomTests,
  removeCustomTest,
} from './customTests';

/** The room's custom test cases, re-rendering as anyone adds or removes one. */
function useCustomTests(doc: Y.Doc): CustomTest[] {
  const [cache] = useState(() => ({ version: -1, seen: -1, tests: [] as CustomTest[] }));
  const subscribe = useCallback(
    (listener: () => void) => {
      const list = doc.getArray(CODE_DOC.customTests);
      const onChange = () => {
        cache.version++;
        listener();
      };
      list.observe(onChange);
      return () => list.unobserve(onChange);
    },
    [doc, cache],
  );
  return useSyncExternalStore(subscribe, () => {
    if (cache.seen !== cache.version) {
      cache.tests = readCustomTests(doc);
      cache.seen = cache.version;
    }
    return cache.tests;
  });
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Test cases the players add to Run tests (P-RUN-4): shared with the room through its code
 * document, run after the question's public tests, never with the hidden ones.
 */
export function CustomTests({ doc, self, canEdit }: { doc: Y.Doc; self: ParticipantView; canEdit: boolean }) {
  const tests = useCustomTests(doc);
  const [args, setArgs] = useState('');
  const [expected, setExpected] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { args: useId(), expected: useId(), note: useId() };

  function add(event: FormEvent) {
    event.preventDefault();
    const test = parseCustomTest(args, expected, { id: crypto.randomUUID(), by: self.name });
    if (typeof test === 'string') return setProblem(test);
    if (!addCustomTest(doc, test)) return setProblem(`A room keeps at most ${MAX_CUSTOM_TESTS} test cases.`);
    setProblem(null);
    setArgs('');
    setExpected('');
  }

  return (
    <details className="custom-tests">
      <summary>Your test cases ({tests.length})</summary>
      <p className="muted small" id={ids.note}>
        They run with Run tests, after the question's own, and everyone in the room sees them. Hidden tests
        stay apart.
      </p>
      {tests.length > 0 && (
        <ol className="custom-test-list">
          {tests.map((t, i) => (
            <li key={t.id}>
              <span className="small">
                Added {i + 1}: <code>{json(t.args)}</code> → <code>{json(t.expected)}</code>{' '}
                <span className="muted">by {t.by || 'someone'}</span>
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="link-button small"
                  aria-label={`Remove test case ${i + 1}`}
                  onClick={() => removeCustomTest(doc, t.id)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form className="custom-test-form" onSubmit={add} aria-label="Add a test case">
          <label htmlFor={ids.args}>Arguments (a JSON list)</label>
          <input
            id={ids.args}
            value={args}
            placeholder='[["A", "B"], [["A", "B"]]]'
            spellCheck={false}
            onChange={(e) => setArgs(e.target.value)}
          />
          <label htmlFor={ids.expected}>Expected result (JSON)</label>
          <input
            id={ids.expected}
            value={expected}
            placeholder="true"
            spellCheck={false}
            onChange={(e) => setExpected(e.target.value)}
          />
          <button type="submit" className="button small-button">
            Add test case
          </button>
          {problem && (
            <p role="alert" className="error small">
              {problem}
            </p>
          )}
        </form>
      )}
    </details>
  );
}
