import { useSyncExternalStore } from 'react';
import { formatRoute, parseHash, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/**
 * The current route, re-rendering on `hashchange`.
 *
 * @example
 * const route = useRoute(); if (route.name === 'file') open(route.fileId);
 */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseHash(hash);
}

/** Navigates (adds a history entry, so Back works). */
export function navigate(route: Route): void {
  const hash = formatRoute(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

/** Replaces the current route without a history entry (for redirects away from stale links). */
export function redirect(route: Route): void {
  const url = new URL(window.location.href);
  url.hash = formatRoute(route);
  window.history.replaceState(window.history.state, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
