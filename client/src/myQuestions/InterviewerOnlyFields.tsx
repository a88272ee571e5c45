import { type DraftFieldsProps, DraftTextField } from './DraftTextField';

/** What only the interviewer sees: notes, hints, follow-ups and red flags. */
export function InterviewerOnlyFields(props: DraftFieldsProps) {
  return (
    <fieldset className="editor-group">
      <legend>For the interviewer only</legend>
      <DraftTextField
        {...props}
        label="Notes"
        field="interviewer.guidance"
        draftKey="guidance"
        rows={4}
        hint="what a good answer looks like, how to run the round"
      />
      <DraftTextField
        {...props}
        label="Hints"
        field="interviewer.hints"
        draftKey="hints"
        rows={4}
        hint="one per line, gentlest first (at least 3)"
      />
      <DraftTextField
        {...props}
        label="Follow-ups"
        field="interviewer.followUps"
        draftKey="followUps"
        rows={3}
        hint="one per line"
      />
      <DraftTextField
        {...props}
        label="Red flags"
        field="interviewer.redFlags"
        draftKey="redFlags"
        rows={3}
        hint="one per line"
      />
    </fieldset>
  );
}
