// Runs: mine, my team's, or all (platform); narrowed by status and template on the server.
import { useState } from 'react';
import { api } from '../api.js';
import { ErrorMessage, Loading, Status, useLoad, when } from '../common.jsx';
import { useMe } from '../me.jsx';
import { Link, useTitle } from '../router.jsx';

const STATUSES = ['RUNNING', 'WAITING_APPROVAL', 'NEEDS_ATTENTION', 'ROLLING_BACK', 'COMPLETED', 'ROLLED_BACK', 'FAILED', 'CANCELLED', 'REJECTED', 'EXPIRED'];

/** The API's filters for "whose runs". */
function whoseFilter(whose, me) {
  if (whose === 'mine') return { mine: true };
  if (whose === 'team') return { team: me?.groups?.length ? me.groups : ['-'] };
  return {};
}

export function RunsPage() {
  useTitle('Runs');
  const me = useMe();
  const [status, setStatus] = useState('');
  const [template, setTemplate] = useState('');
  const [whose, setWhose] = useState('mine');
  const { data: templates } = useLoad(() => api.templates(), []);
  const { data, error } = useLoad(
    () => api.runs({ status, template, ...whoseFilter(whose, me), limit: 200 }),
    [status, template, whose, me],
  );
  return (
    <>
      <h1>Runs</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="runs-whose">Show</label>
          <select id="runs-whose" value={whose} onChange={(e) => setWhose(e.target.value)}>
            <option value="mine">Mine</option>
            <option value="team">My team's</option>
            {me?.platform && <option value="all">All</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor="runs-status">Status</label>
          <select id="runs-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="runs-template">Template</label>
          <select id="runs-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">Any template</option>
            {(templates?.items || []).map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="runs" />}
      {data && data.length === 0 && <p role="status">No runs match.</p>}
      <ul className="list" aria-label="Runs">
        {(data || []).map((r) => (
          <li key={r.id}>
            <Link to={`/runs/${r.id}`}>{r.serviceKey || r.id}</Link> <Status value={r.status} />
            <span className="muted">
              {' '}
              {r.template} · {r.requestedBy} · {when(r.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
