import type { RoomReport } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { markdownCode, markdownParagraphs, markdownText } from './markdownText';
import { reportToMarkdown } from './reportMarkdown';

const report: RoomReport = {
  roomId: 'r',
  roundType: 'coding',
  viewerId: 'a',
  rounds: [
    {
      number: 1,
      question: { id: 'q', title: 'Top K', roundLabel: 'Coding', prompt: 'Find them.' },
      interviewer: { id: 'a', name: 'Ivy' },
      candidate: { id: 'b', name: 'Cal' },
      startedAt: 0,
      revealedAt: 0,
      endedAt: 61_000,
      timeUsedMs: 61_000,
      hints: [{ index: 0, text: 'Use a heap.', revealedAt: 30_000 }],
      code: { language: 'python', text: 'def f(): pass' },
      criteria: [{ id: 'c1', name: 'Correctness', measures: 'works' }],
      scorecard: {
        round: 1,
        ratings: [{ criterionId: 'c1', score: 3, comment: '' }],
        recommendation: 'strong-yes',
        wentWell: 'Clear',
        toImprove: 'Tests',
        submittedAt: 1,
      },
      scorecardWithheld: false,
      selfAssessment: {
        round: 1,
        ratings: [{ criterionId: 'c1', score: 2, comment: '' }],
        interviewerClarity: 4,
        interviewerHelpfulness: 5,
        comment: '',
        submittedAt: 2,
      },
    },
  ],
};

describe('reportToMarkdown', () => {
  it('puts scorecard and self-assessment side by side, with hints, time and code', () => {
    const md = reportToMarkdown(report);
    expect(md).toContain('## Round 1: Top K');
    expect(md).toContain('| Correctness | 3 | 2 |');
    expect(md).toContain('**Recommendation:** Strong yes');
    expect(md).toContain('1:01');
    expect(md).toContain('Use a heap.');
    expect(md).toContain('```python\ndef f(): pass\n```');
  });

  it('says when the scorecard is withheld', () => {
    const first = report.rounds[0];
    if (!first) throw new Error('fixture');
    const md = reportToMarkdown({
      ...report,
      rounds: [{ ...first, scorecard: null, scorecardWithheld: true }],
    });
    expect(md).toContain('shown after your self-assessment');
    expect(md).not.toContain('Strong yes');
  });
});

/** The round of the fixture with some fields replaced. */
function withRound(
  change: (round: RoomReport['rounds'][number]) => RoomReport['rounds'][number],
): RoomReport {
  const first = report.rounds[0];
  if (!first) throw new Error('fixture');
  return { ...report, rounds: [change(first)] };
}

/** Unescaped occurrences of a character (not preceded by a backslash). */
const bare = (text: string, char: string) => [...text.matchAll(new RegExp(`(?<!\\\\)\\${char}`, 'g'))].length;

describe('text people wrote, in the Markdown export', () => {
  it('reads as itself: no emphasis, links, images, HTML or headings come out of names, titles or comments', () => {
    const md = reportToMarkdown(
      withRound((round) => ({
        ...round,
        question: round.question && { ...round.question, title: '# Top *K* <b>now</b>' },
        interviewer: { id: 'a', name: '**Ivy** [me](javascript:alert(1))' },
        candidate: { id: 'b', name: '<img src=x onerror=alert(1)>' },
        criteria: [{ id: 'c1', name: 'Correct | ness', measures: '' }],
        scorecard: round.scorecard && {
          ...round.scorecard,
          wentWell: 'Line one\n- not a list\n# not a heading\n<script>alert(1)</script>',
          toImprove: 'See https://phish.example and www.phish.example, `code`, ~~gone~~, _x_ & &lt;',
        },
      })),
    );
    expect(md).toContain('## Round 1: \\# Top \\*K\\* \\<b\\>now\\</b\\>');
    expect(md).toContain('- Interviewer: \\*\\*Ivy\\*\\* \\[me\\](javascript\\:alert(1))');
    expect(md).toContain('- Candidate: \\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('| Correct \\| ness | 3 | 2 |');
    expect(md).toContain(
      '**What went well:** Line one\\\n\\- not a list\\\n\\# not a heading\\\n\\<script\\>',
    );
    expect(md).toContain(
      'https\\://phish.example and www\\.phish.example, \\`code\\`, \\~\\~gone\\~\\~, \\_x\\_ \\& \\&lt;',
    );
    // Outside the code block, every < and & is escaped: no raw HTML, no entities.
    const prose = md.slice(0, md.indexOf('### Final code'));
    expect(bare(prose, '<')).toBe(0);
    expect(bare(prose, '&')).toBe(0);
  });

  it('fences code with more backticks than any run inside it, so the code cannot break out', () => {
    const code = 'a = "```"\nb = "````"\n```\n# not a heading\n';
    const md = reportToMarkdown(
      withRound((round) => ({ ...round, code: { language: 'python', text: code } })),
    );
    expect(md).toContain(`\`\`\`\`\`python\n${code}\`\`\`\`\``);
    expect(markdownCode('x', 'type script<b>')).toBe('```typescriptb\nx\n```');
    expect(markdownCode('', 'go')).toBe('```go\n\n```');
  });

  it('keeps paragraphs and line breaks, and leaves plain words alone', () => {
    expect(markdownParagraphs('First line\nsecond line\n\n\n1. Third')).toBe(
      'First line\\\nsecond line\n\n1\\. Third',
    );
    expect(markdownText('  Top K\ntrending  movies ')).toBe('Top K trending movies');
    expect(markdownText('Ivy O’Neil (she/her), 2.0')).toBe('Ivy O’Neil (she/her), 2.0');
  });
});
