import './ModelSetup.css';

// The call to set up a model, shown above the goal while none is; after a Run it could not start,
// it is an alert.

export function ModelSetup({ problem, blocked, onOpenSettings }: { problem: string; blocked: boolean; onOpenSettings: () => void }) {
  return (
    <section class={`setup${blocked ? ' setup--blocked' : ''}`} aria-label="Set up a model" role={blocked ? 'alert' : undefined}>
      {blocked && <p>Run needs a model first.</p>}
      <p>{problem}</p>
      <button type="button" onClick={onOpenSettings}>
        Open Settings
      </button>
    </section>
  );
}
