// What the scorecard pages compute from the API's answers (docs/scorecards.md, "API"): kept free
// of React so node --test checks it.

/** A rule's result as a person reads it; the mark's class is `mark-<result>`. */
export const RESULTS = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
  waived: 'Waived',
};

export function resultLabel(result) {
  return RESULTS[result] || 'Unknown';
}

/** The team's name of an owner as the catalog writes it (`team-a` or `group:default/team-a`). */
export function teamName(owner) {
  const m = /^(?:group:)?(?:[^/:]+\/)?([^/:]+)$/i.exec(String(owner || '').trim());
  return m ? m[1] : null;
}

/** The portal's address of a team's page, or null for no owner. */
export function teamPath(owner) {
  const name = teamName(owner);
  return name ? `/teams/${encodeURIComponent(name)}` : null;
}

/** The portal's address of an entity from its ref (`kind:namespace/name`; namespace optional). */
export function entityPath(ref) {
  const m = /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(String(ref || ''));
  return m ? `/catalog/${m[1].toLowerCase()}/${m[2] || 'default'}/${m[3]}` : null;
}

/** An entity's name from its ref, for column headers. */
export function entityName(ref) {
  const m = /^(?:[^:]+:)?(?:[^/]+\/)?(.+)$/.exec(String(ref || ''));
  return m ? m[1] : String(ref || '');
}

/** A pass rate (percent, 0 to 100, as the API gives it) to one decimal; empty when none. */
export function percent(rate) {
  return rate == null || Number.isNaN(Number(rate)) ? '' : `${Math.round(Number(rate) * 10) / 10} %`;
}

/** A summary's level counts in the scorecard's order, highest first, then `none`. */
export function levelCounts(levels, counts) {
  const order = [...(levels || [])].reverse();
  const known = new Set(order);
  const extra = Object.keys(counts || {}).filter((k) => !known.has(k) && k !== 'none');
  return [...order, ...extra, 'none'].map((level) => ({ level, count: (counts || {})[level] ?? 0 }));
}

/**
 * The fleet table of a summary: checks as rows and services as columns (`checks`, the seed's
 * shape), or services as rows and checks as columns (`services`). Each cell is a result.
 */
export function fleetTable(summary, by = 'checks') {
  const rules = summary?.rules || [];
  const items = summary?.items || [];
  const cell = (item, rule) => item.results?.[rule.id] || 'unknown';
  if (by === 'services') {
    return {
      columns: rules.map((r) => ({ key: r.id, label: r.title || r.id, rule: r })),
      rows: items.map((item) => ({
        key: item.entity,
        label: item.title || entityName(item.entity),
        item,
        cells: rules.map((r) => cell(item, r)),
      })),
    };
  }
  return {
    columns: items.map((item) => ({ key: item.entity, label: item.title || entityName(item.entity), item })),
    rows: rules.map((r) => ({
      key: r.id,
      label: r.title || r.id,
      rule: r,
      cells: items.map((item) => cell(item, r)),
    })),
  };
}

/**
 * A trend's points as the chart's columns: x in seconds since the epoch (UTC midnight of each
 * day), the pass rate (percent), and the count of entities at each level (highest first).
 */
export function trendSeries(points, levels) {
  const sorted = [...(points || [])].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const x = sorted.map((p) => Date.parse(`${String(p.date).slice(0, 10)}T00:00:00Z`) / 1000);
  const passRate = sorted.map((p) => (p.passRate == null ? null : Number(p.passRate)));
  const perLevel = levelCounts(levels, {}).map(({ level }) => ({
    level,
    values: sorted.map((p) => p.levels?.[level] ?? 0),
  }));
  return { x, passRate, levels: perLevel };
}

/** The query string of the results' CSV for a team (or the fleet). */
export function csvHref(id, owner) {
  const base = `/api/v1/scorecards/${encodeURIComponent(id)}/results.csv`;
  return owner ? `${base}?owner=${encodeURIComponent(owner)}` : base;
}
