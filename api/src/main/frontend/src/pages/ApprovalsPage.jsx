// What waits for my decision: runs at an approval step, access requests and scorecard waivers.
// Refreshes itself.
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { DecisionForm, ErrorMessage, Loading, useLoad, when } from '../common.jsx';
import { Link, useTitle } from '../router.jsx';

export const APPROVALS_REFRESH_MS = 5000;

const KINDS = { run: 'Run', 'access-request': 'Access request', 'scorecard-waiver': 'Scorecard waiver' };

function pageOf(item) {
  return item.page || (item.kind === 'run' ? `/runs/${item.id}` : `/access/${item.id}`);
}

function Pending({ item, onDecided }) {
  const [error, setError] = useState(null);
  const decide = async (decision, comment) => {
    setError(null);
    try {
      await api.decide(item.href, decision, comment);
      onDecided();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="card" aria-label={item.summary}>
      <h2>
        <Link to={pageOf(item)}>{item.summary}</Link>
      </h2>
      <p className="muted">
        {KINDS[item.kind] || 'Request'} asked by {item.requestedBy} at {when(item.requestedAt)}
        {item.deadline && ` · decide by ${when(item.deadline)}`}
        {item.reason && ` · why: ${item.reason}`}
      </p>
      <DecisionForm id={`comment-${item.id}`} onDecide={decide} />
      <ErrorMessage error={error} />
    </li>
  );
}

export function ApprovalsPage({ onChange }) {
  useTitle('Approvals');
  const { data, error, reload } = useLoad(() => api.approvals(), []);
  useEffect(() => {
    const timer = setInterval(reload, APPROVALS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (data) onChange?.(data.length);
  }, [data, onChange]);
  return (
    <>
      <h1>Approvals</h1>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="what waits for you" />}
      {data && data.length === 0 && <p>Nothing waits for your decision.</p>}
      <ul className="plain" aria-label="Waiting for you">
        {(data || []).map((item) => (
          <Pending key={`${item.kind}-${item.id}`} item={item} onDecided={reload} />
        ))}
      </ul>
    </>
  );
}
