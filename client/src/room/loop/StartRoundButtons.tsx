interface Props {
  next: number;
  ended: number;
  partnerName: string;
  /** Asking first, because the partner still owes their self-assessment. */
  confirming: boolean;
  busy: boolean;
  onWait(): void;
}

/**
 * The form's submit: "Start round N", or, while confirming, the reason to wait with both choices.
 * Both submit buttons submit the surrounding form.
 */
export function StartRoundButtons({ next, ended, partnerName, confirming, busy, onWait }: Props) {
  if (!confirming) {
    return (
      <button type="submit" className="button primary" disabled={busy}>
        Start round {next}
      </button>
    );
  }
  return (
    <div className="confirm-box" role="alertdialog" aria-label={`Start round ${next}`}>
      <p>
        {partnerName} has not sent a self-assessment of round {ended} yet. It stays open for them in the room,
        to finish while round {next} runs.
      </p>
      <button type="submit" className="button primary" disabled={busy}>
        Start round {next} anyway
      </button>
      <button type="button" className="button" onClick={onWait}>
        Wait for {partnerName}
      </button>
    </div>
  );
}
