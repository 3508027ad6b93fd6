import { useCallback, useEffect, useState } from 'react';

/** Loads with `load` whenever `deps` change; {data, error, loading, reload}. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const run = useCallback(() => {
    let live = true;
    load()
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error) => live && setState((s) => ({ data: s.data, error, loading: false })));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/** A clear message for an API error, never a blank page. */
export function ErrorMessage({ error }) {
  if (!error) return null;
  const status = error.status;
  const what =
    status === 403
      ? 'You may not do this.'
      : status === 404
        ? 'Not found.'
        : status === 0
          ? 'Paved cannot be reached.'
          : 'Paved answered with an error.';
  return (
    <div className="alert" role="alert">
      <strong>{what}</strong> {error.message}
    </div>
  );
}

export function Loading({ what }) {
  return <p role="status">Loading {what}…</p>;
}

export function Status({ value }) {
  return <span className={`status status-${String(value).toLowerCase()}`}>{value}</span>;
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

export function duration(from, to) {
  if (!from) return '';
  const ms = (to ? new Date(to) : new Date()) - new Date(from);
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Approve or reject with a comment: the one control wherever a person decides on a request. */
export function DecisionForm({ id, onDecide }) {
  const [comment, setComment] = useState('');
  return (
    <>
      <label htmlFor={id}>Comment</label>
      <textarea id={id} value={comment} onChange={(e) => setComment(e.target.value)} />
      <div className="buttons">
        <button type="button" className="primary" onClick={() => onDecide('approve', comment)}>
          Approve
        </button>
        <button type="button" onClick={() => onDecide('reject', comment)}>
          Reject
        </button>
      </div>
    </>
  );
}

/** Who decided, what, when and why: a run's approval step or an access request alike. */
export function Decisions({ decisions }) {
  return (
    <ul>
      {(decisions || []).map((d, i) => (
        <li key={i}>
          {d.by} {d.decision === 'approve' ? 'approved' : 'rejected'} at {when(d.at)}
          {d.comment ? `: “${d.comment}”` : ''}
        </li>
      ))}
    </ul>
  );
}
