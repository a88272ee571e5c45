interface Props {
  interviewerName: string;
  next: number;
  /** The loop's next stage, in a sentence, or ''. */
  upcoming: string;
}

/** What the ended round's candidate (and any observer) sees between rounds: who starts the next. */
export function BreakNotice({ interviewerName, next, upcoming }: Props) {
  return (
    <section className="next-round" aria-label="Next round">
      <h2 className="panel-title">Break</h2>
      <p role="status">
        {interviewerName} starts round {next} when you are both ready. {upcoming}
      </p>
    </section>
  );
}
