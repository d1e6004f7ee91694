/**
 * A dish's form, new or existing, and everything a save can meet: the form's
 * own checks (the shared schema's words beside each field), the server's
 * refusals (beside the field they name), a CONFLICT (someone else saved the
 * dish since it was opened: the menu is read again and both versions are
 * shown side by side), a photo to send after the fields, and a delete that
 * says whether the dish will be archived (it is on placed orders) or removed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { trpc } from '../../api/client';
import { ConfirmTableChange } from '../ConfirmTableChange';
import { fieldMessage } from '../server-message';
import { categoryPath, type AdminItem, type AdminMenu } from './admin-menu';
import { ConflictView } from './ConflictView';
import { differences } from './dish-conflict';
import {
  checkDraft,
  draftFromItem,
  emptyDraft,
  sameDraft,
  type DishDraft,
  type FieldErrors,
} from './dish-draft';
import { DishFields } from './DishFields';
import { errorId } from './field-errors';
import { FlagFields } from './FlagFields';
import { OptionGroupsEditor } from './OptionGroupsEditor';
import { PhotoField, type PhotoChange } from './PhotoField';
import { refusal } from './refusal';
import { UnsavedPrompt } from '../UnsavedPrompt';
import { useUnsavedWarning } from '../useUnsavedWarning';

export type DishTarget = { kind: 'new'; categoryId: number } | { kind: 'edit'; itemId: number };

export function DishEditor({
  menu,
  target,
  onCancel,
  onSaved,
  onDeleted,
  onDirtyChange,
}: {
  menu: AdminMenu;
  target: DishTarget;
  onCancel: () => void;
  onSaved: (item: AdminItem, created: boolean) => void;
  onDeleted: (message: string) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const currency = menu.location.currency;
  const locationId = menu.location.id;
  const opened =
    target.kind === 'edit' ? (menu.items.find((item) => item.id === target.itemId) ?? null) : null;
  /** The saved version this form started from: its version is the one a save names. */
  const [base, setBase] = useState<AdminItem | null>(opened);
  const initial = useMemo(
    () =>
      base
        ? draftFromItem(base, currency)
        : emptyDraft(target.kind === 'new' ? target.categoryId : 0),
    [base, currency, target],
  );
  const [draft, setDraft] = useState<DishDraft>(initial);
  const [photo, setPhoto] = useState<PhotoChange>({ kind: 'keep' });
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [theirs, setTheirs] = useState<AdminItem | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  const utils = trpc.useUtils();
  const create = trpc.menuAdmin.createItem.useMutation();
  const update = trpc.menuAdmin.updateItem.useMutation();
  const upload = trpc.menuAdmin.uploadPhoto.useMutation();
  const unphoto = trpc.menuAdmin.removePhoto.useMutation();
  const remove = trpc.menuAdmin.deleteItem.useMutation({
    onSuccess: ({ archived }) =>
      onDeleted(
        archived
          ? `Archived ${base?.name ?? 'the dish'}: it is off the menu, and orders placed with it keep it.`
          : `Deleted ${base?.name ?? 'the dish'}.`,
      ),
    onSettled: () => utils.menuAdmin.get.invalidate({ locationId }),
  });

  const dirty = !sameDraft(draft, initial) || photo.kind !== 'keep';
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const blocker = useUnsavedWarning(dirty && !saving);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (focusInvalid === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const errors = { ...serverErrors, ...ownErrors };
  const categories = menu.categories.map((category) => ({
    id: category.id,
    path: categoryPath(menu, category.id),
  }));
  const name = base?.name ?? (draft.name.trim() || 'the new dish');

  const change = (partial: Partial<DishDraft>) => {
    const next = { ...draft, ...partial };
    setDraft(next);
    setServerErrors({});
    setFormError('');
    // Once a save has been tried, the messages follow the fixes as they are typed.
    if (checked) {
      const result = checkDraft(next, currency);
      setOwnErrors(result.ok ? {} : result.errors);
    }
  };

  /** The photo change, once the fields are saved; the item as it then is. */
  const sendPhoto = async (item: AdminItem): Promise<AdminItem> => {
    if (photo.kind === 'remove') return unphoto.mutateAsync({ itemId: item.id });
    if (photo.kind !== 'new') return item;
    const data = new FormData();
    data.set('itemId', String(item.id));
    data.set('photo', photo.file);
    return upload.mutateAsync(data);
  };

  const reread = async (itemId: number) => {
    const fresh = await utils.client.menuAdmin.get.query({ locationId });
    utils.menuAdmin.get.setData({ locationId }, fresh);
    const saved = fresh.items.find((item) => item.id === itemId);
    if (saved) setTheirs(saved);
    else setFormError('Someone else deleted this dish while you were editing it.');
  };

  const save = async (overVersion?: number) => {
    const result = checkDraft(draft, currency);
    setChecked(true);
    if (!result.ok) {
      setOwnErrors(result.errors);
      setFocusInvalid((tick) => tick + 1);
      return;
    }
    setOwnErrors({});
    setServerErrors({});
    setFormError('');
    setSaving(true);
    let saved: AdminItem | null = null;
    try {
      saved = base
        ? await update.mutateAsync({
            ...result.fields,
            itemId: base.id,
            version: overVersion ?? base.version,
            stockWas: base.stock,
          })
        : await create.mutateAsync({ ...result.fields, locationId });
      saved = await sendPhoto(saved);
      setTheirs(null);
      await utils.menuAdmin.get.invalidate({ locationId });
      onSaved(saved, base === null);
    } catch (error) {
      const refused = refusal(error);
      if (refused.code === 'CONFLICT' && base && !saved) {
        await reread(base.id);
      } else if (saved) {
        // The fields were saved and the photo was not: the form goes on from the saved dish.
        setBase(saved);
        setDraft(draftFromItem(saved, currency));
        setServerErrors({ photo: refused.issues[0]?.message ?? refused.message });
        setFormError(`${saved.name} is saved, but not its photo.`);
        void utils.menuAdmin.get.invalidate({ locationId });
      } else {
        const onForm = refused.issues.filter(
          (issue) => form.current?.querySelector(`#${errorId(issue.path)}`) !== null,
        );
        setServerErrors(Object.fromEntries(onForm.map((issue) => [issue.path, issue.message])));
        setFormError(onForm.length === refused.issues.length ? '' : refused.message);
        if (onForm.length > 0) setFocusInvalid((tick) => tick + 1);
      }
    } finally {
      setSaving(false);
    }
  };

  const takeTheirs = (saved: AdminItem) => {
    setBase(saved);
    setDraft(draftFromItem(saved, currency));
    setPhoto({ kind: 'keep' });
    setTheirs(null);
    setOwnErrors({});
    setChecked(false);
  };

  const problems = Object.keys(ownErrors).length;
  return (
    <section className="menu-editor__dish-form" aria-labelledby="dish-form-heading">
      <h3 id="dish-form-heading" ref={heading} tabIndex={-1}>
        {base
          ? `Edit ${base.name}`
          : `New dish in ${categoryPath(menu, target.kind === 'new' ? target.categoryId : 0)}`}
      </h3>
      <UnsavedPrompt
        blocker={blocker}
        question={`Leave this page? You have not saved your changes to ${name}.`}
      />
      {theirs ? (
        <ConflictView
          differences={differences(draft, draftFromItem(theirs, currency), {
            currency,
            categoryName: (id) => categoryPath(menu, id),
          })}
          pending={saving}
          onKeepMine={() => void save(theirs.version)}
          onUseTheirs={() => takeTheirs(theirs)}
        />
      ) : null}
      <form
        ref={form}
        className="menu-editor__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) void save();
        }}
      >
        <DishFields
          draft={draft}
          errors={errors}
          currency={currency}
          categories={categories}
          onChange={change}
        />
        <FlagFields draft={draft} errors={errors} onChange={change} />
        <OptionGroupsEditor draft={draft} errors={errors} currency={currency} onChange={change} />
        <PhotoField
          current={base?.photoUrl ?? null}
          change={photo}
          serverError={serverErrors['photo'] ?? ''}
          dishName={draft.name}
          onChange={(next) => {
            setPhoto(next);
            setServerErrors({});
          }}
        />
        <p className="form__error menu-editor__form-error" role="alert">
          {problems > 0
            ? `Check the ${problems === 1 ? 'field' : `${problems} fields`} marked above.`
            : formError}
        </p>
        <div className="menu-editor__form-buttons">
          <button type="submit" className="button" disabled={saving || theirs !== null}>
            {saving ? 'Saving…' : base ? 'Save dish' : 'Add dish'}
          </button>
          <button type="button" className="button--quiet" onClick={onCancel}>
            Cancel
          </button>
          {base && !deleting ? (
            <button
              type="button"
              className="button--quiet button--quiet-danger menu-editor__delete"
              onClick={() => setDeleting(true)}
            >
              Delete dish
            </button>
          ) : null}
        </div>
      </form>
      {base && deleting ? (
        <ConfirmTableChange
          confirmLabel={base.onOrders ? `Archive ${base.name}` : `Delete ${base.name}`}
          pending={remove.isPending}
          error={fieldMessage(remove.error)}
          onConfirm={() => remove.mutate({ itemId: base.id })}
          onCancel={() => {
            remove.reset();
            setDeleting(false);
          }}
        >
          {base.onOrders
            ? `Delete ${base.name}? It is on orders already placed, so it will be archived, not removed: it leaves the menu and the editor, and those orders keep it as it was.`
            : `Delete ${base.name}? It has never been ordered, so it will be removed for good.`}
        </ConfirmTableChange>
      ) : null}
    </section>
  );
}
