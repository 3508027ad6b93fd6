// Backstage's own catalog client against Paved's /api/catalog: every call a Backstage plugin or
// script makes most, with only the base URL changed. Prints one JSON object for
// BackstageCatalogClientTest to assert on. Env: PAVED_URL, PAVED_USER, PAVED_PASSWORD, TARGET.
const { CatalogClient } = require('@backstage/catalog-client');

const base = process.env.PAVED_URL;
const auth =
  'Basic ' +
  Buffer.from(`${process.env.PAVED_USER}:${process.env.PAVED_PASSWORD}`).toString('base64');

const catalog = new CatalogClient({
  discoveryApi: { getBaseUrl: async () => `${base}/api/catalog` },
  fetchApi: {
    fetch: (url, init = {}) =>
      fetch(url, { ...init, headers: { ...(init.headers || {}), Authorization: auth } }),
  },
});

async function main() {
  const out = {};
  const added = await catalog.addLocation({ type: 'url', target: process.env.TARGET });
  out.added = { id: added.location.id, target: added.location.target, entities: added.entities.length };
  try {
    await catalog.addLocation({ type: 'url', target: process.env.TARGET });
    out.duplicate = 'accepted';
  } catch (e) {
    out.duplicate = `${e.name}: ${e.body?.error?.name} ${e.response?.status}`;
  }

  const production = await catalog.getEntities({
    filter: { kind: 'Component', 'spec.lifecycle': 'production' },
    fields: ['metadata.name'],
  });
  out.production = production.items.map(e => e.metadata.name).sort();

  const one = await catalog.getEntityByRef('component:default/cc-orders');
  out.byRef = { name: one?.metadata.name, uid: Boolean(one?.metadata.uid), relations: one?.relations?.length };
  out.missing = (await catalog.getEntityByRef('component:default/cc-nowhere')) ?? null;

  const refs = await catalog.getEntitiesByRefs({
    entityRefs: ['component:default/cc-web', 'component:default/cc-nowhere'],
  });
  out.byRefs = refs.items.map(e => (e ? e.metadata.name : null));

  const pages = [];
  let page = await catalog.queryEntities({
    filter: { kind: 'Component', 'metadata.name': ['cc-orders', 'cc-web', 'cc-search'] },
    orderFields: { field: 'metadata.name', order: 'asc' },
    limit: 2,
  });
  out.totalItems = page.totalItems;
  pages.push(page.items.map(e => e.metadata.name));
  while (page.pageInfo.nextCursor) {
    page = await catalog.queryEntities({ cursor: page.pageInfo.nextCursor, limit: 2 });
    pages.push(page.items.map(e => e.metadata.name));
  }
  out.pages = pages;

  const facets = await catalog.getEntityFacets({
    facets: ['spec.type'],
    filter: { kind: 'Component' },
  });
  out.facets = Object.fromEntries(
    facets.facets['spec.type'].map(f => [f.value, f.count]).sort(),
  );

  const location = await catalog.getLocationById(added.location.id);
  out.location = location?.target ?? null;
  await catalog.removeLocationById(added.location.id);
  out.removed = (await catalog.getLocationById(added.location.id)) === undefined;
  console.log(JSON.stringify(out));
}

main().catch(e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
