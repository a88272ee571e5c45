import { ROUTES } from '@mockloop/shared';
import { BrandLink } from '../ui/BrandLink';

/** The header of a page about one question: the brand, and the way back to My questions. */
export function MyQuestionsHeader() {
  return (
    <header className="report-header">
      <BrandLink />
      <nav aria-label="Your questions">
        <a href={ROUTES.myQuestions}>My questions</a>
      </nav>
    </header>
  );
}
