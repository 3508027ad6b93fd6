// An entity's relations drawn with @xyflow/react, laid out by @dagrejs/dagre (see model.js).
// Loaded by dynamic import() from the entity page, so the first page does not carry it.
import { Background, Controls, Handle, Position, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { Link } from '../router.jsx';
import { layout } from './model.js';
import { addStylesheet } from './stylesheet.js';

addStylesheet('graph');

function EntityNode({ data }) {
  const { entity, label, path } = data;
  const classes = ['entity-node', entity.missing ? 'missing' : '', entity.root ? 'root' : ''].join(' ');
  const body = (
    <>
      <span className="entity-node-kind">{entity.kind}{entity.missing ? ' · not in catalog' : ''}</span>
      <span className="entity-node-name">{entity.title || entity.name}</span>
    </>
  );
  return (
    <div className={classes}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {path && !entity.root ? (
        <Link to={path} aria-label={label} className="entity-node-link nopan">{body}</Link>
      ) : (
        <span role="img" aria-label={label} className="entity-node-link">{body}</span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { entity: EntityNode };

export default function EntityGraph({ graph }) {
  const laid = useMemo(() => layout(graph), [graph]);
  const byId = useMemo(() => new Map(laid.nodes.map((n) => [n.id, n.data.label])), [laid]);
  const edges = useMemo(
    () =>
      laid.edges.map((e) => ({
        ...e,
        ariaLabel: `${byId.get(e.source)} ${e.label} ${byId.get(e.target)}`,
        labelBgPadding: [4, 2],
        labelStyle: { fontSize: 12 },
      })),
    [laid, byId],
  );
  const height = Math.max(240, Math.min(560, laid.height + 48));
  return (
    <div className="entity-graph" style={{ height }}>
      <ReactFlow
        nodes={laid.nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
