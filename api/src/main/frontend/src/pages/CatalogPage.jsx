// The entities Paved knows, and one entity's page.
import { Component, lazy, Suspense, useState } from 'react';
import { api } from '../api.js';
import { ErrorMessage, Loading, Status, useLoad, when } from '../common.jsx';
import { Link, navigate, useLocation, useTitle } from '../router.jsx';
import { teamPath } from '../scorecards/model.js';
import { TeamLink } from '../scorecards/parts.jsx';
import { EntityScorecards } from './EntityScorecards.jsx';

// Heavy libraries load only on the pages that draw with them (esbuild splits them into chunks).
const EntityGraph = lazy(() => import('../lazy/EntityGraph.jsx'));
const OpenApiDefinition = lazy(() => import('../lazy/OpenApiDefinition.jsx'));
const Markdown = lazy(() => import('../lazy/Markdown.jsx'));

/** A lazily loaded part that fails (its chunk unreachable, a bad definition) says so; the rest stays. */
export class Fallback extends Component {
  constructor(props) {
    super(props);
    this.state = { error: null };
  }
  static getDerivedStateFromError(error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="alert" role="alert">
        <strong>{this.props.what} cannot be shown.</strong> {String(this.state.error.message || this.state.error)}
      </div>
    );
  }
}

const DEPTHS = [1, 2, 3];

const pathOf = (e) => `/catalog/${String(e.kind).toLowerCase()}/${e.metadata?.namespace || 'default'}/${e.metadata?.name}`;

const unique = (values) => [...new Set(values.filter(Boolean))].sort();

/** Kind and owner narrow the list on the server; lifecycle, tag and the text search here. */
export function CatalogPage() {
  useTitle('Catalog');
  const [kind, setKind] = useState('');
  const [owner, setOwner] = useState('');
  const [lifecycle, setLifecycle] = useState('');
  const [tag, setTag] = useState('');
  const [text, setText] = useState('');
  const { data, error } = useLoad(() => api.entities({ kind }), [kind]);
  const all = data || [];
  const needle = text.trim().toLowerCase();
  const shown = all.filter(
    (e) =>
      (!owner || e.spec?.owner === owner) &&
      (!lifecycle || e.spec?.lifecycle === lifecycle) &&
      (!tag || (e.metadata?.tags || []).includes(tag)) &&
      (!needle ||
        [e.metadata?.name, e.metadata?.title, e.metadata?.description, e.spec?.owner, ...(e.metadata?.tags || [])]
          .join(' ')
          .toLowerCase()
          .includes(needle)),
  );
  const choice = (id, label, value, set, options, any) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>Catalog</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="catalog-search">Search</label>
          <input id="catalog-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {choice('catalog-kind', 'Kind', kind, setKind, ['component', 'api', 'resource', 'system', 'group', 'user'], 'Any kind')}
        {choice('catalog-owner', 'Owner', owner, setOwner, unique([...all.map((e) => e.spec?.owner), owner]), 'Any owner')}
        {choice('catalog-lifecycle', 'Lifecycle', lifecycle, setLifecycle, unique([...all.map((e) => e.spec?.lifecycle), lifecycle]), 'Any lifecycle')}
        {choice('catalog-tag', 'Tag', tag, setTag, unique([...all.flatMap((e) => e.metadata?.tags || []), tag]), 'Any tag')}
      </div>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="the catalog" />}
      {data && shown.length === 0 && <p role="status">No entity matches.</p>}
      <ul className="list" aria-label="Entities">
        {shown.map((e) => (
          <li key={pathOf(e)}>
            <Link to={pathOf(e)}>{e.metadata?.name}</Link>{' '}
            <span className="muted">
              {e.kind} · <TeamLink owner={e.spec?.owner} /> · {e.spec?.lifecycle}
            </span>
            {e.metadata?.description && <div>{e.metadata.description}</div>}
            {(e.metadata?.tags || []).length > 0 && (
              <ul className="tags" aria-label="Tags">
                {e.metadata.tags.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A catalog ref (`kind:namespace/name`) as the portal's address of its entity page. */
function entityPath(ref) {
  const m = /^([^:]+):([^/]+)\/(.+)$/.exec(ref || '');
  return m ? `/catalog/${m[1]}/${m[2]}/${m[3]}` : null;
}

function EntityLink({ refValue, missing }) {
  const path = !missing && entityPath(refValue);
  return path ? <Link to={path}>{refValue}</Link> : <span>{refValue}{missing ? ' (not in the catalog)' : ''}</span>;
}

/** How many hops the graph reaches, from `?depth=` (1 to 3; 1 when absent). */
function depthOf(search) {
  const asked = Number(new URLSearchParams(search).get('depth'));
  return DEPTHS.includes(asked) ? asked : 1;
}

/** An API's definition: OpenAPI rendered by swagger-ui, any other type as its text. */
function ApiDefinition({ entity }) {
  const definition = entity.spec?.definition;
  const type = String(entity.spec?.type || '').toLowerCase();
  if (typeof definition !== 'string' || !definition.trim()) return <p>This API has no definition.</p>;
  if (type === 'openapi') {
    return (
      <Fallback key={definition} what="The OpenAPI definition">
        <Suspense fallback={<Loading what="the OpenAPI definition" />}>
          <OpenApiDefinition definition={definition} />
        </Suspense>
      </Fallback>
    );
  }
  return <pre className="definition" aria-label={`${type || 'API'} definition`} tabIndex={0}>{definition}</pre>;
}

export function EntityPage({ kind, namespace, name }) {
  const location = useLocation();
  const depth = depthOf(location.search);
  const { data: page, error } = useLoad(
    () => api.entityOverview(kind, namespace, name, depth),
    [kind, namespace, name, depth]
  );
  const ref = `${kind}:${namespace}/${name}`;
  useTitle(`${name} (${kind})`);
  if (error) return <ErrorMessage error={error} />;
  if (!page) return <Loading what="the entity" />;
  const e = page.entity || {};
  const owner = page.owner || {};
  const graph = page.graph || { edges: [], nodes: [] };
  // a new graph (another entity, another depth) is drawn afresh, fitted to its frame
  const graphKey = `${(graph.nodes || []).find((n) => n.root)?.id}?${graph.depth}`;
  const missing = new Set((graph.nodes || []).filter((n) => n.missing).map((n) => n.id));
  const outgoing = (graph.edges || []).filter((edge) => edge.source === ref.toLowerCase());
  const apis = [...(page.apis?.provided || []).map((a) => ['provides', a]), ...(page.apis?.consumed || []).map((a) => ['consumes', a])];
  return (
    <>
      <p className="crumbs">
        <Link to="/catalog">Catalog</Link> / {ref}
      </p>
      <h1>{e.metadata?.title || e.metadata?.name}</h1>
      <p>{e.metadata?.description}</p>
      <dl className="review">
        <div className="row"><dt>Kind</dt><dd>{e.kind}{e.spec?.type ? ` (${e.spec.type})` : ''}</dd></div>
        <div className="row">
          <dt>Owner</dt>
          <dd>
            {owner.ref ? <EntityLink refValue={owner.ref} missing={!owner.entity} /> : e.spec?.owner}
            {teamPath(e.spec?.owner) && <> · <Link to={teamPath(e.spec.owner)}>the team's scorecards</Link></>}
          </dd>
        </div>
        {(owner.members || []).length > 0 && (
          <div className="row"><dt>Members</dt><dd>{owner.members.join(', ')}</dd></div>
        )}
        {(owner.onCall || []).length > 0 && (
          <div className="row"><dt>On call</dt><dd>{owner.onCall.map((o) => `${o.provider} ${o.value}`).join(', ')}</dd></div>
        )}
        <div className="row"><dt>Lifecycle</dt><dd>{e.spec?.lifecycle}</dd></div>
        <div className="row"><dt>Tags</dt><dd>{(e.metadata?.tags || []).join(', ')}</dd></div>
      </dl>
      <EntityScorecards kind={kind} namespace={namespace} name={name} />
      <h2>Links</h2>
      <ul aria-label="Links of this entity">
        {(page.links || []).filter((l) => l.url).map((l) => (
          <li key={l.type + l.url}><a href={l.url}>{l.title || l.url}</a> <span className="muted">{l.type}</span></li>
        ))}
      </ul>
      {page.docs?.markdown && (
        <section aria-label="Documentation">
          <h2>{page.docs.kind === 'techdocs' ? 'Docs' : 'README'}</h2>
          <Fallback key={page.docs.source} what="The documentation">
            <Suspense fallback={<Loading what="the documentation" />}>
              <Markdown markdown={page.docs.markdown} />
            </Suspense>
          </Fallback>
          {page.docs.truncated && <p className="muted">Only the beginning is shown: the document is long.</p>}
        </section>
      )}
      {String(e.kind).toLowerCase() === 'api' && (
        <>
          <h2>Definition</h2>
          <ApiDefinition entity={e} />
        </>
      )}
      <h2>Relations</h2>
      <div className="field depth">
        <label htmlFor="graph-depth">Depth</label>
        <select
          id="graph-depth"
          value={depth}
          onChange={(ev) => navigate(`${location.pathname}${ev.target.value === '1' ? '' : `?depth=${ev.target.value}`}`)}
        >
          {DEPTHS.map((d) => (
            <option key={d} value={d}>{d === 1 ? '1 hop' : `${d} hops`}</option>
          ))}
        </select>
      </div>
      {graph.truncated && <p className="muted">The graph is cut short: it has too many entities to draw.</p>}
      <figure className="graph" aria-label="Graph of relations">
        <Fallback key={graphKey} what="The graph">
          <Suspense fallback={<Loading what="the graph" />}>
            <EntityGraph graph={graph} />
          </Suspense>
        </Fallback>
        <figcaption className="muted">The same relations are listed below.</figcaption>
      </figure>
      <ul aria-label="Relations of this entity">
        {outgoing.map((edge) => (
          <li key={edge.type + edge.target}>
            {edge.type} <EntityLink refValue={edge.target} missing={missing.has(edge.target)} />
          </li>
        ))}
      </ul>
      {apis.length > 0 && (
        <>
          <h2>APIs</h2>
          <ul aria-label="APIs of this entity">
            {apis.map(([how, a]) => (
              <li key={how + a.ref}>
                {how} <EntityLink refValue={a.ref} missing={a.missing} /> <span className="muted">{a.type} {a.lifecycle}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Runs</h2>
      <ul className="list" aria-label="Runs of this entity">
        {(page.runs || []).map((r) => (
          <li key={r.id}>
            <Link to={`/runs/${r.id}`}>{r.id}</Link> <Status value={r.status} /> <span className="muted">{r.template} · {r.requestedBy} · {when(r.createdAt)}</span>
          </li>
        ))}
      </ul>
      <h2>Access requests</h2>
      <ul className="list" aria-label="Access requests of this entity">
        {(page.accessRequests || []).map((r) => (
          <li key={r.id}>
            <Link to={`/access/${r.id}`}>{r.id}</Link> <Status value={r.status} /> <span className="muted">{r.role} in {r.environment} · {r.requestedBy} · {when(r.createdAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
