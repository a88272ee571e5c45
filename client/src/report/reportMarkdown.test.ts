import type { RoomReport } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { markdownCode, markdownParagraphs, markdownText } from './markdownText';
import { reportToMarkdown, svgDataUrl } from './reportMarkdown';

const report: RoomReport = {
  roomId: 'r',
  roundType: 'coding',
  loop: null,
  viewerId: 'a',
  rounds: [
    {
      number: 1,
      roundType: 'coding',
      stageLabel: null,
      question: { id: 'q', title: 'Top K', roundLabel: 'Coding', prompt: 'Find them.' },
      interviewer: { id: 'a', name: 'Ivy' },
      candidate: { id: 'b', name: 'Cal' },
      startedAt: 0,
      revealedAt: 0,
      endedAt: 61_000,
      timeUsedMs: 61_000,
      hints: [{ index: 0, text: 'Use a heap.', revealedAt: 30_000 }],
      code: { language: 'python', text: 'def f(): pass', truncated: false },
      sharedNotes: { text: '', truncated: false },
      runs: [{ at: 50_000, by: 'Cal', kind: 'tests', status: 'ok', passed: 2, total: 3 }],
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
    expect(md).toContain('### Runs (1)');
    expect(md).toContain('Cal ran the tests: 2/3 passed');
  });

  it("keeps each side's comment on a criterion, escaped, under the table", () => {
    const first = report.rounds[0];
    if (!first?.scorecard || !first.selfAssessment) throw new Error('fixture');
    const md = reportToMarkdown({
      ...report,
      rounds: [
        {
          ...first,
          scorecard: {
            ...first.scorecard,
            ratings: [{ criterionId: 'c1', score: 3, comment: 'Missed *one* case' }],
          },
          selfAssessment: {
            ...first.selfAssessment,
            ratings: [{ criterionId: 'c1', score: 2, comment: 'Rushed' }],
          },
        },
      ],
    });
    expect(md).toContain('**Correctness**');
    expect(md).toContain('**Interviewer:** Missed \\*one\\* case');
    expect(md).toContain('**Self:** Rushed');
    expect(reportToMarkdown(report)).not.toContain('**Correctness**');
  });

  it('opens on the story: when, who, each round with its verdict, and the overall verdict per candidate', () => {
    const first = report.rounds[0];
    if (!first) throw new Error('fixture');
    const md = reportToMarkdown({
      ...report,
      loop: { trackId: 't', title: 'Netflix · MLE', stages: [], current: 1, played: [0, 1], next: null },
      rounds: [
        { ...first, roundType: 'recruiter-screen', stageLabel: 'Recruiter screen' },
        { ...first, number: 2, stageLabel: 'ML *domain*', roundType: 'technical', scorecard: null },
      ],
    });
    expect(md).toContain('Ivy and Cal · 2 rounds · Netflix · MLE loop');
    expect(md).toContain('| 1 | Recruiter screen | Ivy | Cal | Top K | Strong yes |');
    expect(md).toContain('| 2 | ML \\*domain\\* | Ivy | Cal | Top K | no scorecard |');
    expect(md).toContain('**Overall for Cal:** Strong yes (1 scored round; 1 not scored yet)');
    expect(md).toContain('| Correctness | 2 | 3 | 2 |');
    expect(md).toContain('| Recruiter screen | 1 | 3 | 2 |');
    expect(md).toContain('| Technical (ML \\*domain\\*) | 1 | — | 2 |');
    expect(md).toContain('- Round: ML \\*domain\\*');
    expect(md.indexOf('| 1 | Recruiter screen')).toBeLessThan(md.indexOf('## Across the rounds'));
    expect(md.indexOf('## Across the rounds')).toBeLessThan(md.indexOf('## Round 1'));
    // One round has nothing to sum up across.
    expect(reportToMarkdown(report)).not.toContain('Across the rounds');
  });

  it('carries what a round without code produced, its shared notes, and no empty code block', () => {
    const md = reportToMarkdown(
      withRound((round) => ({
        ...round,
        roundType: 'recruiter-screen',
        question: null,
        code: { language: 'python', text: '', truncated: false },
        sharedNotes: { text: 'Why Netflix: *culture*\nLast project: ranking', truncated: false },
        runs: [],
        hints: [],
      })),
    );
    expect(md).toContain('### Shared notes\n\nWhy Netflix\\: \\*culture\\*\\\nLast project\\: ranking');
    expect(md).not.toContain('### Final code');
    expect(md).not.toContain('```');
    expect(md).not.toContain('### Runs');
    expect(md).not.toContain('### Hints');
  });

  it('puts each board in the file as an SVG picture, with its description', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>cache ✓</text></svg>';
    const md = reportToMarkdown(
      report,
      new Map([[1, { svg, description: '1 element: 1 text. Text: cache.' }]]),
    );
    const url = svgDataUrl(svg);
    expect(md).toContain(
      `### Final board\n\n![Final board of round 1](${url})\n\n_1 element\\: 1 text. Text\\: cache._`,
    );
    const base64 = url.slice('data:image/svg+xml;base64,'.length);
    expect(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))).toBe(svg);
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
    const prose = md.slice(md.indexOf('## Round 1'), md.indexOf('### Final code'));
    expect(bare(prose, '<')).toBe(0);
    expect(bare(prose, '&')).toBe(0);
  });

  it('fences code with more backticks than any run inside it, so the code cannot break out', () => {
    const code = 'a = "```"\nb = "````"\n```\n# not a heading\n';
    const md = reportToMarkdown(
      withRound((round) => ({ ...round, code: { language: 'python', text: code, truncated: false } })),
    );
    expect(md).toContain(`\`\`\`\`\`python\n${code}\`\`\`\`\``);
    expect(markdownCode('x', 'type script<b>')).toBe('```typescriptb\nx\n```');
    expect(markdownCode('', 'go')).toBe('```go\n\n```');
  });

  it("names the code's language for people, and fences it with the highlighter's name", () => {
    const md = reportToMarkdown(
      withRound((round) => ({
        ...round,
        code: { language: 'python-numpy', text: 'import numpy', truncated: false },
      })),
    );
    expect(md).toContain('### Final code (Python + numpy)');
    expect(md).not.toContain('### Final code (python-numpy)');
  });

  it('keeps paragraphs and line breaks, and leaves plain words alone', () => {
    expect(markdownParagraphs('First line\nsecond line\n\n\n1. Third')).toBe(
      'First line\\\nsecond line\n\n1\\. Third',
    );
    expect(markdownText('  Top K\ntrending  movies ')).toBe('Top K trending movies');
    expect(markdownText('Ivy O’Neil (she/her), 2.0')).toBe('Ivy O’Neil (she/her), 2.0');
  });
});
