// The one place the portal talks to Paved's API. Every call sends the session cookie; a POST
// sends the CSRF token Spring Security left in the XSRF-TOKEN cookie.

/** An API answer that is not 2xx, with its problem details (status, detail, fields). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Paved answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: 'Paved cannot be reached: ' + e.message });
  }
  if (response.status === 401) {
    window.location.assign('/sign-in?expired&next=' + encodeURIComponent(window.location.pathname));
    throw new ApiError(401, { detail: 'your session has ended: sign in again' });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { detail: text };
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** A list answer's items: every list of the API comes as `{"items": [...]}`. */
export function items(body) {
  return body?.items ?? [];
}

/** A query string; an array value repeats its parameter. */
const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : [v]) if (one != null && one !== '' && one !== false) s.append(k, one);
  }
  return s.toString() ? '?' + s : '';
};

export const api = {
  me: () => call('GET', '/api/v1/me'),
  templates: async () => {
    const body = await call('GET', '/api/v1/templates');
    return { items: items(body), refused: body?.refused ?? [] };
  },
  template: (name) => call('GET', `/api/v1/templates/${encodeURIComponent(name)}`),
  dryRun: (template, parameters) => call('POST', '/api/v1/runs?dryRun=true', { template, parameters }),
  createRun: (template, parameters) => call('POST', '/api/v1/runs', { template, parameters }),
  run: (id) => call('GET', `/api/v1/runs/${encodeURIComponent(id)}`),
  runs: async (params) => items(await call('GET', '/api/v1/runs' + q(params))),
  decideRun: (id, decision, comment) =>
    call('POST', `/api/v1/runs/${encodeURIComponent(id)}/approval`, { decision, comment }),
  runAction: (id, action, body) =>
    call('POST', `/api/v1/runs/${encodeURIComponent(id)}/${action}`, body),
  runEventsUrl: (id) => `/api/v1/runs/${encodeURIComponent(id)}/events`,
  approvals: async () => items(await call('GET', '/api/v1/approvals?pending=true')),
  decide: (href, decision, comment) => call('POST', `${href}/approval`, { decision, comment }),
  entities: async (params) =>
    items(await call('GET', '/api/v1/catalog/entities' + q(params || {}))),
  entity: (kind, ns, name) =>
    call('GET', `/api/v1/catalog/entities/${kind}/${ns}/${encodeURIComponent(name)}`),
  entityOverview: (kind, ns, name, depth) =>
    call('GET', `/api/v1/catalog/entities/${kind}/${ns}/${encodeURIComponent(name)}/overview` + q({ depth })),
  accessRequests: async (params) =>
    items(await call('GET', '/api/v1/access-requests' + q(params || {}))),
  accessRequest: (id) => call('GET', `/api/v1/access-requests/${encodeURIComponent(id)}`),
  requestAccess: (body) => call('POST', '/api/v1/access-requests', body),
  accessAction: (id, action, body) =>
    call('POST', `/api/v1/access-requests/${encodeURIComponent(id)}/${action}`, body ?? {}),
  entityScores: (kind, ns, name) =>
    call('GET', `/api/v1/catalog/entities/${kind}/${ns}/${encodeURIComponent(name)}/scores`),
  scorecards: async () => {
    const body = await call('GET', '/api/v1/scorecards');
    return { items: items(body), refused: body?.refused ?? [] };
  },
  scorecard: (id) => call('GET', `/api/v1/scorecards/${encodeURIComponent(id)}`),
  scorecardSummary: (id, params) =>
    call('GET', `/api/v1/scorecards/${encodeURIComponent(id)}/summary` + q(params || {})),
  scorecardInitiatives: async (id) =>
    items(await call('GET', `/api/v1/scorecards/${encodeURIComponent(id)}/initiatives`)),
  scorecardTrend: (id, params) =>
    call('GET', `/api/v1/scorecards/${encodeURIComponent(id)}/trend` + q(params || {})),
  signOut: () => call('POST', '/sign-out'),
};
