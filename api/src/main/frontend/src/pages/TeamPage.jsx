// A team's page: its services and the level each holds in every scorecard.
import { api } from '../api.js';
import { ErrorMessage, Loading, useLoad } from '../common.jsx';
import { Link, useTitle } from '../router.jsx';
import { entityName, entityPath } from '../scorecards/model.js';
import { LevelBadge } from '../scorecards/parts.jsx';

const LIMIT = 500;

/** Every scorecard's summary for the team, merged into one row per service. */
async function loadTeam(name) {
  const { items: cards } = await api.scorecards();
  const summaries = await Promise.all(cards.map((c) => api.scorecardSummary(c.id, { owner: name, limit: LIMIT })));
  const services = new Map();
  summaries.forEach((s, i) => {
    for (const item of s.items || []) {
      const row = services.get(item.entity) || { entity: item.entity, title: item.title, levels: {} };
      row.levels[cards[i].id] = item.level || null;
      services.set(item.entity, row);
    }
  });
  const rows = [...services.values()].sort((a, b) => entityName(a.entity).localeCompare(entityName(b.entity)));
  return { cards, rows, truncated: summaries.some((s) => s.nextCursor) };
}

export function TeamPage({ name }) {
  useTitle(`Team ${name}`);
  const { data, error } = useLoad(() => loadTeam(name), [name]);
  return (
    <>
      <p className="crumbs">
        <Link to="/scorecards">Scorecards</Link> / team {name}
      </p>
      <h1>Team {name}</h1>
      <p>
        <Link to={`/catalog/group/default/${encodeURIComponent(name)}`}>The team in the catalog</Link>
      </p>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="the team's services" />}
      {data && data.rows.length === 0 && <p role="status">No service of this team is graded by a scorecard.</p>}
      {data && data.rows.length > 0 && (
        <div className="table-scroll" role="region" tabIndex={0} aria-label="Services table, scrolls sideways">
          <table className="grid" aria-label="Services of the team">
            <thead>
              <tr>
                <th scope="col">Service</th>
                {data.cards.map((c) => (
                  <th scope="col" key={c.id}>
                    <Link to={`/scorecards/${encodeURIComponent(c.id)}?owner=${encodeURIComponent(name)}`}>{c.title || c.id}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.entity}>
                  <th scope="row">
                    <Link to={entityPath(row.entity)}>{row.title || entityName(row.entity)}</Link>
                  </th>
                  {data.cards.map((c) => (
                    <td key={c.id}>
                      {c.id in row.levels ? <LevelBadge level={row.levels[c.id]} /> : <span className="muted">not graded</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data?.truncated && <p className="muted">Only the first {LIMIT} services of each scorecard are shown.</p>}
    </>
  );
}
