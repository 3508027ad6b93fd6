// A scorecard's initiatives: what the platform asked of a set of services by a deadline, and how
// many meet it today.
import { api } from '../api.js';
import { ErrorMessage, Loading, useLoad, when } from '../common.jsx';

function targetText(target) {
  if (target?.level) return `${target.level} or higher`;
  const rules = target?.rules || [];
  return rules.length === 1 ? `rule ${rules[0]} passing` : `rules ${rules.join(', ')} passing`;
}

function Initiative({ item }) {
  const percent = item.total ? Math.round((100 * item.meeting) / item.total) : 0;
  const overdue = new Date(item.deadline) < new Date() && item.meeting < item.total;
  return (
    <li className="card" aria-label={item.title}>
      <h3>{item.title}</h3>
      <p className="muted">
        {targetText(item.target)}
        {item.filter?.length ? ` for ${item.filter.join(' or ')}` : ' for every service graded'}, by {when(item.deadline)}
        {overdue && <strong> · past its deadline</strong>}
      </p>
      <p>
        <progress max={item.total || 1} value={item.meeting} aria-label={`${item.title}: progress`} />{' '}
        <span data-progress={`${item.meeting}/${item.total}`}>
          {item.meeting} of {item.total} meet it ({percent} %)
        </span>
      </p>
    </li>
  );
}

/** The initiatives of one scorecard, newest deadline last; nothing when there are none. */
export function Initiatives({ id }) {
  const { data, error } = useLoad(() => api.scorecardInitiatives(id), [id]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading what="the initiatives" />;
  if (data.length === 0) return null;
  const sorted = [...data].sort((a, b) => String(a.deadline).localeCompare(String(b.deadline)));
  return (
    <section aria-labelledby="initiatives-heading">
      <h2 id="initiatives-heading">Initiatives</h2>
      <ul className="plain">
        {sorted.map((item) => (
          <Initiative key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
