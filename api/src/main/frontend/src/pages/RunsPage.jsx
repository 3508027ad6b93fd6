import { useState } from 'react';
import { api } from '../api.js';
import { ErrorMessage, Loading, Status, useLoad, when } from '../common.jsx';
import { useMe } from '../me.jsx';
import { Link, useTitle } from '../router.jsx';

const STATUSES = ['RUNNING', 'WAITING_APPROVAL', 'NEEDS_ATTENTION', 'COMPLETED', 'ROLLED_BACK', 'FAILED', 'CANCELLED', 'REJECTED', 'EXPIRED'];

export function RunsPage() {
  useTitle('Runs');
  const me = useMe();
  const [status, setStatus] = useState('');
  const [whose, setWhose] = useState('mine');
  const { data, error } = useLoad(() => api.runs({ status, limit: 200 }), [status]);
  const runs = (data || []).filter((r) => whose === 'all' || r.requestedBy === me?.name);
  return (
    <>
      <h1>Runs</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="runs-whose">Show</label>
          <select id="runs-whose" value={whose} onChange={(e) => setWhose(e.target.value)}>
            <option value="mine">Mine</option>
            <option value="all">All</option>
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
      </div>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="runs" />}
      {data && runs.length === 0 && <p>No runs.</p>}
      <ul className="list" aria-label="Runs">
        {runs.map((r) => (
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
