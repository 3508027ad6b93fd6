// What a run would make, before anything is made.
import { Status } from '../common.jsx';

export function DryRun({ report }) {
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview: nothing has been made</h2>
      <p>
        <Status value={report.status} /> {report.error && <span className="error">{report.error}</span>}
      </p>
      <h3>Steps</h3>
      <ul>
        {(report.steps || []).map((s) => (
          <li key={s.id}>
            <Status value={s.status} /> {s.name || s.id} <code>{s.action}</code>
          </li>
        ))}
      </ul>
      <h3>What it makes</h3>
      <ul>
        {(report.resources || []).map((r, i) => (
          <li key={i}>
            <strong>{r.kind}</strong> {r.name || r.path || r.url || r.ref || ''}{' '}
            <span className="muted">({r.step})</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>{(report.files || []).length} files</summary>
        <ul>
          {(report.files || []).map((f) => (
            <li key={f.path}>
              <code>{f.path}</code>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
