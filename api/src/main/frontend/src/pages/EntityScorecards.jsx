// The entity page's scorecards: its level in each, every rule's mark, the reason, the fix when it
// fails, and the facts the rule read, shown on demand.
import { api } from '../api.js';
import { ErrorMessage, Loading, useLoad, when } from '../common.jsx';
import { Link } from '../router.jsx';
import { LevelBadge, Mark } from '../scorecards/parts.jsx';

function Facts({ facts }) {
  const names = Object.keys(facts || {});
  if (names.length === 0) return null;
  return (
    <details className="facts">
      <summary>Facts used</summary>
      <dl className="review">
        {names.map((n) => {
          const f = facts[n] || {};
          return (
            <div className="row" key={n}>
              <dt><code>{n}</code></dt>
              <dd>
                {f.value == null ? <span className="muted">unknown</span> : String(f.value)}
                {f.detail && <div>{f.detail}</div>}
                <div className="muted">{[f.source, when(f.observedAt)].filter(Boolean).join(' · ')}</div>
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

/** The API's result is the mark: a waiver in force turns a fail or unknown into waived. */
function Rule({ rule }) {
  const mark = rule.result;
  return (
    <li className={`rule rule-${mark}`}>
      <div>
        <Mark result={mark} /> <strong>{rule.title || rule.id}</strong> <span className="muted">{rule.level}</span>
      </div>
      {rule.reason && <div className="reason">{rule.reason}</div>}
      {rule.result === 'fail' && rule.fix && (
        <div className="fix"><strong>How to fix:</strong> {rule.fix}</div>
      )}
      {rule.waiver && (
        <div className="muted">
          Waived{rule.waiver.approvedBy ? ` by ${rule.waiver.approvedBy}` : ''}
          {rule.waiver.expiresAt ? ` until ${when(rule.waiver.expiresAt)}` : ''}: {rule.waiver.reason}
        </div>
      )}
      <Facts facts={rule.facts} />
    </li>
  );
}

function Scorecard({ card }) {
  const headingId = `scorecard-${card.id}`;
  return (
    <article className="card scorecard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/scorecards/${encodeURIComponent(card.id)}`}>{card.title || card.id}</Link>{' '}
        <LevelBadge level={card.level} />
      </h3>
      <p className="muted">
        {card.nextLevel ? `Next: ${card.nextLevel}. ` : ''}
        {card.evaluatedAt ? `Evaluated ${when(card.evaluatedAt)}.` : 'Not evaluated yet.'}
      </p>
      <ul className="rules" aria-label={`Rules of ${card.title || card.id}`}>
        {(card.rules || []).map((r) => (
          <Rule key={r.id} rule={r} />
        ))}
      </ul>
    </article>
  );
}

export function EntityScorecards({ kind, namespace, name }) {
  const { data, error } = useScores(kind, namespace, name);
  const cards = data?.scorecards || [];
  return (
    <section aria-label="Scorecards">
      <h2>Scorecards</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="the scorecards" />}
      {data && cards.length === 0 && <p role="status">No scorecard has graded this entity yet.</p>}
      {cards.map((c) => (
        <Scorecard key={c.id} card={c} />
      ))}
    </section>
  );
}

function useScores(kind, namespace, name) {
  return useLoad(() => api.entityScores(kind, namespace, name), [kind, namespace, name]);
}
