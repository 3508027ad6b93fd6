// One run: a live timeline over its server-sent events, and the buttons its viewer may use.
import { useEffect, useMemo, useState } from 'react';
import { Stepper } from '../form/Stepper.jsx';
import { templateSteps } from '../form/useTemplateSteps.js';
import { api } from '../api.js';
import { DecisionForm, Decisions, ErrorMessage, Loading, Status, duration, useLoad, when } from '../common.jsx';
import { Link, navigate, useTitle } from '../router.jsx';
import { useMe } from '../me.jsx';

const ENDED = ['COMPLETED', 'ROLLED_BACK', 'FAILED', 'CANCELLED', 'REJECTED', 'EXPIRED'];

function useLiveRun(id) {
  const { data, error, reload } = useLoad(() => api.run(id), [id]);
  const [run, setRun] = useState(null);
  const [live, setLive] = useState(false);
  useEffect(() => setRun(data), [data]);
  const ended = run && ENDED.includes(run.status);
  useEffect(() => {
    if (ended) return undefined;
    // every event re-reads the run, so the page shows exactly what the API answers
    const source = new EventSource(api.runEventsUrl(id));
    const refresh = () => api.run(id).then(setRun).catch(() => {});
    source.onopen = () => setLive(true);
    source.addEventListener('run', refresh);
    source.addEventListener('step', refresh);
    source.onmessage = refresh;
    source.onerror = () => {
      setLive(false);
      refresh(); // the stream ends with the run; EventSource reconnects otherwise
    };
    return () => source.close();
  }, [id, ended]);
  return { run, setRun, error, reload, live };
}

function links(run) {
  const out = [];
  for (const link of run.output?.links || []) {
    if (link.entityRef) {
      const m = /^([^:]+):([^/]+)\/(.+)$/.exec(link.entityRef);
      if (m) out.push({ title: link.title || 'Catalog entry', to: `/catalog/${m[1].toLowerCase()}/${m[2]}/${m[3]}` });
    } else if (link.url) {
      out.push({ title: link.title || link.url, href: link.url });
    }
  }
  return out;
}

function StepOutput({ output }) {
  const urls = Object.entries(output || {}).filter(([, v]) => typeof v === 'string' && /^(https?|file):/.test(v));
  if (!urls.length) return null;
  return (
    <ul className="inline">
      {urls.map(([k, v]) => (
        <li key={k}>
          <a href={v}>{k}</a>
        </li>
      ))}
    </ul>
  );
}

function Approval({ run, approval, me, onDone }) {
  const [error, setError] = useState(null);
  const mayDecide =
    approval.outcome === 'PENDING' &&
    me &&
    me.name !== run.requestedBy &&
    !(approval.decisions || []).some((d) => d.by === me.name) &&
    (approval.approvers || []).some((g) => {
      const group = String(g).replace(/^group:(default\/)?/, '');
      return (me.groups || []).includes(group);
    });
  const decide = async (decision, comment) => {
    setError(null);
    try {
      onDone(await api.decideRun(run.id, decision, comment));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-label={`Approval ${approval.step}`}>
      <h2>Approval: {approval.message || approval.step}</h2>
      <p>
        <Status value={approval.outcome} /> {approval.approvals}/{approval.minApprovals} approvals from{' '}
        {(approval.approvers || []).join(', ')}; waits until {when(approval.deadline)}
      </p>
      <Decisions decisions={approval.decisions} />
      {mayDecide && (
        <div className="decide">
          <DecisionForm id="approval-comment" onDecide={decide} />
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/** The parameters a retry may not change: they name the service and its team. */
const FIXED = ['name', 'owner'];

/**
 * Retry the failed step through the template's own form, prefilled with the run's parameters
 * (name and owner read-only); only changed values are sent, and a 400 shows at its field.
 */
function RetryForm({ run, onRetried, onClose }) {
  const { data: template, error } = useLoad(() => api.template(run.template), [run.template]);
  const steps = useMemo(() => {
    const all = templateSteps(template);
    for (const step of all) {
      for (const name of FIXED) {
        if (step.schema.properties?.[name]) step.uiSchema[name] = { ...step.uiSchema[name], 'ui:readonly': true };
      }
    }
    return all;
  }, [template]);
  const original = run.parameters || {};
  return (
    <section className="card" aria-labelledby="retry-title">
      <h2 id="retry-title">Retry from {run.failedStep || 'the failed step'}</h2>
      <p className="muted">Correct a parameter if it caused the failure; the failed step and those after it use the new value.</p>
      <ErrorMessage error={error} />
      {!template && !error && <Loading what="the template's form" />}
      {template && (
        <Stepper
          steps={steps}
          initialData={original}
          submitLabel="Retry"
          onCreate={async (values) => {
            const changed = Object.fromEntries(
              Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(original[k])),
            );
            onRetried(await api.runAction(run.id, 'retry', { parameters: changed }));
          }}
        />
      )}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Close the form
        </button>
      </div>
    </section>
  );
}

export function RunPage({ id }) {
  const { run, setRun, error, live } = useLiveRun(id);
  const me = useMe();
  const [actionError, setActionError] = useState(null);
  const [retrying, setRetrying] = useState(false);
  useTitle(run ? `Run ${run.serviceKey || run.id}: ${run.status}` : `Run ${id}`);
  if (error && !run) return <ErrorMessage error={error} />;
  if (!run) return <Loading what="the run" />;

  const owner = String(run.parameters?.owner || '').replace(/^group:(default\/)?/, '');
  const mayAct = me && (me.platform || (owner && (me.groups || []).includes(owner)));
  const act = async (action, body) => {
    setActionError(null);
    try {
      const answer = await api.runAction(run.id, action, body);
      if (action === 'rerun') navigate(`/runs/${answer.id}`);
      else setRun(answer);
    } catch (e) {
      setActionError(e);
    }
  };
  const attention = run.status === 'NEEDS_ATTENTION';
  const rollingBack = run.status === 'ROLLING_BACK';
  const ended = ENDED.includes(run.status);
  return (
    <>
      <p className="crumbs">
        <Link to="/runs">Runs</Link> / {run.id}
      </p>
      <h1>
        {run.serviceKey || run.template} <Status value={run.status} />
      </h1>
      <p className="muted">
        {run.template} · asked by {run.requestedBy} at {when(run.createdAt)}
        {run.rerunOf && (
          <>
            {' '}· re-run of <Link to={`/runs/${run.rerunOf}`}>{run.rerunOf}</Link>
          </>
        )}
        {!ended && <span className="live"> · {live ? 'following live' : 'reconnecting…'}</span>}
      </p>
      {run.error && (
        <div className="alert" role="alert">
          <strong>{run.failedStep ? `Step ${run.failedStep} failed:` : 'Error:'}</strong> {run.error}
        </div>
      )}
      {links(run).length > 0 && (
        <nav aria-label="Made by this run" className="card">
          <ul className="inline">
            {links(run).map((l) => (
              <li key={l.title}>{l.to ? <Link to={l.to}>{l.title}</Link> : <a href={l.href}>{l.title}</a>}</li>
            ))}
          </ul>
        </nav>
      )}
      {(run.approvals || []).map((a) => (
        <Approval key={a.step} run={run} approval={a} me={me} onDone={setRun} />
      ))}
      <h2>Timeline</h2>
      <ol className="timeline" aria-label="Timeline">
        {(run.steps || []).map((s) => (
          <li key={s.id} className={`step step-${s.status.toLowerCase()}`} aria-label={`${s.name || s.id}: ${s.status}`}>
            <div className="step-head">
              <Status value={s.status} /> <strong>{s.name || s.id}</strong> <code>{s.action}</code>
            </div>
            <div className="muted">
              {s.attempts > 0 && `${s.attempts} attempt${s.attempts > 1 ? 's' : ''}`}
              {s.startedAt && ` · ${duration(s.startedAt, s.endedAt)}`}
            </div>
            {s.error && (
              <p className="error">
                {s.errorType && <code>{s.errorType}</code>} {s.error}
              </p>
            )}
            <StepOutput output={s.output} />
            {s.undo && <Undo undo={s.undo} />}
          </li>
        ))}
      </ol>
      {mayAct && attention && retrying && (
        <RetryForm
          run={run}
          onClose={() => setRetrying(false)}
          onRetried={(answer) => {
            setRetrying(false);
            setRun(answer);
          }}
        />
      )}
      {mayAct && (
        <div className="buttons" aria-label="Run actions">
          {attention && !retrying && (
            <button type="button" className="primary" onClick={() => setRetrying(true)}>
              Retry
            </button>
          )}
          {attention && (
            <button type="button" onClick={() => act('rollback')}>
              Roll back
            </button>
          )}
          {rollingBack && (
            <button type="button" className="primary" onClick={() => act('rollback')}>
              Try the undos left now
            </button>
          )}
          {!ended && !rollingBack && (
            <button type="button" onClick={() => act('cancel')}>
              Cancel
            </button>
          )}
          {ended && (
            <button type="button" onClick={() => act('rerun')}>
              Re-run
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={actionError} />
      <details>
        <summary>Parameters</summary>
        <dl className="review">
          {Object.entries(run.parameters || {}).map(([k, v]) => (
            <div className="row" key={k}>
              <dt>{k}</dt>
              <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}

const UNDO_WORDS = {
  UNDOING: 'undoing',
  UNDONE: 'undone',
  NOTHING_TO_UNDO: 'nothing to undo: the step made nothing',
  RETRYING: 'left: tried again later',
  GAVE_UP: 'gave up: may be left behind',
};

/** The undo of a step once the run rolls back: its state, attempts, next try and last error. */
function Undo({ undo }) {
  return (
    <div className={`undo undo-${undo.status.toLowerCase()}`} aria-label={`Undo: ${undo.status}`}>
      <span className="muted">
        Undo: <Status value={undo.status} /> {UNDO_WORDS[undo.status] || ''}
        {undo.attempts > 0 && ` · ${undo.attempts} attempt${undo.attempts > 1 ? 's' : ''}`}
        {undo.nextTryAt && ` · next try ${when(undo.nextTryAt)}`}
      </span>
      {undo.effects?.length > 0 && (
        <p className="muted">
          may exist: <code>{undo.effects.join(', ')}</code>
        </p>
      )}
      {undo.error && <p className="error">{undo.error}</p>}
    </div>
  );
}
