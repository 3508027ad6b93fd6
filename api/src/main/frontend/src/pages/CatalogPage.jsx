// The entities Paved knows, and one entity's page.
import { useState } from 'react';
import { api } from '../api.js';
import { ErrorMessage, Loading, Status, useLoad, when } from '../common.jsx';
import { Link, useTitle } from '../router.jsx';

const pathOf = (e) => `/catalog/${String(e.kind).toLowerCase()}/${e.metadata?.namespace || 'default'}/${e.metadata?.name}`;

export function CatalogPage() {
  useTitle('Catalog');
  const [kind, setKind] = useState('');
  const [owner, setOwner] = useState('');
  const [text, setText] = useState('');
  const { data, error } = useLoad(() => api.entities({ kind, owner }), [kind, owner]);
  const needle = text.trim().toLowerCase();
  const shown = (data || []).filter(
    (e) => !needle || [e.metadata?.name, e.metadata?.description, ...(e.metadata?.tags || [])].join(' ').toLowerCase().includes(needle),
  );
  return (
    <>
      <h1>Catalog</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="catalog-search">Search</label>
          <input id="catalog-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="catalog-kind">Kind</label>
          <select id="catalog-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">Any kind</option>
            {['component', 'api', 'resource', 'system', 'group', 'user'].map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-owner">Owner</label>
          <input id="catalog-owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
        </div>
      </div>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="the catalog" />}
      {data && shown.length === 0 && <p>No entity matches.</p>}
      <ul className="list" aria-label="Entities">
        {shown.map((e) => (
          <li key={pathOf(e)}>
            <Link to={pathOf(e)}>{e.metadata?.name}</Link> <span className="muted">{e.kind} · {e.spec?.owner} · {e.spec?.lifecycle}</span>
            {e.metadata?.description && <div>{e.metadata.description}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function EntityPage({ kind, namespace, name }) {
  const { data: e, error } = useLoad(() => api.entity(kind, namespace, name), [kind, namespace, name]);
  const ref = `${kind}:${namespace}/${name}`;
  const { data: runs } = useLoad(() => api.runs({ limit: 500 }), []);
  useTitle(`${name} (${kind})`);
  if (error) return <ErrorMessage error={error} />;
  if (!e) return <Loading what="the entity" />;
  const mine = (runs || []).filter((r) => r.serviceKey && r.serviceKey.endsWith('/' + name));
  return (
    <>
      <p className="crumbs">
        <Link to="/catalog">Catalog</Link> / {ref}
      </p>
      <h1>{e.metadata?.title || e.metadata?.name}</h1>
      <p>{e.metadata?.description}</p>
      <dl className="review">
        <div className="row"><dt>Kind</dt><dd>{e.kind}</dd></div>
        <div className="row"><dt>Owner</dt><dd>{e.spec?.owner}</dd></div>
        <div className="row"><dt>Lifecycle</dt><dd>{e.spec?.lifecycle}</dd></div>
        <div className="row"><dt>Tags</dt><dd>{(e.metadata?.tags || []).join(', ')}</dd></div>
      </dl>
      <h2>Links</h2>
      <ul>
        {(e.metadata?.links || []).map((l) => (
          <li key={l.url}><a href={l.url}>{l.title || l.url}</a></li>
        ))}
        {Object.entries(e.metadata?.annotations || {})
          .filter(([, v]) => /^(https?|file):/.test(String(v).replace(/^url:/, '')))
          .map(([k, v]) => (
            <li key={k}><a href={String(v).replace(/^url:/, '')}>{k}</a></li>
          ))}
      </ul>
      <h2>Runs</h2>
      <ul className="list" aria-label="Runs of this entity">
        {mine.map((r) => (
          <li key={r.id}>
            <Link to={`/runs/${r.id}`}>{r.id}</Link> <Status value={r.status} /> <span className="muted">{r.template} · {when(r.createdAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
