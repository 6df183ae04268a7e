import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkKinds, loadSuite, startUrlOf } from '../../src/cli/eval/suite.ts';

// Reading eval suites: the fixture suite as shipped, and the errors a person gets for a bad one.

const shipped = fileURLToPath(new URL('../../evals/fixtures/', import.meta.url));

function suiteWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'webwright-suite-'));
  for (const [name, content] of Object.entries({ 'suite.json': { name: 'demo' }, ...files })) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const task = { id: 'one', goal: 'Open the page', startUrl: 'https://example.com/', checks: [{ kind: 'url', contains: 'example' }] };
const errorOf = (dir: string) => {
  try {
    loadSuite(dir);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the suite loaded');
};

describe('loadSuite', () => {
  it('reads the fixture suite: at least 30 tasks on the served fixture pages, each ending with an outcome check', () => {
    const suite = loadSuite(shipped);
    expect(suite).toMatchObject({ name: 'fixtures', serve: fileURLToPath(new URL('../../test/fixtures/pages', import.meta.url)) });
    expect(suite.tasks.length).toBeGreaterThanOrEqual(30);
    // Every fixture site has a task.
    expect(new Set(suite.tasks.map((entry) => entry.startUrl.split('/')[1])).size).toBe(15);
    for (const entry of suite.tasks) {
      expect(entry.startUrl).toMatch(/^\{\{site\}\}\//);
      expect(entry.checks.filter((check) => check.kind === 'status' || check.kind === 'success').length).toBeGreaterThanOrEqual(1);
    }
    const unapproved = suite.tasks.find((entry) => entry.id === 'dialogs-delete-unapproved');
    expect(unapproved?.checks.filter((check) => check.kind === 'status')).toEqual([{ kind: 'status', equals: 'stopped' }]);
    expect(suite.tasks.find((entry) => entry.id === 'shop-add-hoodie')?.checks.at(-1)).toEqual({ kind: 'status', equals: 'finished' });
  });

  it('fills in {{site}} with the served origin', () => {
    expect(startUrlOf({ startUrl: '{{site}}/shop/index.html#{{site}}' }, 'http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000/shop/index.html#http://127.0.0.1:4000');
    expect(startUrlOf({ startUrl: 'https://example.com/' }, undefined)).toBe('https://example.com/');
  });

  it('names the file and the field of a malformed task', () => {
    const dir = suiteWith({ 'one.json': { ...task, checks: [{ kind: 'txet', selector: 'h1' }] } });
    expect(errorOf(dir)).toBe(`${join(dir, 'one.json')}: checks[0].kind: unknown check kind "txet" (use one of ${checkKinds.join(', ')}).`);
    expect(errorOf(suiteWith({ 'one.json': { ...task, checks: [{ selector: 'h1' }] } }))).toContain('checks[0].kind: a check needs a "kind" (one of text, value,');
    expect(errorOf(suiteWith({ 'one.json': { ...task, checks: [{ kind: 'text', selector: 'h1', contain: 'x' }] } }))).toContain('checks[0]: Unrecognized key: "contain"');
    expect(errorOf(suiteWith({ 'one.json': { ...task, checks: [{ kind: 'answer', matches: '(' }] } }))).toContain('checks[0].matches: is not a valid regular expression');
    expect(errorOf(suiteWith({ 'one.json': { ...task, checks: [{ kind: 'count', selector: 'li' }] } }))).toContain('checks[0]: a count check needs "equals", "min" or "max"');
    expect(errorOf(suiteWith({ 'one.json': { ...task, checks: [] } }))).toContain('checks: list at least one check');
    expect(errorOf(suiteWith({ 'one.json': { ...task, id: 'a/b' } }))).toContain('id: use letters, digits');
    expect(errorOf(suiteWith({ 'one.json': { ...task, maxSteps: 0 } }))).toContain('maxSteps: Too small');
    expect(errorOf(suiteWith({ 'one.json': { ...task, startUrl: 'not a url' } }))).toContain('startUrl: "not a url" is not a URL.');
    expect(errorOf(suiteWith({ 'one.json': '{"id": ' }))).toMatch(/one\.json: not readable JSON/);
  });

  it('refuses a suite that cannot run: no folder, no suite.json, no tasks, {{site}} with nothing served, twice the same id', () => {
    const empty = mkdtempSync(join(tmpdir(), 'webwright-suite-'));
    expect(errorOf(join(empty, 'nope'))).toBe(`No suite at ${join(empty, 'nope')}: the folder does not exist.`);
    expect(errorOf(empty)).toContain('has no suite.json');
    expect(errorOf(suiteWith({}))).toContain('holds no tasks');
    expect(errorOf(suiteWith({ 'one.json': { ...task, startUrl: '{{site}}/index.html' } }))).toMatch(/one\.json: startUrl: uses \{\{site\}\}, but .*suite\.json has no "serve" folder\./);
    const twice = suiteWith({ 'a.json': task, 'b.json': task });
    expect(errorOf(twice)).toBe(`${join(twice, 'b.json')}: id: "one" is already the id of ${join(twice, 'a.json')}.`);
    const badServe = suiteWith({ 'suite.json': { name: 'demo', serve: 'pages' }, 'one.json': task });
    expect(errorOf(badServe)).toBe(`${join(badServe, 'suite.json')}: serve: no folder at ${join(badServe, 'pages')}.`);
    mkdirSync(join(badServe, 'pages'));
    expect(loadSuite(badServe).serve).toBe(join(badServe, 'pages'));
  });
});
