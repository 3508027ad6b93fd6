// The golden paths on offer: filter by tag and text, choose one to fill in its form.
import { useState } from 'react';
import { api } from '../api.js';
import { ErrorMessage, Loading, useLoad } from '../common.jsx';
import { Link, useTitle } from '../router.jsx';

export function GalleryPage() {
  useTitle('Create');
  const { data, error } = useLoad(() => api.templates(), []);
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading what="templates" />;
  const tags = [...new Set(data.items.flatMap((t) => t.tags || []))].sort();
  const needle = text.trim().toLowerCase();
  const shown = data.items.filter(
    (t) =>
      (!tag || (t.tags || []).includes(tag)) &&
      (!needle || [t.name, t.title, t.description, ...(t.tags || [])].join(' ').toLowerCase().includes(needle)),
  );
  return (
    <>
      <h1>Create something new</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="template-search">Search</label>
          <input id="template-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="template-tag">Tag</label>
          <select id="template-tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 && <p>No template matches.</p>}
      <ul className="gallery" aria-label="Templates">
        {shown.map((t) => (
          <li key={t.name} className="card">
            <h2>{t.title || t.name}</h2>
            <p className="muted">
              {t.name} · owner {t.owner || 'unknown'}
            </p>
            <p>{t.description}</p>
            <ul className="tags" aria-label="Tags">
              {(t.tags || []).map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
            <Link to={`/create/${t.name}`} className="button primary" aria-label={`Choose ${t.name}`}>
              Choose
            </Link>
          </li>
        ))}
      </ul>
      {data.refused?.length > 0 && (
        <details>
          <summary>{data.refused.length} templates could not be loaded</summary>
          <ul>
            {data.refused.map((r, i) => (
              <li key={i}>
                <strong>{r.name || r.location}</strong>: {(r.reasons || [r.reason]).join('; ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
