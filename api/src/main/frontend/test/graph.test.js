// The entity graph's model (node --test, run by Maven in the test phase).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layout, mergeEdges, nodeLabel, nodePath } from '../src/lazy/model.js';

const ledger = { id: 'component:default/ledger', kind: 'component', namespace: 'default', name: 'ledger', title: 'Ledger', missing: false, root: true };
const team = { id: 'group:default/team-payments', kind: 'group', namespace: 'default', name: 'team-payments', missing: false, root: false };
const db = { id: 'resource:default/ledger-db', kind: 'resource', namespace: 'default', name: 'ledger-db', missing: true, root: false };

test('a relation and its inverse are one edge, read forward', () => {
  const merged = mergeEdges([
    { source: ledger.id, type: 'ownedBy', target: team.id },
    { source: team.id, type: 'ownerOf', target: ledger.id },
    { source: ledger.id, type: 'dependsOn', target: db.id },
    { source: ledger.id, type: 'madeUpRelation', target: db.id },
  ]);
  assert.deepEqual(
    merged.map((e) => `${e.source} ${e.type} ${e.target}`),
    [
      'group:default/team-payments ownerOf component:default/ledger',
      'component:default/ledger dependsOn resource:default/ledger-db',
      'component:default/ledger madeUpRelation resource:default/ledger-db',
    ],
  );
});

test('nodes are named for people and link to their entity, missing ones do not', () => {
  assert.equal(nodeLabel(ledger), 'component Ledger (this entity)');
  assert.equal(nodeLabel(db), 'resource ledger-db (not in the catalog)');
  assert.equal(nodeLabel({ ...team, namespace: 'ops' }), 'group team-payments in ops');
  assert.equal(nodePath(ledger), '/catalog/component/default/ledger');
});

test('dagre lays the graph out left to right without overlaps', () => {
  const { nodes, edges } = layout({
    nodes: [ledger, team, db],
    edges: [
      { source: team.id, type: 'ownerOf', target: ledger.id },
      { source: ledger.id, type: 'ownedBy', target: team.id },
      { source: ledger.id, type: 'dependsOn', target: db.id },
    ],
  });
  assert.equal(edges.length, 2);
  assert.deepEqual(edges.map((e) => e.label), ['ownerOf', 'dependsOn']);
  const at = Object.fromEntries(nodes.map((n) => [n.id, n.position]));
  assert.ok(at[team.id].x < at[ledger.id].x && at[ledger.id].x < at[db.id].x, JSON.stringify(at));
  assert.equal(nodes.find((n) => n.id === db.id).data.path, null);
  assert.equal(nodes.find((n) => n.id === team.id).data.path, '/catalog/group/default/team-payments');
});
