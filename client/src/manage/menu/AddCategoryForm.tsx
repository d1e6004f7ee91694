/**
 * Adding a category: a name, and where it goes (the top of the menu, or under
 * a top-level category: one level of nesting). A refused name keeps what was
 * typed and says why beside the field.
 */
import { useState, type FormEvent } from 'react';
import { trpc } from '../../api/client';
import { fieldMessage } from '../server-message';
import type { AdminCategory } from './admin-menu';

export function AddCategoryForm({
  locationId,
  topLevel,
  onAdded,
}: {
  locationId: number;
  /** The categories a new one may go under. */
  topLevel: readonly AdminCategory[];
  onAdded: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const utils = trpc.useUtils();
  const add = trpc.menuAdmin.createCategory.useMutation({
    onSuccess: (category) => {
      setName('');
      onAdded(category.name);
    },
    onSettled: () => utils.menuAdmin.get.invalidate({ locationId }),
  });
  const error = fieldMessage(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate({ locationId, name: name.trim(), parentId: parent === '' ? null : Number(parent) });
  };

  return (
    <form className="menu-editor__add-category" onSubmit={submit} noValidate>
      <div className="menu-editor__field">
        <label htmlFor="add-category-name">New category</label>
        <input
          id="add-category-name"
          value={name}
          placeholder="Starters, Mains, Drinks…"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby="add-category-error"
          onChange={(event) => {
            setName(event.target.value);
            if (add.isError) add.reset();
          }}
        />
      </div>
      <div className="menu-editor__field">
        <label htmlFor="add-category-parent">Goes</label>
        <select
          id="add-category-parent"
          value={parent}
          onChange={(event) => setParent(event.target.value)}
        >
          <option value="">At the top of the menu</option>
          {topLevel.map((category) => (
            <option key={category.id} value={category.id}>
              Under {category.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add category'}
      </button>
      <p id="add-category-error" className="form__error" role="alert">
        {error}
      </p>
    </form>
  );
}
