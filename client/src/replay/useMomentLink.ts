import { useState } from 'react';
import { fetchReportKey } from '../lib/api';
import { reportKeyFromLink } from '../lib/reportLink';
import { momentLink } from './momentLink';

export interface MomentLinkState {
  /** False when the clipboard refused: the link is shown to copy by hand. */
  copied: boolean;
  url: string;
}

/**
 * Copy link to this moment: a link that opens in any browser, since it carries a report key (the
 * one this page was opened with, or this person's own), like Copy report link (P-PRIV-6).
 */
export function useMomentLink(roomId: string, secret: string) {
  const [linkState, setLinkState] = useState<MomentLinkState | null>(null);

  async function copyLink(round: number, offsetMs: number) {
    let key: string | null;
    try {
      key = reportKeyFromLink(window.location.hash) ?? (await fetchReportKey(roomId, secret));
    } catch {
      key = null; // no key to be had: a link for the browsers that took part
    }
    const url = momentLink(window.location.href, round, offsetMs, key);
    try {
      await navigator.clipboard.writeText(url);
      setLinkState({ copied: true, url });
    } catch {
      setLinkState({ copied: false, url });
    }
  }

  return { linkState, copyLink };
}
