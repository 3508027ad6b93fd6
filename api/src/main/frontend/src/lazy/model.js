// The entity graph's model: the overview's nodes and edges as @xyflow/react nodes and edges,
// laid out left to right by @dagrejs/dagre. No React here, so `node --test` checks it.
import dagre from '@dagrejs/dagre';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 58;

/**
 * The catalog stores each relation with its inverse; the graph draws one edge per pair, in the
 * direction that reads as a sentence (as Backstage's graph merges them).
 */
const PAIRS = [
  ['ownerOf', 'ownedBy'],
  ['providesApi', 'apiProvidedBy'],
  ['consumesApi', 'apiConsumedBy'],
  ['dependsOn', 'dependencyOf'],
  ['hasPart', 'partOf'],
  ['parentOf', 'childOf'],
  ['hasMember', 'memberOf'],
];
const INVERSE_OF = new Map(PAIRS.map(([forward, inverse]) => [inverse, forward]));

/** The portal's address of a node's entity page. */
export function nodePath(node) {
  return `/catalog/${node.kind}/${node.namespace}/${encodeURIComponent(node.name)}`;
}

/** The node's accessible name: what a screen reader says and a test finds it by. */
export function nodeLabel(node) {
  const name = node.title || node.name;
  const where = node.namespace && node.namespace !== 'default' ? ` in ${node.namespace}` : '';
  return `${node.kind} ${name}${where}${node.missing ? ' (not in the catalog)' : ''}${node.root ? ' (this entity)' : ''}`;
}

/** One edge per relation pair, forward-reading: {id, source, target, type}. */
export function mergeEdges(edges) {
  const seen = new Map();
  for (const edge of edges || []) {
    const forward = INVERSE_OF.get(edge.type);
    const merged = forward
      ? { source: edge.target, target: edge.source, type: forward }
      : { source: edge.source, target: edge.target, type: edge.type };
    const id = `${merged.source} ${merged.type} ${merged.target}`;
    if (!seen.has(id)) seen.set(id, { id, ...merged });
  }
  return [...seen.values()];
}

/** The overview's graph as positioned @xyflow/react nodes and labelled edges. */
export function layout(graph) {
  const nodes = graph?.nodes || [];
  const ids = new Set(nodes.map((n) => n.id));
  const edges = mergeEdges(graph?.edges).filter((e) => ids.has(e.source) && ids.has(e.target));
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 110, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return {
    nodes: nodes.map((n) => {
      const p = g.node(n.id);
      return {
        id: n.id,
        type: 'entity',
        position: { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 },
        data: { entity: n, label: nodeLabel(n), path: n.missing ? null : nodePath(n) },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      };
    }),
    edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.type, data: { type: e.type } })),
    width: g.graph().width || 0,
    height: g.graph().height || 0,
  };
}
