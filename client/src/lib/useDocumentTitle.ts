import { useEffect } from 'react';

/** Sets the tab's title while the page shows, again whenever it changes. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
