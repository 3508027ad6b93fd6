// Production access: ask for it, follow my requests, decide or revoke one.
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { DecisionForm, Decisions, ErrorMessage, Loading, Status, useLoad, when } from '../common.jsx';
import { entityRef } from '../fields/EntityPicker.jsx';
import { useMe } from '../me.jsx';
import { Link, navigate, useTitle } from '../router.jsx';

function timeLeft(expiresAt) {
  if (!expiresAt) return '';
  const min = Math.round((new Date(expiresAt) - new Date()) / 60000);
  return min <= 0 ? 'ended' : min < 60 ? `${min} min left` : `${Math.floor(min / 60)} h ${min % 60} min left`;
}

const ENVIRONMENTS = { production: 'production', staging: 'staging' };
const ROLES = { read: 'read', write: 'write', admin: 'admin' };
const DURATIONS = { PT30M: '30 minutes', PT1H: '1 hour', PT2H: '2 hours', PT4H: '4 hours', PT8H: '8 hours' };

/** A labelled select of fixed options: value to the text shown. */
function Choice({ id, label, value, onChange, options }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        {Object.entries(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function RequestForm() {
  const me = useMe();
  const { data: services } = useLoad(() => api.entities({ kind: 'component' }), []);
  const [form, setForm] = useState({ service: '', environment: 'production', role: 'read', duration: 'PT1H', reason: '', breakGlass: false });
  const [error, setError] = useState(null);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const made = await api.requestAccess(form);
      navigate(`/access/${made.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="ask-title">
      <h2 id="ask-title">Ask for access</h2>
      <div className="field">
        <label htmlFor="access-service">Service</label>
        <select id="access-service" value={form.service} onChange={set('service')} required>
          <option value="">{services ? 'Choose a service' : 'Loading the catalog…'}</option>
          {(services || []).map((s) => (
            <option key={entityRef(s)} value={entityRef(s)}>
              {s.metadata?.name} ({s.spec?.owner})
            </option>
          ))}
        </select>
      </div>
      <Choice id="access-environment" label="Environment" value={form.environment} onChange={set('environment')} options={ENVIRONMENTS} />
      <Choice id="access-role" label="Role" value={form.role} onChange={set('role')} options={ROLES} />
      <Choice id="access-duration" label="Duration" value={form.duration} onChange={set('duration')} options={DURATIONS} />
      <div className="field">
        <label htmlFor="access-reason">Reason</label>
        <textarea id="access-reason" value={form.reason} onChange={set('reason')} required />
      </div>
      {(me?.groups || []).includes('sre') && (
        <div className="field breakglass">
          <input id="access-breakglass" type="checkbox" checked={form.breakGlass} onChange={set('breakGlass')} />
          <label htmlFor="access-breakglass">Break glass: access at once, reviewed afterwards (on call only)</label>
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="buttons">
        <button type="submit" className="primary">
          Ask for access
        </button>
      </div>
    </form>
  );
}

export function AccessPage() {
  useTitle('Production access');
  const { data, error } = useLoad(() => api.accessRequests({ mine: true }), []);
  return (
    <>
      <h1>Production access</h1>
      <RequestForm />
      <h2>My requests</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="your requests" />}
      {data && data.length === 0 && <p>You have asked for no access yet.</p>}
      <ul className="list" aria-label="My requests">
        {(data || []).map((r) => (
          <li key={r.id}>
            <Link to={`/access/${r.id}`}>
              {r.role} on {r.service} ({r.environment})
            </Link>{' '}
            <Status value={r.status} /> <span className="muted">{r.status === 'ACTIVE' && timeLeft(r.expiresAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function AccessRequestPage({ id }) {
  const me = useMe();
  const { data: loaded, error } = useLoad(() => api.accessRequest(id), [id]);
  const [request, setRequest] = useState(null);
  const [actionError, setActionError] = useState(null);
  const r = request || loaded;
  const open = r && (r.status === 'PENDING' || r.status === 'ACTIVE');
  useEffect(() => {
    if (!open) return undefined;
    // decisions of others and the end of the grant show up without a reload
    const timer = setInterval(() => api.accessRequest(id).then(setRequest).catch(() => {}), 3000);
    return () => clearInterval(timer);
  }, [id, open]);
  useTitle(r ? `Access ${r.role} on ${r.service}: ${r.status}` : 'Access request');
  if (error) return <ErrorMessage error={error} />;
  if (!r) return <Loading what="the access request" />;
  const act = async (action, body) => {
    setActionError(null);
    try {
      setRequest(await api.accessAction(r.id, action, body));
    } catch (e) {
      setActionError(e);
    }
  };
  const approver =
    me && me.name !== r.requestedBy && (r.approvers?.groups || []).some((g) => (me.groups || []).includes(g));
  return (
    <>
      <p className="crumbs">
        <Link to="/access">Production access</Link> / {r.id}
      </p>
      <h1>
        {r.role} on {r.service} <Status value={r.status} />
      </h1>
      {r.breakGlass && <p className="alert">Break-glass access: granted at once, reviewed afterwards.</p>}
      <dl className="review">
        <div className="row"><dt>Environment</dt><dd>{r.environment}</dd></div>
        <div className="row"><dt>Asked by</dt><dd>{r.requestedBy} at {when(r.createdAt)}</dd></div>
        <div className="row"><dt>Reason</dt><dd>{r.reason}</dd></div>
        <div className="row"><dt>Duration</dt><dd>{r.duration}</dd></div>
        <div className="row"><dt>Approvers</dt><dd>{(r.approvers?.groups || []).join(', ')} ({r.approvers?.approvals ?? 0}/{r.approvers?.quorum})</dd></div>
        {r.expiresAt && <div className="row"><dt>Time left</dt><dd>{timeLeft(r.expiresAt)} (until {when(r.expiresAt)})</dd></div>}
        {r.endedAt && <div className="row"><dt>Ended</dt><dd>{when(r.endedAt)} {r.endedBy && `by ${r.endedBy}`} {r.endReason}</dd></div>}
      </dl>
      <Decisions decisions={r.decisions} />
      {r.status === 'PENDING' && approver && (
        <div className="card">
          <DecisionForm
            id="access-comment"
            onDecide={(decision, comment) => act('approval', { decision, comment })}
          />
        </div>
      )}
      <div className="buttons">
        {r.status === 'ACTIVE' && (me?.name === r.requestedBy || me?.platform || approver) && (
          <button type="button" onClick={() => act('revoke', {})}>
            Revoke
          </button>
        )}
        {r.status === 'PENDING' && me?.name === r.requestedBy && (
          <button type="button" onClick={() => act('cancel', {})}>
            Cancel request
          </button>
        )}
      </div>
      <ErrorMessage error={actionError} />
    </>
  );
}
