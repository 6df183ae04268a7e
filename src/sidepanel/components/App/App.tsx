import { useState } from 'preact/hooks';
import { ActiveTab } from '../ActiveTab/ActiveTab.tsx';
import { HistoryView } from '../HistoryView/HistoryView.tsx';
import { RunView } from '../RunView/RunView.tsx';
import { SecretsView } from '../SecretsView/SecretsView.tsx';
import { SettingsView } from '../SettingsView/SettingsView.tsx';
import './App.css';

type View = 'run' | 'history' | 'settings';

export function App() {
  const [view, setView] = useState<View>('run');
  return (
    <main class="app">
      <header class="app__header">
        <h1>Webwright</h1>
        <nav class="app__nav" aria-label="Views">
          <button type="button" aria-pressed={view === 'run'} onClick={() => setView('run')}>
            Task
          </button>
          <button type="button" aria-pressed={view === 'history'} onClick={() => setView('history')}>
            History
          </button>
          <button type="button" aria-pressed={view === 'settings'} onClick={() => setView('settings')}>
            Settings
          </button>
        </nav>
      </header>
      <ActiveTab />
      {view === 'run' && <RunView onOpenSettings={() => setView('settings')} />}
      {view === 'history' && <HistoryView onOpen={() => setView('run')} />}
      {view === 'settings' && (
        <>
          <SettingsView />
          <SecretsView />
        </>
      )}
    </main>
  );
}
