import { stageTime, type Stage } from './tracking-model';

const STATE_WORDS: Record<Stage['state'], string> = {
  done: 'done',
  current: 'now',
  upcoming: 'to come',
};

/**
 * The stages as an ordered list: a screen reader reads "step 3 of 5, current
 * step", and the times sit beside the stages they belong to.
 */
export function StageLine({ stages }: { stages: readonly Stage[] }) {
  return (
    <ol className="stages" aria-label="Progress">
      {stages.map((stage) => (
        <li
          key={stage.key}
          className={`stage stage--${stage.state} stage--${stage.key}`}
          aria-current={stage.state === 'current' ? 'step' : undefined}
        >
          <span className="stage__dot" aria-hidden="true" />
          <span className="stage__label">
            {stage.label}
            <span className="visually-hidden">, {STATE_WORDS[stage.state]}</span>
          </span>
          {stage.at ? (
            <time className="stage__time" dateTime={stage.at}>
              {stageTime(stage.at)}
            </time>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
