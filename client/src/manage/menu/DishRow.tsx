/**
 * One dish in its category: what a guest sees of it at a glance (name,
 * price, hidden, 86'd, stock), its handle for reordering, the quick 86 switch
 * (the kitchen's own `menu.setAvailability`, heard live by every menu and
 * board), and the way into its form.
 */
import { formatMoney } from '@ticketrail/shared';
import { trpc } from '../../api/client';
import { fieldMessage } from '../server-message';
import type { AdminItem } from './admin-menu';
import type { DragHandle } from './SortableList';

export function DishRow({
  item,
  currency,
  locationId,
  handle,
  editing,
  onEdit,
  onNotice,
}: {
  item: AdminItem;
  currency: string;
  locationId: number;
  handle: DragHandle;
  /** Its form is open beside the list. */
  editing: boolean;
  onEdit: () => void;
  onNotice: (message: string) => void;
}) {
  const utils = trpc.useUtils();
  const key = { locationId };
  const availability = trpc.menu.setAvailability.useMutation({
    // The box moves at once and stays moved: the cached menu takes the new
    // value until the re-read menu replaces it (a refusal puts back what the
    // server holds). Showing the sent value only while pending made the box
    // flick back to the old one between the answer and the re-read.
    onMutate: ({ available }) => {
      void utils.menuAdmin.get.cancel(key);
      utils.menuAdmin.get.setData(key, (menu) =>
        menu
          ? {
              ...menu,
              items: menu.items.map((row) => (row.id === item.id ? { ...row, available } : row)),
            }
          : menu,
      );
    },
    onSuccess: (change) =>
      onNotice(
        change.available ? `${item.name} is available again.` : `${item.name} is 86'd: off.`,
      ),
    onSettled: () => utils.menuAdmin.get.invalidate(key),
  });
  const error = fieldMessage(availability.error);
  const errorId = `dish-${item.id}-availability-error`;

  return (
    <div className={`menu-editor__dish${editing ? ' menu-editor__dish--editing' : ''}`}>
      <button className="menu-editor__handle" {...handle.props}>
        <span aria-hidden="true">⠿</span>
      </button>
      <div className="menu-editor__dish-main">
        <h4 className="menu-editor__dish-name">{item.name}</h4>
        <p className="menu-editor__dish-facts">
          <span className="price">{formatMoney(item.priceCents, currency, 'en-IE')}</span>
          {item.hidden ? <span className="menu-editor__tag">Hidden</span> : null}
          {!item.available ? (
            <span className="menu-editor__tag menu-editor__tag--off">86’d</span>
          ) : null}
          {item.stock !== null ? (
            <span className="menu-editor__tag">
              {item.stock === 0 ? 'Sold out' : `${item.stock} left`}
            </span>
          ) : null}
          {item.optionGroups.length > 0 ? (
            <span className="muted">
              {item.optionGroups.length === 1 ? '1 choice' : `${item.optionGroups.length} choices`}
            </span>
          ) : null}
        </p>
        <p id={errorId} className="form__error" role="alert">
          {error}
        </p>
      </div>
      <label className="menu-editor__switch">
        <input
          type="checkbox"
          checked={item.available}
          disabled={availability.isPending}
          aria-describedby={errorId}
          onChange={(event) =>
            availability.mutate({ itemId: item.id, available: event.target.checked })
          }
        />
        Available<span className="visually-hidden"> ({item.name})</span>
      </label>
      <button type="button" className="button--quiet" data-edit-dish={item.id} onClick={onEdit}>
        Edit<span className="visually-hidden"> {item.name}</span>
      </button>
    </div>
  );
}
