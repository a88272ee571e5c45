/**
 * The address of a moment in a round's replay: this page with `?round=…&t=…`, the seconds rounded
 * up so the link shows at least what is on screen now, never a second before it. The report key,
 * when there is one, goes in the fragment (never sent to the server in a request line).
 */
export function momentLink(
  pageHref: string,
  round: number,
  offsetMs: number,
  reportKey: string | null,
): string {
  const url = new URL(pageHref);
  url.search = `?round=${round}&t=${Math.ceil(offsetMs / 1000)}`;
  url.hash = reportKey === null ? '' : `key=${reportKey}`;
  return url.href;
}
