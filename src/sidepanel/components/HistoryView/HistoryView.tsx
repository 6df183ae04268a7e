import { useEffect } from 'preact/hooks';
import type { Run } from '../../../shared/run.ts';
import { useStore } from '../../store.ts';
import { deleteRun, exportRun, historyState, importRun, loadHistory, openRun, replay, setFilter, visibleRuns } from '../../stores/history.ts';
import './HistoryView.css';

function duration(run: Run): string {
  const ms = (run.endedAt ?? run.updatedAt) - run.createdAt;
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

export function HistoryView({ onOpen }: { onOpen: () => void }) {
  const state = useStore(historyState);
  useEffect(() => {
    void loadHistory();
  }, []);
  const runs = visibleRuns(state);
  return (
    <section class="history" aria-label="History">
      <input class="history__filter" type="search" aria-label="Filter runs" placeholder="Filter by goal, status or site" value={state.filter} onInput={(event) => setFilter(event.currentTarget.value)} />
      <label class="history__import">
        Import a run
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void importRun(file);
            event.currentTarget.value = '';
          }}
        />
      </label>
      {state.error && <p role="alert">{state.error}</p>}
      {runs.length === 0 && <p class="history__empty">{state.runs.length ? 'No run matches the filter.' : 'No runs yet.'}</p>}
      <ul class="history__list">
        {runs.map((run) => (
          <li class="history__run" key={run.id} data-testid="history-run">
            <div class="history__goal">{run.goal}</div>
            <div class="history__meta">
              {run.status} · {run.stepCount} steps · {duration(run)} · {run.usage.promptTokens + run.usage.completionTokens} tokens · ${run.usage.costUsd.toFixed(4)} · {new Date(run.createdAt).toLocaleString()}
            </div>
            <div class="history__actions">
              <button
                type="button"
                aria-label={`Open run: ${run.goal}`}
                onClick={() => {
                  void openRun(run.id).then(onOpen);
                }}
              >
                Open
              </button>
              <button
                type="button"
                aria-label={`Replay run: ${run.goal}`}
                onClick={() => {
                  void replay(run.id).then(onOpen);
                }}
              >
                Replay
              </button>
              <button type="button" aria-label={`Export run: ${run.goal}`} onClick={() => void exportRun(run.id)}>
                Export
              </button>
              <button type="button" aria-label={`Delete run: ${run.goal}`} onClick={() => void deleteRun(run.id)}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
