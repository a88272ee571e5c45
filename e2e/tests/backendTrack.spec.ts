import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { violations } from '../support/axe.js';
import { expect, test } from '../support/fixtures.js';
import { expectConnected, joinFromInvite } from '../support/room.js';

const trackDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../questions/backend-swe');

interface CodingQuestion {
  dir: string;
  title: string;
  publicTests: number;
  hiddenTests: number;
}

/** The track's coding questions as the files state them, to find the one the loop drew. */
function codingQuestions(): CodingQuestion[] {
  return fs.readdirSync(trackDir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const dir = path.join(trackDir, entry.name);
    const q = parse(fs.readFileSync(path.join(dir, 'question.yaml'), 'utf8'));
    if (q.roundType !== 'coding') return [];
    const tests = q.tests as Array<{ hidden: boolean }>;
    const hiddenTests = tests.filter((t) => t.hidden).length;
    return [{ dir, title: q.title as string, publicTests: tests.length - hiddenTests, hiddenTests }];
  });
}

/** Replaces the editor's content with `code`, as one paste (no auto-indent or bracket closing). */
async function setCode(page: Page, code: string) {
  await page.getByLabel('Code editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

const latestRun = (page: Page) => page.getByRole('region', { name: 'Output' }).locator('.run').first();

test("the backend track from the home page: its loop's screen, then a coding round whose drawn question passes its public and hidden tests with the reference solution", async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  await ivy.goto('/');
  await ivy.getByRole('link', { name: /Quillmere Freight/ }).click();
  await expect(
    ivy.getByRole('heading', { level: 1, name: 'Quillmere Freight · Backend Software Engineer' }),
  ).toBeVisible();
  expect(await violations(ivy, 'backend track')).toEqual([]);
  await ivy.getByLabel('Your name').fill('Ivy');
  await ivy.getByRole('button', { name: 'Practise this loop' }).click();
  await ivy.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(ivy);
  await joinFromInvite(cal, ivy.url(), 'Cal');

  // Round 1, the recruiter screen, with the company's values for the interviewer alone.
  const loop = cal.getByRole('navigation', { name: 'Loop plan' });
  await expect(loop).toContainText('Stage 1 of 5');
  await expect(loop.locator('[aria-current="step"]')).toContainText('Recruiter screen');
  await expect(ivy.getByRole('region', { name: 'Recruiter screen guide' })).toContainText(
    'Own it end to end',
  );
  await ivy.getByRole('button', { name: 'End interview' }).click();
  await ivy.getByRole('button', { name: 'End now' }).click();

  // Round 2, the first coding stage, with a question drawn from the track's coding questions.
  const next = ivy.getByRole('region', { name: 'Next round' });
  await expect(next.getByLabel('Round type')).toHaveValue('coding');
  await next.getByRole('button', { name: 'Start round 2' }).click();
  // Cal has not assessed the screen: Ivy is asked first.
  await next.getByRole('button', { name: 'Start round 2 anyway' }).click();
  await expect(loop.locator('[aria-current="step"]')).toContainText('Coding: data structures');
  const panel = ivy.getByRole('region', { name: 'Interviewer panel' });
  const title = (await panel.locator('.question-title').textContent())?.trim() ?? '';
  const drawn = codingQuestions().find((q) => q.title === title);
  expect(drawn, `"${title}" is one of the track's coding questions`).toBeDefined();
  const { dir, publicTests, hiddenTests } = drawn as CodingQuestion;
  await panel.getByRole('button', { name: 'Reveal question', exact: true }).click();
  await expect(cal.getByRole('heading', { name: title })).toBeVisible();

  // The reference solution, run in the browser: every public test, then every hidden one.
  await setCode(cal, fs.readFileSync(path.join(dir, 'solution.py'), 'utf8'));
  await cal.getByRole('button', { name: 'Run tests' }).click();
  await expect(latestRun(cal)).toContainText(`${publicTests}/${publicTests} tests passed`, {
    timeout: 60_000,
  });
  await ivy.getByRole('button', { name: 'Run hidden tests' }).click();
  await expect(latestRun(ivy)).toContainText(`${hiddenTests}/${hiddenTests} hidden tests passed`, {
    timeout: 30_000,
  });

  // The plan's next stage is the second coding round.
  await ivy.getByRole('button', { name: 'End interview' }).click();
  await ivy.getByRole('button', { name: 'End now' }).click();
  await expect(next.getByLabel('Round type')).toHaveValue('coding');
  await expect(loop).toContainText('Coding: practical');
});
