import { useEffect } from 'preact/hooks';
import { useStore } from '../../store.ts';
import { activeTab, followActiveTab, refreshActiveTab } from '../../stores/active-tab.ts';
import './ActiveTab.css';

export function ActiveTab() {
  const state = useStore(activeTab);
  useEffect(() => {
    const controller = new AbortController();
    followActiveTab(controller.signal);
    return () => controller.abort();
  }, []);

  return (
    <section class="active-tab" aria-label="Current page" aria-busy={state.status === 'loading'}>
      {state.status === 'loading' && <p class="active-tab__muted">Looking at the current tab…</p>}
      {state.status === 'ready' && (
        <>
          <h2 class="active-tab__title" data-testid="page-title">
            {state.tab.page.title || '(untitled page)'}
          </h2>
          <p class="active-tab__url" data-testid="page-url">
            {state.tab.page.url}
          </p>
        </>
      )}
      {state.status === 'error' && (
        <div class="active-tab__error" role="alert">
          <p>{state.message}</p>
          <button type="button" onClick={() => void refreshActiveTab()}>
            Try again
          </button>
        </div>
      )}
    </section>
  );
}
