/**
 * This page load's own random id. The server derives the tab's document client ids from it, so a
 * re-join keeps them, and two tabs of the same person never share one (P-ID-3).
 */
export const TAB_ID = (() => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
})();
