import { useEffect, useRef } from 'react';
import { useStudio } from '../state/store';

/** The sidebar search; Ctrl/Cmd+K or `/` focus it, Escape clears it. */
export function SearchBox() {
  const query = useStudio((s) => s.query);
  const setQuery = useStudio((s) => s.setQuery);
  const focusRequests = useStudio((s) => s.searchFocusRequests);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequests > 0) {
      ref.current?.focus();
      ref.current?.select();
    }
  }, [focusRequests]);

  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        className="search__input"
        placeholder="Search projects and files"
        aria-label="Search projects and files"
        data-testid="search-input"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.stopPropagation();
            setQuery('');
          }
        }}
      />
      <kbd className="search__hint">/</kbd>
    </div>
  );
}
