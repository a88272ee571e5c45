import { BrandLink } from '../ui/BrandLink';

/** Shown for unknown paths and for rooms that do not exist (unknown and forbidden look the same). */
export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'room' }) {
  return (
    <main className="centered">
      <div className="card narrow">
        <BrandLink />
        <h1>{what === 'room' ? 'Room not found' : 'Page not found'}</h1>
        <p className="muted">
          {what === 'room'
            ? 'This interview room does not exist. Check the invite link, or ask for a new one.'
            : 'There is nothing at this address.'}
        </p>
        <a className="button primary" href="/">
          Create a new room
        </a>
      </div>
    </main>
  );
}
