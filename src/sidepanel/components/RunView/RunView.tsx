import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../../store.ts';
import { checkModel } from '../../stores/model-setup.ts';
import { answer, control, followRuns, runState, startRun } from '../../stores/run.ts';
import { ModelSetup } from '../ModelSetup/ModelSetup.tsx';
import { StepItem } from '../StepItem/StepItem.tsx';
import './RunView.css';

function Question() {
  const { run } = useStore(runState);
  const [text, setText] = useState('');
  if (run?.status !== 'waiting-user' || !run.question) return null;
  const { question, kind, options } = run.question;
  const send = (value: string) => {
    setText('');
    void answer(value);
  };
  return (
    <section class="run__question" aria-label={kind === 'confirm' ? 'Approval needed' : 'The agent asks'}>
      <p>{question}</p>
      {options?.map((option) => (
        <button type="button" onClick={() => send(option)}>
          {option}
        </button>
      ))}
      {kind === 'confirm' ? null : kind === 'takeover' ? (
        <button type="button" onClick={() => send('Done: I did it myself; continue.')}>
          Done, continue
        </button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) send(text.trim());
          }}
        >
          <input aria-label="Answer" value={text} onInput={(event) => setText(event.currentTarget.value)} />
          <button type="submit">Send answer</button>
        </form>
      )}
    </section>
  );
}

export function RunView({ onOpenSettings }: { onOpenSettings: () => void }) {
  const state = useStore(runState);
  const [goal, setGoal] = useState('');
  const [setup, setSetup] = useState<{ problem?: string; blocked: boolean }>({ blocked: false });
  useEffect(() => {
    const controller = new AbortController();
    followRuns(controller.signal);
    void checkModel().then((problem) => setSetup({ problem, blocked: false }));
    return () => controller.abort();
  }, []);
  // Settings may have changed since the view opened (in another panel, or from the command line).
  const runGoal = async (text: string) => {
    const problem = await checkModel();
    setSetup({ problem, blocked: problem !== undefined });
    if (!problem) await startRun(text);
  };
  const run = state.run;
  const going = run && ['running', 'paused', 'waiting-user'].includes(run.status);
  return (
    <section class="run" aria-label="Run">
      {setup.problem && (!state.run || setup.blocked) && <ModelSetup problem={setup.problem} blocked={setup.blocked} onOpenSettings={onOpenSettings} />}
      <form
        class="run__goal"
        onSubmit={(event) => {
          event.preventDefault();
          if (goal.trim()) void runGoal(goal.trim());
        }}
      >
        <textarea aria-label="Goal" rows={3} placeholder="What should Webwright do on this page?" value={goal} onInput={(event) => setGoal(event.currentTarget.value)} />
        <button type="submit" disabled={state.busy || Boolean(going) || !goal.trim()}>
          Run
        </button>
      </form>
      {state.error && (
        <p class="run__error" role="alert">
          {state.error}
        </p>
      )}
      {run && (
        <div class="run__live">
          <div class="run__status" role="status" data-testid="run-status">
            {run.status === 'running' ? 'Running' : run.status === 'paused' ? 'Paused' : run.status === 'waiting-user' ? 'Waiting for you' : run.status === 'finished' ? (run.success ? 'Done' : 'Could not finish') : run.status === 'stopped' ? 'Stopped' : 'Failed'}
            {' · '}
            {run.stepCount} steps · {run.usage.promptTokens + run.usage.completionTokens} tokens
          </div>
          {going && (
            <div class="run__controls">
              {run.status === 'paused' ? (
                <button type="button" onClick={() => void control('resume')}>
                  Resume
                </button>
              ) : (
                <button type="button" onClick={() => void control('pause')} disabled={run.status !== 'running'}>
                  Pause
                </button>
              )}
              <button type="button" onClick={() => void control('stop')}>
                Stop
              </button>
            </div>
          )}
          <Question />
          <ol class="run__steps" aria-label="Steps">
            {state.steps.map((step) => (
              <StepItem key={step.index} step={step} />
            ))}
          </ol>
          {run.answer && (
            <p class="run__answer" data-testid="run-answer">
              {run.answer}
            </p>
          )}
          {run.stopReason && ['failed', 'stopped'].includes(run.status) && (
            <p class="run__error" role="alert">
              {run.stopReason}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
