import { ActiveTab } from '../ActiveTab/ActiveTab.tsx';
import { RunView } from '../RunView/RunView.tsx';
import './App.css';

export function App() {
  return (
    <main class="app">
      <header class="app__header">
        <h1>Webwright</h1>
      </header>
      <ActiveTab />
      <RunView />
    </main>
  );
}
