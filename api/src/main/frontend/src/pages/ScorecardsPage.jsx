// The scorecards Paved grades the catalog with, each with its fleet's levels.
import { api } from '../api.js';
import { ErrorMessage, Loading, useLoad } from '../common.jsx';
import { Link, useTitle } from '../router.jsx';
import { levelCounts } from '../scorecards/model.js';
import { LevelBadge } from '../scorecards/parts.jsx';

function FleetLevels({ card }) {
  const { data, error } = useLoad(() => api.scorecardSummary(card.id, { limit: 1 }), [card.id]);
  if (error) return <p className="muted">The levels cannot be read: {error.message}</p>;
  if (!data) return <Loading what="the levels" />;
  return (
    <ul className="level-counts" aria-label={`Levels of ${card.title || card.id}`}>
      {levelCounts(card.levels, data.levels).map(({ level, count }) => (
        <li key={level}>
          <LevelBadge level={level === 'none' ? null : level} /> <span className="count-of">{count}</span>
        </li>
      ))}
    </ul>
  );
}

export function ScorecardsPage() {
  useTitle('Scorecards');
  const { data, error } = useLoad(() => api.scorecards(), []);
  return (
    <>
      <h1>Scorecards</h1>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="the scorecards" />}
      {data && data.items.length === 0 && (
        <p role="status">No scorecard is loaded. Platform teams declare them as YAML files (docs/scorecards.md).</p>
      )}
      <ul className="list" aria-label="Scorecards">
        {(data?.items || []).map((c) => (
          <li key={c.id}>
            <Link to={`/scorecards/${encodeURIComponent(c.id)}`}>{c.title || c.id}</Link>{' '}
            <span className="muted">{(c.rules || []).length} rules · {(c.levels || []).join(', ')}</span>
            {c.description && <div>{c.description}</div>}
            <FleetLevels card={c} />
          </li>
        ))}
      </ul>
      {data?.refused?.length > 0 && (
        <section aria-label="Refused scorecards">
          <h2>Refused</h2>
          <p>These files do not load; the scorecards above are graded without them.</p>
          <ul className="list">
            {data.refused.map((r) => (
              <li key={r.file}>
                <code>{r.file}</code>{r.id ? ` (${r.id})` : ''}
                <ul>
                  {(r.problems || []).map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
