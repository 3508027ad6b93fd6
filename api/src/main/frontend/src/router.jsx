// A small history router: the server forwards every portal path to index.html.
import { useEffect, useState } from 'react';

const listeners = new Set();

export function navigate(to) {
  window.history.pushState(null, '', to);
  listeners.forEach((l) => l());
}

export function useLocation() {
  const [location, setLocation] = useState(() => ({ ...window.location }));
  useEffect(() => {
    const update = () => setLocation({ ...window.location });
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

/** A link that changes page without reloading it (a modified click opens a new tab as usual). */
export function Link({ to, children, ...rest }) {
  const onClick = (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

/** Sets the document title; every page has one. */
export function useTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · Paved` : 'Paved';
  }, [title]);
}
