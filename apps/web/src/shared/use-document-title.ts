import { useEffect } from 'react';

/** Sets the browser tab title to `title – Kollega` while the page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title.length > 0 ? `${title} – Kollega` : 'Kollega';
  }, [title]);
}
