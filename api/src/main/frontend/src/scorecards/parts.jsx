// Small pieces every scorecard page shares: a rule's mark, a level's badge, a team's link.
import { Link } from '../router.jsx';
import { resultLabel, teamName, teamPath } from './model.js';

const SYMBOLS = { pass: '✓', fail: '✗', unknown: '?', waived: '–' };

/** A rule's result: a coloured mark with a symbol (never colour alone) and its word. */
export function Mark({ result, compact }) {
  const known = SYMBOLS[result] ? result : 'unknown';
  const label = resultLabel(known);
  return (
    <span className={`mark mark-${known}`} title={label} data-result={known}>
      <span aria-hidden="true" className="mark-symbol">{SYMBOLS[known]}</span>
      {compact ? <span className="visually-hidden">{label}</span> : <span className="mark-word">{label}</span>}
    </span>
  );
}

/** The level an entity holds, or "No level" when it holds none. */
export function LevelBadge({ level }) {
  const name = level || 'none';
  return (
    <span className={`level level-${String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`} data-level={name}>
      {level || 'No level'}
    </span>
  );
}

/** An owner (`team-a` or `group:default/team-a`) as its team's name, linking to the team's page. */
export function TeamLink({ owner }) {
  const path = teamPath(owner);
  if (!path) return <span>{owner || ''}</span>;
  return <Link to={path} title={`The scorecards of team ${teamName(owner)}`}>{teamName(owner)}</Link>;
}
