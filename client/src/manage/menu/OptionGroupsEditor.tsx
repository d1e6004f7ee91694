/**
 * A dish's choices ("Size", "Sauce"): each with its rules (required, the
 * least and most a guest picks) and its options (a name, an extra charge or a
 * discount, available or not). Added, removed and moved with buttons named
 * for what they move, so the order is as easy to set by keyboard as by hand.
 */
import {
  newGroup,
  newOption,
  type DishDraft,
  type FieldErrors,
  type GroupDraft,
} from './dish-draft';
import { FieldError, invalidProps } from './field-errors';

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [one] = copy.splice(from, 1);
  if (one !== undefined) copy.splice(to, 0, one);
  return copy;
}

/** "Move up", "Move down", "Remove" for the `at`-th of `count`, named for what they move. */
function RowTools({
  what,
  at,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  at: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <div className="menu-editor__row-tools">
      <button
        type="button"
        className="button--quiet"
        aria-label={`Move ${what} up`}
        disabled={at === 0}
        onClick={() => onMove(at - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button--quiet"
        aria-label={`Move ${what} down`}
        disabled={at === count - 1}
        onClick={() => onMove(at + 1)}
      >
        ↓
      </button>
      <button type="button" className="button--quiet button--quiet-danger" onClick={onRemove}>
        Remove<span className="visually-hidden"> {what}</span>
      </button>
    </div>
  );
}

function GroupEditor({
  group,
  at,
  count,
  errors,
  currency,
  onChange,
  onMove,
  onRemove,
}: {
  group: GroupDraft;
  at: number;
  count: number;
  errors: FieldErrors;
  currency: string;
  onChange: (group: GroupDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const n = at + 1;
  const base = `optionGroups[${at}]`;
  const id = `dish-group-${group.key}`;
  const hidden = (text: string) => <span className="visually-hidden">{text} </span>;
  const set = (change: Partial<GroupDraft>) => onChange({ ...group, ...change });
  return (
    <fieldset className="menu-editor__group">
      <legend>
        Choice {n}
        {group.name.trim() ? `: ${group.name.trim()}` : ''}
      </legend>
      <RowTools what={`choice ${n}`} at={at} count={count} onMove={onMove} onRemove={onRemove} />
      <div className="menu-editor__group-fields">
        <div className="menu-editor__field menu-editor__field--wide">
          <label htmlFor={`${id}-name`}>{hidden(`Choice ${n}`)}Name</label>
          <input
            id={`${id}-name`}
            value={group.name}
            placeholder="Size, Sauce, Sides…"
            autoComplete="off"
            {...invalidProps(errors, `${base}.name`)}
            onChange={(event) => set({ name: event.target.value })}
          />
          <FieldError errors={errors} path={`${base}.name`} />
        </div>
        <label className="menu-editor__check">
          <input
            type="checkbox"
            checked={group.required}
            onChange={(event) =>
              set({
                required: event.target.checked,
                // A required choice needs at least one pick; start it there.
                ...(event.target.checked && group.minSelect === '0' ? { minSelect: '1' } : {}),
              })
            }
          />
          {hidden(`Choice ${n}`)}Required
        </label>
        {(['minSelect', 'maxSelect'] as const).map((field) => (
          <div className="menu-editor__field menu-editor__field--count" key={field}>
            <label htmlFor={`${id}-${field}`}>
              {hidden(`Choice ${n}`)}
              {field === 'minSelect' ? 'At least' : 'At most'}
            </label>
            <input
              id={`${id}-${field}`}
              value={group[field]}
              inputMode="numeric"
              autoComplete="off"
              {...invalidProps(errors, `${base}.${field}`)}
              onChange={(event) => set({ [field]: event.target.value })}
            />
            <FieldError errors={errors} path={`${base}.${field}`} />
          </div>
        ))}
      </div>
      <ol className="menu-editor__options">
        {group.options.map((option, optionAt) => {
          const o = optionAt + 1;
          const path = `${base}.options[${optionAt}]`;
          const who = `Choice ${n} option ${o}`;
          const setOption = (change: Partial<typeof option>) =>
            set({
              options: group.options.map((one) => (one === option ? { ...one, ...change } : one)),
            });
          return (
            <li key={option.key} className="menu-editor__option">
              <div className="menu-editor__field">
                <label htmlFor={`${id}-${option.key}-name`}>{hidden(who)}Option</label>
                <input
                  id={`${id}-${option.key}-name`}
                  value={option.name}
                  autoComplete="off"
                  {...invalidProps(errors, `${path}.name`)}
                  onChange={(event) => setOption({ name: event.target.value })}
                />
                <FieldError errors={errors} path={`${path}.name`} />
              </div>
              <div className="menu-editor__field menu-editor__field--money">
                <label htmlFor={`${id}-${option.key}-price`}>
                  {hidden(who)}Extra ({currency})
                </label>
                <input
                  id={`${id}-${option.key}-price`}
                  value={option.price}
                  inputMode="decimal"
                  autoComplete="off"
                  {...invalidProps(errors, `${path}.priceDeltaCents`)}
                  onChange={(event) => setOption({ price: event.target.value })}
                />
                <FieldError errors={errors} path={`${path}.priceDeltaCents`} />
              </div>
              <label className="menu-editor__check">
                <input
                  type="checkbox"
                  checked={option.available}
                  onChange={(event) => setOption({ available: event.target.checked })}
                />
                {hidden(who)}Available
              </label>
              <RowTools
                what={`choice ${n} option ${o}`}
                at={optionAt}
                count={group.options.length}
                onMove={(to) => set({ options: moved(group.options, optionAt, to) })}
                onRemove={() => set({ options: group.options.filter((one) => one !== option) })}
              />
            </li>
          );
        })}
      </ol>
      <FieldError errors={errors} path={`${base}.options`} />
      <button
        type="button"
        className="button--quiet"
        onClick={() => set({ options: [...group.options, newOption(currency)] })}
      >
        Add option<span className="visually-hidden"> to choice {n}</span>
      </button>
    </fieldset>
  );
}

export function OptionGroupsEditor({
  draft,
  errors,
  currency,
  onChange,
}: {
  draft: DishDraft;
  errors: FieldErrors;
  currency: string;
  onChange: (change: Partial<DishDraft>) => void;
}) {
  const groups = draft.optionGroups;
  const setGroups = (optionGroups: GroupDraft[]) => onChange({ optionGroups });
  return (
    <section className="menu-editor__choices" aria-labelledby="dish-choices-heading">
      <h4 id="dish-choices-heading">Choices</h4>
      {groups.length === 0 ? (
        <p className="muted">No choices: the guest orders the dish as it is.</p>
      ) : null}
      {groups.map((group, at) => (
        <GroupEditor
          key={group.key}
          group={group}
          at={at}
          count={groups.length}
          errors={errors}
          currency={currency}
          onChange={(changed) => setGroups(groups.map((one) => (one === group ? changed : one)))}
          onMove={(to) => setGroups(moved(groups, at, to))}
          onRemove={() => setGroups(groups.filter((one) => one !== group))}
        />
      ))}
      <FieldError errors={errors} path="optionGroups" />
      <button
        type="button"
        className="button--quiet"
        onClick={() => setGroups([...groups, newGroup(currency)])}
      >
        Add a choice
      </button>
    </section>
  );
}
