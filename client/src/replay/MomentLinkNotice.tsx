import type { MomentLinkState } from './useMomentLink';

/** The copied (or, without a clipboard, the to-copy) link to a moment, and who can open it. */
export function MomentLinkNotice({ linkState }: { linkState: MomentLinkState }) {
  return (
    <p className="small replay-link" role="status">
      {linkState.copied ? 'Link copied. ' : 'Copy this link. '}
      {linkState.url.includes('#key=')
        ? 'Anyone with it can read this report, read-only, in any browser: '
        : ''}
      <input
        readOnly
        aria-label="Link to this moment"
        value={linkState.url}
        onFocus={(e) => e.target.select()}
      />
    </p>
  );
}
