// One scorecard across the fleet or one team: level counts, pass rate per rule, the trend and the
// seed's table (checks as rows, services as columns, or the reverse). The address keeps the team
// and the table's shape (`?owner=&rows=services`), so a pasted link opens the same view.
import { lazy, Suspense, useMemo, useState } from 'react';
import { api } from '../api.js';
import { ErrorMessage, Loading, useLoad, when } from '../common.jsx';
import { Link, navigate, useLocation, useTitle } from '../router.jsx';
import { csvHref, entityName, entityPath, fleetTable, levelCounts, percent, teamName, trendSeries } from '../scorecards/model.js';
import { LevelBadge, Mark, TeamLink } from '../scorecards/parts.jsx';
import { Fallback } from './CatalogPage.jsx';
import { Initiatives } from '../scorecards/Initiatives.jsx';

const TrendChart = lazy(() => import('../lazy/TrendChart.jsx'));

const PAGE = 200;

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function Levels({ levels, counts }) {
  return (
    <ul className="level-counts" aria-label="Levels">
      {levelCounts(levels, counts).map(({ level, count }) => (
        <li key={level}>
          <LevelBadge level={level === 'none' ? null : level} /> <span className="count-of">{count}</span>
        </li>
      ))}
    </ul>
  );
}

function RuleRates({ rules }) {
  return (
    <table className="grid" aria-label="Pass rate per rule">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Level</th>
          <th scope="col">Pass</th>
          <th scope="col">Fail</th>
          <th scope="col">Unknown</th>
          <th scope="col">Waived</th>
          <th scope="col">Pass rate</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.title || r.id}</th>
            <td>{r.level}</td>
            <td>{r.pass}</td>
            <td>{r.fail}</td>
            <td>{r.unknown}</td>
            <td>{r.waived}</td>
            <td>{r.pass + r.fail + r.waived > 0 ? percent(r.passRate) : <span title="no entity passed or failed it yet">–</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Trend({ id, owner, levels }) {
  const { data, error } = useLoad(() => api.scorecardTrend(id, { owner, days: 90 }), [id, owner]);
  const points = data?.points || [];
  const series = useMemo(() => trendSeries(points, levels), [data, levels]);
  return (
    <section aria-label="Trend">
      <h2>Trend</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="the trend" />}
      {data && points.length === 0 && <p role="status">No history yet: the trend starts with the first evaluation.</p>}
      {points.length > 0 && (
        <figure className="trend">
          <Fallback key={`${id}?${owner}`} what="The chart">
            <Suspense fallback={<Loading what="the chart" />}>
              <TrendChart series={series} label={`Pass rate and levels over ${points.length} days`} />
            </Suspense>
          </Fallback>
          <figcaption className="muted">Pass rate (left axis) and entities per level (right axis), a point a day.</figcaption>
          <details>
            <summary>The trend as a table</summary>
            <table className="grid" aria-label="Trend by day">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Entities</th>
                  <th scope="col">Pass rate</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">{String(p.date).slice(0, 10)}</th>
                    <td>{p.entities}</td>
                    <td>{percent(p.passRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      )}
    </section>
  );
}

function Entity({ item }) {
  const path = entityPath(item.entity);
  const name = item.title || entityName(item.entity);
  return path ? <Link to={path}>{name}</Link> : <span>{name}</span>;
}

function Fleet({ summary, rows }) {
  const table = fleetTable(summary, rows);
  if ((summary.items || []).length === 0) return <p role="status">No entity is graded by this scorecard here.</p>;
  if (rows === 'services') {
    return (
      <div className="table-scroll" role="region" tabIndex={0} aria-label="Fleet table, scrolls sideways">
        <table className="grid fleet" aria-label="Fleet">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Owner</th>
              <th scope="col">Level</th>
              {table.columns.map((c) => (
                <th scope="col" key={c.key}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row"><Entity item={row.item} /></th>
                <td><TeamLink owner={row.item.owner} /></td>
                <td><LevelBadge level={row.item.level} /></td>
                {row.cells.map((result, i) => (
                  <td key={table.columns[i].key}><Mark result={result} compact /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label="Fleet table, scrolls sideways">
      <table className="grid fleet" aria-label="Fleet">
        <thead>
          <tr>
            <th scope="col">Check</th>
            {table.columns.map((c) => (
              <th scope="col" key={c.key}><Entity item={c.item} /></th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Owner</th>
            {table.columns.map((c) => (
              <td key={c.key}><TeamLink owner={c.item.owner} /></td>
            ))}
          </tr>
          <tr>
            <th scope="row">Level</th>
            {table.columns.map((c) => (
              <td key={c.key}><LevelBadge level={c.item.level} /></td>
            ))}
          </tr>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label} <span className="muted">{row.rule.level}</span></th>
              {row.cells.map((result, i) => (
                <td key={table.columns[i].key}><Mark result={result} compact /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The fleet's summary, a page at a time ("Show more" asks for the next). */
function useSummary(id, owner) {
  const [more, setMore] = useState({ key: null, items: [], cursor: null });
  const key = `${id}?${owner}`;
  const { data, error } = useLoad(() => api.scorecardSummary(id, { owner, limit: PAGE }), [id, owner]);
  const extra = more.key === key ? more : { key, items: [], cursor: null };
  const [moreError, setMoreError] = useState(null);
  const cursor = extra.cursor ?? data?.nextCursor;
  const loadMore = () =>
    api
      .scorecardSummary(id, { owner, limit: PAGE, cursor })
      .then((next) => setMore({ key, items: [...extra.items, ...(next.items || [])], cursor: next.nextCursor || '' }))
      .catch(setMoreError);
  const summary = data && { ...data, items: [...(data.items || []), ...extra.items] };
  return { summary, error: error || moreError, loadMore: cursor ? loadMore : null };
}

export function ScorecardPage({ id }) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const owner = params.get('owner') || '';
  const rows = params.get('rows') === 'services' ? 'services' : 'checks';
  const go = (change) => {
    const next = new URLSearchParams({ owner, rows, ...change });
    if (!next.get('owner')) next.delete('owner');
    if (next.get('rows') === 'checks') next.delete('rows');
    navigate(`/scorecards/${encodeURIComponent(id)}${next.toString() ? `?${next}` : ''}`);
  };
  const { data: card, error: cardError } = useLoad(() => api.scorecard(id), [id]);
  const { data: fleet } = useLoad(() => api.scorecardSummary(id, { limit: PAGE }), [id]);
  const { summary, error, loadMore } = useSummary(id, owner);
  useTitle(card?.title || id);
  if (cardError) return <ErrorMessage error={cardError} />;
  if (!card) return <Loading what="the scorecard" />;
  const owners = [...new Set([...(fleet?.items || []).map((i) => i.owner), owner].filter(Boolean))].sort();
  return (
    <>
      <p className="crumbs">
        <Link to="/scorecards">Scorecards</Link> / {card.title || id}
      </p>
      <h1>{card.title || id}</h1>
      {card.description && <p>{card.description}</p>}
      <div className="filters">
        <div className="field">
          <label htmlFor="scorecard-team">Team</label>
          <select id="scorecard-team" value={owner} onChange={(e) => go({ owner: e.target.value })}>
            <option value="">Every team</option>
            {owners.map((o) => (
              <option key={o} value={o}>{teamName(o) || o}</option>
            ))}
          </select>
        </div>
        <div className="field rows-choice" role="radiogroup" aria-labelledby="scorecard-rows">
          <span id="scorecard-rows" className="control-label">Rows</span>
          <div className="inline">
            {[['checks', 'Checks'], ['services', 'Services']].map(([value, label]) => (
              <label key={value} className="choice">
                <input type="radio" name="scorecard-rows" value={value} checked={rows === value} onChange={() => go({ rows: value })} /> {label}
              </label>
            ))}
          </div>
        </div>
      </div>
      <p>
        <a href={csvHref(id, owner)} download>Download results (CSV)</a> <span className="muted">every entity's latest result per rule, for auditors</span>
      </p>
      <ErrorMessage error={error} />
      {!summary && !error && <Loading what="the results" />}
      {summary && (
        <>
          <p className="muted">
            {count(summary.entities ?? (summary.items || []).length, 'entity', 'entities')}
            {owner ? <> of <TeamLink owner={owner} /></> : ''}
            {summary.evaluatedAt ? `, evaluated ${when(summary.evaluatedAt)}` : ', not evaluated yet'}.
          </p>
          <Levels levels={card.levels} counts={summary.levels} />
          <h2>Results</h2>
          <Fleet summary={summary} rows={rows} />
          {loadMore && <button type="button" onClick={loadMore}>Show more</button>}
          <h2>Rules</h2>
          <RuleRates rules={summary.rules || []} />
        </>
      )}
      <Trend id={id} owner={owner} levels={card.levels} />
      <Initiatives id={id} />
    </>
  );
}
