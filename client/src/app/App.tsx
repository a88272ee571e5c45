import { matchPage } from '@mockloop/shared';
import { lazy, type ReactElement, Suspense } from 'react';
import { usePathname } from '../lib/router';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { FullPageMessage } from '../ui/FullPageMessage';

// The room pulls in CodeMirror, Yjs and Socket.IO: load it only when a room is opened.
const RoomPage = lazy(() => import('../pages/RoomPage'));
const TrackPage = lazy(() => import('../pages/TrackPage'));
const QuestionPreviewPage = lazy(() => import('../pages/QuestionPreviewPage'));
const ReportPage = lazy(() => import('../pages/ReportPage'));
const ReviewPage = lazy(() => import('../pages/ReviewPage'));
const LobbyPage = lazy(() => import('../pages/LobbyPage'));
const PracticePage = lazy(() => import('../pages/PracticePage'));
const MyQuestionsPage = lazy(() => import('../pages/MyQuestionsPage'));
const QuestionEditorPage = lazy(() => import('../pages/QuestionEditorPage'));
const SharedQuestionPage = lazy(() => import('../pages/SharedQuestionPage'));

/** The page for the address, from the app's one page table (`PAGES`, the server serves the same). */
export function App() {
  const pathname = usePathname();
  const match = matchPage(pathname);
  if (!match) return <NotFoundPage />;
  const { roomId = '', trackId = '', questionId = '', key = '', shareKey = '' } = match.params;
  switch (match.page) {
    case 'home':
      return <HomePage />;
    case 'lobby':
      return lazyPage(<LobbyPage />);
    case 'practice':
      return lazyPage(<PracticePage />);
    case 'report':
      return lazyPage(<ReportPage key={roomId} roomId={roomId} />, 'Loading the report…');
    case 'review':
      return lazyPage(<ReviewPage key={roomId} roomId={roomId} />, 'Loading the review…');
    case 'room':
      return lazyPage(<RoomPage key={roomId} roomId={roomId} />, 'Opening the room…');
    case 'track':
      return lazyPage(<TrackPage key={trackId} trackId={trackId} />);
    case 'myQuestions':
      return lazyPage(<MyQuestionsPage />);
    case 'myQuestion':
      return lazyPage(<QuestionEditorPage key={key} questionKey={key} />);
    case 'sharedQuestion':
      return lazyPage(<SharedQuestionPage key={shareKey} shareKey={shareKey} />);
    case 'question':
      return lazyPage(<QuestionPreviewPage key={pathname} trackId={trackId} questionId={questionId} />);
  }
}

/** A page loaded on demand, with a line to read while it loads. */
function lazyPage(page: ReactElement, loading = 'Loading…'): ReactElement {
  return <Suspense fallback={<FullPageMessage text={loading} />}>{page}</Suspense>;
}
