/**
 * Someone else saved the dish while this manager was editing it: the fields
 * where the two versions differ, side by side, and the two ways on. "Keep
 * mine" saves this version over theirs (knowingly: it names their version);
 * "Use theirs" drops this manager's changes and loads the saved dish.
 */
import { useEffect, useRef } from 'react';
import type { FieldDifference } from './dish-conflict';

export function ConflictView({
  differences,
  pending,
  onKeepMine,
  onUseTheirs,
}: {
  differences: readonly FieldDifference[];
  pending: boolean;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="menu-editor__conflict" aria-labelledby="dish-conflict-heading">
      <h4 id="dish-conflict-heading" ref={heading} tabIndex={-1}>
        Someone else saved this dish while you were editing it
      </h4>
      {differences.length === 0 ? (
        <p>Their version is the same as yours: saving again changes nothing they did.</p>
      ) : (
        <table className="menu-editor__conflict-table">
          <caption className="visually-hidden">Your change and the saved version</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your change</th>
              <th scope="col">Saved by someone else</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((difference) => (
              <tr key={difference.field}>
                <th scope="row">{difference.label}</th>
                <td>{difference.mine}</td>
                <td>{difference.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="menu-editor__conflict-buttons">
        <button type="button" className="button" disabled={pending} onClick={onKeepMine}>
          {pending ? 'Saving…' : 'Keep mine'}
        </button>
        <button type="button" className="button--quiet" disabled={pending} onClick={onUseTheirs}>
          Use theirs
        </button>
      </div>
    </section>
  );
}
