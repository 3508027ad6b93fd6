import { useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.js';
import { ErrorMessage, Loading } from './common.jsx';
import { MeContext } from './me.jsx';
import { AccessPage, AccessRequestPage } from './pages/AccessPage.jsx';
import { APPROVALS_REFRESH_MS, ApprovalsPage } from './pages/ApprovalsPage.jsx';
import { CatalogPage, EntityPage } from './pages/CatalogPage.jsx';
import { CreatePage } from './pages/CreatePage.jsx';
import { GalleryPage } from './pages/GalleryPage.jsx';
import { RunPage } from './pages/RunPage.jsx';
import { RunsPage } from './pages/RunsPage.jsx';
import { ScorecardPage } from './pages/ScorecardPage.jsx';
import { ScorecardsPage } from './pages/ScorecardsPage.jsx';
import { TeamPage } from './pages/TeamPage.jsx';
import { Link, useLocation, useTitle } from './router.jsx';

function NotFound() {
  useTitle('Not found');
  return (
    <div className="alert" role="alert">
      There is no page here. <Link to="/">Create something</Link> instead.
    </div>
  );
}

function route(path, setPending) {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case undefined:
    case 'create':
      return parts[1] ? <CreatePage key={parts[1]} name={parts[1]} /> : <GalleryPage />;
    case 'runs':
      return parts[1] ? <RunPage key={parts[1]} id={parts[1]} /> : <RunsPage />;
    case 'approvals':
      return <ApprovalsPage onChange={setPending} />;
    case 'access':
      return parts[1] ? <AccessRequestPage key={parts[1]} id={parts[1]} /> : <AccessPage />;
    case 'catalog':
      return parts.length >= 4 ? <EntityPage kind={parts[1]} namespace={parts[2]} name={parts[3]} /> : <CatalogPage />;
    case 'scorecards':
      return parts[1] ? <ScorecardPage key={parts[1]} id={parts[1]} /> : <ScorecardsPage />;
    case 'teams':
      return parts[1] ? <TeamPage key={parts[1]} name={parts[1]} /> : <NotFound />;
    default:
      return <NotFound />;
  }
}

function usePendingCount(me) {
  const [count, setCount] = useState(null);
  const load = useCallback(() => api.approvals().then((list) => setCount(list.length)).catch(() => {}), []);
  useEffect(() => {
    if (!me) return undefined;
    load();
    const timer = setInterval(load, APPROVALS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [me, load]);
  return [count, setCount];
}

function TopBar({ me, pending, path }) {
  const current = (prefix) => (prefix === '/' ? path === '/' || path.startsWith('/create') : path.startsWith(prefix)) ? 'page' : undefined;
  const signOut = async () => {
    try {
      await api.signOut();
    } finally {
      window.location.assign('/sign-in?signed-out');
    }
  };
  return (
    <header className="topbar">
      <Link to="/" className="brand">Paved</Link>
      <nav aria-label="Main">
        <Link to="/" aria-current={current('/')}>Create</Link>
        <Link to="/runs" aria-current={current('/runs')}>Runs</Link>
        <Link to="/approvals" aria-current={current('/approvals')}>
          Approvals{pending ? <span className="count" aria-label={`${pending} waiting`}>{pending}</span> : null}
        </Link>
        <Link to="/access" aria-current={current('/access')}>Access</Link>
        <Link to="/catalog" aria-current={current('/catalog')}>Catalog</Link>
        <Link to="/scorecards" aria-current={current('/scorecards')}>Scorecards</Link>
      </nav>
      <div className="user">
        <span title={(me.groups || []).join(', ')}>{me.name}</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </div>
    </header>
  );
}

function App() {
  const location = useLocation();
  const [me, setMe] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.me().then(setMe).catch(setError);
  }, []);
  const [pending, setPending] = usePendingCount(me);
  if (error) return <main><ErrorMessage error={error} /></main>;
  if (!me) return <main><Loading what="Paved" /></main>;
  return (
    <MeContext.Provider value={me}>
      <TopBar me={me} pending={pending} path={location.pathname} />
      <main>{route(location.pathname, setPending)}</main>
    </MeContext.Provider>
  );
}

createRoot(document.getElementById('root')).render(<App />);
