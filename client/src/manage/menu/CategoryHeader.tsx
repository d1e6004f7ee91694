/**
 * A category's name and what a manager does to it: rename it (in place,
 * Enter saves and Escape puts it back), hide it from guests or show it again,
 * delete it (after a confirm step; the server refuses one that still has
 * dishes, saying how many), add a dish to it. Each edit carries the version
 * the page read: someone else's newer change is a conflict, said in the row,
 * and the page reloads the menu.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { trpc } from '../../api/client';
import { ConfirmTableChange } from '../ConfirmTableChange';
import { fieldMessage } from '../server-message';
import type { AdminCategory } from './admin-menu';
import type { DragHandle } from './SortableList';

type Mode = 'view' | 'rename' | 'delete';

export function CategoryHeader({
  category,
  locationId,
  handle,
  dishCount,
  childCount,
  onAddDish,
  onNotice,
}: {
  category: AdminCategory;
  locationId: number;
  handle: DragHandle;
  dishCount: number;
  /** Its sub-categories: a category with any cannot be deleted either. */
  childCount: number;
  onAddDish: () => void;
  onNotice: (message: string) => void;
}) {
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(category.name);
  const renameButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const utils = trpc.useUtils();
  const reload = () => utils.menuAdmin.get.invalidate({ locationId });
  const update = trpc.menuAdmin.updateCategory.useMutation({ onSettled: reload });
  const remove = trpc.menuAdmin.deleteCategory.useMutation({
    onSuccess: () => onNotice(`Deleted the category ${category.name}.`),
    onSettled: reload,
  });
  const error = fieldMessage(update.error);
  const id = `category-${category.id}`;

  useEffect(() => {
    if (mode === 'rename') input.current?.select();
  }, [mode]);

  const back = () => {
    setMode('view');
    update.reset();
    setTimeout(() => renameButton.current?.focus(), 0);
  };
  const save = (changes: { name?: string; hidden?: boolean }, done: string) =>
    update.mutate(
      {
        categoryId: category.id,
        version: category.version,
        name: category.name,
        parentId: category.parentId,
        hidden: category.hidden,
        ...changes,
      },
      {
        onSuccess: () => {
          onNotice(done);
          if (mode === 'rename') back();
        },
      },
    );
  const rename = (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (next === category.name) back();
    else save({ name: next }, `${category.name} is now called ${next}.`);
  };

  return (
    <div className="menu-editor__category-head">
      <button className="menu-editor__handle" {...handle.props}>
        <span aria-hidden="true">⠿</span>
      </button>
      {mode === 'rename' ? (
        <form
          className="menu-editor__rename"
          onSubmit={rename}
          noValidate
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setName(category.name);
              back();
            }
          }}
        >
          <label htmlFor={`${id}-name`}>New name for {category.name}</label>
          <input
            id={`${id}-name`}
            ref={input}
            value={name}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-error`}
            onChange={(event) => {
              setName(event.target.value);
              if (update.isError) update.reset();
            }}
          />
          <button type="submit" className="button" disabled={update.isPending}>
            Save
          </button>
          <button type="button" className="button--quiet" onClick={back}>
            Cancel
          </button>
        </form>
      ) : (
        <h3 className="menu-editor__category-name" id={`${id}-heading`}>
          {category.name}
          {category.hidden ? <span className="menu-editor__tag">Hidden</span> : null}
        </h3>
      )}
      {mode === 'view' ? (
        <div className="menu-editor__category-actions">
          <button type="button" className="button--quiet" onClick={onAddDish}>
            Add dish<span className="visually-hidden"> to {category.name}</span>
          </button>
          <button
            type="button"
            className="button--quiet"
            ref={renameButton}
            onClick={() => {
              setName(category.name);
              setMode('rename');
            }}
          >
            Rename<span className="visually-hidden"> {category.name}</span>
          </button>
          <button
            type="button"
            className="button--quiet"
            disabled={update.isPending}
            onClick={() =>
              save(
                { hidden: !category.hidden },
                category.hidden
                  ? `${category.name} is on the guest menu again.`
                  : `${category.name} is hidden from guests.`,
              )
            }
          >
            {category.hidden ? 'Show' : 'Hide'}
            <span className="visually-hidden"> {category.name}</span>
          </button>
          <button
            type="button"
            className="button--quiet button--quiet-danger"
            onClick={() => setMode('delete')}
          >
            Delete<span className="visually-hidden"> {category.name}</span>
          </button>
        </div>
      ) : null}
      <p id={`${id}-error`} className="form__error menu-editor__category-error" role="alert">
        {mode === 'delete' ? '' : error}
      </p>
      {mode === 'delete' ? (
        <ConfirmTableChange
          confirmLabel={`Delete ${category.name}`}
          pending={remove.isPending}
          error={fieldMessage(remove.error)}
          onConfirm={() => remove.mutate({ categoryId: category.id })}
          onCancel={() => {
            remove.reset();
            setMode('view');
          }}
        >
          Delete the category {category.name}? {deleteHint(dishCount, childCount)}
        </ConfirmTableChange>
      ) : null}
    </div>
  );
}

/** What stands in the way of deleting a category, or that nothing does. */
function deleteHint(dishes: number, children: number): string {
  const plural = (count: number, one: string, many: string) =>
    count === 1 ? `1 ${one}` : `${count} ${many}`;
  const parts = [
    ...(dishes > 0 ? [plural(dishes, 'dish', 'dishes')] : []),
    ...(children > 0 ? [plural(children, 'sub-category', 'sub-categories')] : []),
  ];
  return parts.length > 0
    ? `It still has ${parts.join(' and ')}: move or delete them first.`
    : 'It has no dishes; guests will no longer see it.';
}
