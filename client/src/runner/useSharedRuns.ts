import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { RUNS_ARRAY, readRuns, type SharedRun } from './sharedRuns';

/** The round's runs as the code document holds them, kept up to date as anyone appends one. */
export function useSharedRuns(doc: Y.Doc | undefined): SharedRun[] {
  const [runs, setRuns] = useState<SharedRun[]>([]);
  useEffect(() => {
    if (!doc) return;
    const array = doc.getArray<SharedRun>(RUNS_ARRAY);
    const update = () => setRuns(readRuns(doc));
    update();
    array.observe(update);
    return () => array.unobserve(update);
  }, [doc]);
  return runs;
}
