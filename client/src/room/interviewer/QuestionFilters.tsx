import {
  DIFFICULTIES,
  type Difficulty,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  type RoundType,
} from '@mockloop/shared';
import { useId } from 'react';
import type { Filter, QuestionFilter } from './questionFilter';

/** The question browser's filters: round, difficulty, tag (of the bank's) and search. */
export function QuestionFilters({
  filter,
  tags,
  onChange,
}: {
  filter: QuestionFilter;
  tags: readonly string[];
  onChange: (patch: Partial<QuestionFilter>) => void;
}) {
  const ids = { type: useId(), difficulty: useId(), tag: useId(), text: useId() };
  return (
    <div className="filters">
      <label htmlFor={ids.type}>Round</label>
      <select
        id={ids.type}
        value={filter.roundType}
        onChange={(e) => onChange({ roundType: e.target.value as Filter<RoundType> })}
      >
        <option value="all">All rounds</option>
        {ROUND_TYPES.map((t) => (
          <option key={t} value={t}>
            {ROUND_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.difficulty}>Difficulty</label>
      <select
        id={ids.difficulty}
        value={filter.difficulty}
        onChange={(e) => onChange({ difficulty: e.target.value as Filter<Difficulty> })}
      >
        <option value="all">Any</option>
        {DIFFICULTIES.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <label htmlFor={ids.tag}>Tag</label>
      <select id={ids.tag} value={filter.tag} onChange={(e) => onChange({ tag: e.target.value })}>
        <option value="all">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <label htmlFor={ids.text}>Search</label>
      <input
        id={ids.text}
        type="search"
        value={filter.text}
        placeholder="Words in the title or prompt"
        onChange={(e) => onChange({ text: e.target.value })}
      />
    </div>
  );
}
