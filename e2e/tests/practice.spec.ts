import { expect, test } from '../support/fixtures.js';
import { seedScoredRound } from '../support/seedRound.js';

const QUESTION = 'netflix-mle-watch-order-dependencies';
const CRITERIA = ['modelling', 'algorithm', 'robustness', 'complexity', 'communication'];

test('My practice: every room this browser took part in, and each criterion over time', async ({
  server,
  person,
}) => {
  // Two earlier interviews of the same question, scored 2 then 3 by the interviewer.
  const first = await seedScoredRound(server.url, {
    questionId: QUESTION,
    criteria: CRITERIA,
    score: 2,
    selfScore: 3,
  });
  const second = await seedScoredRound(server.url, {
    questionId: QUESTION,
    criteria: CRITERIA,
    score: 3,
    selfScore: 3,
  });
  const ada = await person();
  await ada.addInitScript(
    (rooms) => {
      if (window !== window.top) return;
      for (const { roomId, secret } of rooms) localStorage.setItem(`mockloop:secret:${roomId}`, secret);
    },
    [first, second],
  );

  await ada.goto('/');
  await ada.getByRole('link', { name: 'My practice' }).click();
  await expect(ada.getByRole('heading', { name: 'My practice', level: 1 })).toBeVisible();
  await expect(ada.getByText('2 rounds in 2 rooms: 2 as candidate, 0 as interviewer.')).toBeVisible();

  // A criterion's trend, oldest first: the interviewer's 2, then 3; her own 3 both times.
  const trend = ada
    .getByRole('listitem')
    .filter({ has: ada.getByRole('heading', { name: 'Modelling the problem as a graph' }) });
  const rows = trend.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('23');
  await expect(rows.nth(2)).toContainText('33');
  // The chart draws both, as its legend says: two interviewer dots and two of her own squares.
  await expect(trend.locator('.trend-chart circle.interviewer')).toHaveCount(2);
  await expect(trend.locator('.trend-chart rect.self-point')).toHaveCount(2);
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  await expect(ada.getByText('To practise next:')).toContainText('(last scored 3 of 4)');

  const rounds = ada.getByRole('region', { name: 'Rounds' });
  await expect(rounds.getByRole('listitem')).toHaveCount(2);
  await expect(rounds.getByRole('listitem').first()).toContainText('Can every show be watched in order?');
  await expect(rounds.getByRole('listitem').first()).toContainText('you were the candidate with Ola');

  const download = ada.waitForEvent('download');
  await ada.getByRole('button', { name: 'Export JSON' }).click();
  const saved = JSON.parse(
    await (await import('node:fs')).promises.readFile((await (await download).path()) ?? '', 'utf8'),
  ) as { rounds: unknown[]; trends: Array<{ criterion: string; points: unknown[] }> };
  expect(saved.rounds).toHaveLength(2);
  expect(saved.trends.find((t) => t.criterion === 'Modelling the problem as a graph')?.points).toHaveLength(
    2,
  );
});
