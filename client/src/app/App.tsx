import { lazy, Suspense } from 'react';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { FullPageMessage } from './FullPageMessage';
import { usePathname } from './router';

// The room pulls in CodeMirror, Yjs and Socket.IO: load it only when a room is opened.
const RoomPage = lazy(() => import('../pages/RoomPage'));
const TrackPage = lazy(() => import('../pages/TrackPage'));
const QuestionPreviewPage = lazy(() => import('../pages/QuestionPreviewPage'));
const ReportPage = lazy(() => import('../pages/ReportPage'));
const LobbyPage = lazy(() => import('../pages/LobbyPage'));
const PracticePage = lazy(() => import('../pages/PracticePage'));

export function App() {
  const pathname = usePathname();
  if (pathname === '/') return <HomePage />;
  if (pathname === '/lobby') {
    return (
      <Suspense fallback={<FullPageMessage text="Loading…" />}>
        <LobbyPage />
      </Suspense>
    );
  }
  if (pathname === '/practice') {
    return (
      <Suspense fallback={<FullPageMessage text="Loading…" />}>
        <PracticePage />
      </Suspense>
    );
  }
  const report = /^\/r\/([^/]+)\/report\/?$/.exec(pathname);
  if (report?.[1]) {
    return (
      <Suspense fallback={<FullPageMessage text="Loading the report…" />}>
        <ReportPage key={report[1]} roomId={decodeURIComponent(report[1])} />
      </Suspense>
    );
  }
  const room = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (room?.[1]) {
    return (
      <Suspense fallback={<FullPageMessage text="Opening the room…" />}>
        <RoomPage key={room[1]} roomId={decodeURIComponent(room[1])} />
      </Suspense>
    );
  }
  const track = /^\/tracks\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (track?.[1]) {
    return (
      <Suspense fallback={<FullPageMessage text="Loading…" />}>
        <TrackPage key={track[1]} trackId={track[1]} />
      </Suspense>
    );
  }
  const question = /^\/tracks\/([a-z0-9-]+)\/questions\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (question?.[1] && question[2]) {
    return (
      <Suspense fallback={<FullPageMessage text="Loading…" />}>
        <QuestionPreviewPage key={pathname} trackId={question[1]} questionId={question[2]} />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}
