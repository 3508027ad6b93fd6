// The scorecard pages' model (node --test, run by Maven in the test phase).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvHref, entityName, entityPath, fleetTable, levelCounts, percent, teamName, teamPath, trendSeries } from '../src/scorecards/model.js';

const summary = {
  rules: [
    { id: 'readme-runbook', title: 'README has a runbook section', level: 'Bronze' },
    { id: 'coverage', title: 'Coverage at least 80 %', level: 'Silver' },
  ],
  items: [
    { entity: 'component:default/ledger', title: 'Ledger', owner: 'team-payments', level: 'Bronze', results: { 'readme-runbook': 'pass', coverage: 'fail' } },
    { entity: 'component:default/search', owner: 'team-search', level: null, results: { 'readme-runbook': 'waived' } },
  ],
};

test('the seed table has checks as rows and services as columns', () => {
  const t = fleetTable(summary);
  assert.deepEqual(t.columns.map((c) => c.label), ['Ledger', 'search']);
  assert.deepEqual(t.rows.map((r) => [r.label, ...r.cells]), [
    ['README has a runbook section', 'pass', 'waived'],
    ['Coverage at least 80 %', 'fail', 'unknown'],
  ]);
});

test('the reverse table has services as rows and checks as columns', () => {
  const t = fleetTable(summary, 'services');
  assert.deepEqual(t.columns.map((c) => c.key), ['readme-runbook', 'coverage']);
  assert.deepEqual(t.rows.map((r) => [r.key, ...r.cells]), [
    ['component:default/ledger', 'pass', 'fail'],
    ['component:default/search', 'waived', 'unknown'],
  ]);
});

test('level counts run from the highest level down, then none, zero where absent', () => {
  assert.deepEqual(levelCounts(['Bronze', 'Silver', 'Gold'], { Bronze: 2, none: 1 }), [
    { level: 'Gold', count: 0 },
    { level: 'Silver', count: 0 },
    { level: 'Bronze', count: 2 },
    { level: 'none', count: 1 },
  ]);
});

test('a trend becomes the chart columns in day order, the pass rate in percent', () => {
  const s = trendSeries(
    [
      { date: '2026-12-02', entities: 2, levels: { Bronze: 2 }, passRate: 75 },
      { date: '2026-12-01', entities: 2, levels: { Bronze: 1, none: 1 }, passRate: 50 },
    ],
    ['Bronze', 'Silver'],
  );
  assert.deepEqual(s.x, [Date.UTC(2026, 11, 1) / 1000, Date.UTC(2026, 11, 2) / 1000]);
  assert.deepEqual(s.passRate, [50, 75]);
  assert.deepEqual(s.levels, [
    { level: 'Silver', values: [0, 0] },
    { level: 'Bronze', values: [1, 2] },
    { level: 'none', values: [1, 0] },
  ]);
});

test('owners, refs and rates read as people write them', () => {
  assert.equal(teamName('group:default/team-payments'), 'team-payments');
  assert.equal(teamName('team-payments'), 'team-payments');
  assert.equal(teamName(''), null);
  assert.equal(teamPath('group:team-a'), '/teams/team-a');
  assert.equal(entityPath('Component:default/ledger'), '/catalog/component/default/ledger');
  assert.equal(entityPath('component:ledger'), '/catalog/component/default/ledger');
  assert.equal(entityName('component:default/ledger'), 'ledger');
  assert.equal(percent(66.66), '66.7 %');
  assert.equal(percent(0), '0 %');
  assert.equal(percent(null), '');
  assert.equal(csvHref('prod ready', 'team a'), '/api/v1/scorecards/prod%20ready/results.csv?owner=team%20a');
});
