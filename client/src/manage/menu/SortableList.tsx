/**
 * A list a manager reorders by dragging a row's handle, or by keyboard: Tab to
 * the handle, Space to pick the row up, the arrow keys to move it, Space to
 * drop it there, Escape to put it back. dnd-kit does the dragging (pointer and
 * keyboard sensors) and reads each step out in words that name the row
 * ("Soup is now 2 of 5"). Only the handle starts a drag, so the row's own
 * buttons and a nested list's handles keep working.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** What a row gets to draw its handle with: spread `props` on a button. */
export interface DragHandle {
  props: ButtonHTMLAttributes<HTMLButtonElement> & { ref: (node: HTMLElement | null) => void };
  dragging: boolean;
}

const INSTRUCTIONS =
  'To move this, press Space or Enter to pick it up, then the up and down arrow keys, ' +
  'then Space or Enter to drop it there, or Escape to put it back.';

function SortableRow({
  id,
  name,
  className,
  children,
}: {
  id: number;
  name: string;
  className: string;
  children: (handle: DragHandle) => ReactNode;
}) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id });
  const style = { transform: CSS.Translate.toString(transform), transition };
  const handle: DragHandle = {
    dragging: isDragging,
    props: {
      ...attributes,
      ...listeners,
      ref: setActivatorNodeRef,
      type: 'button',
      'aria-label': `Move ${name}`,
    },
  };
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`${className}${isDragging ? ' menu-editor__dragging' : ''}`}
      data-sortable-id={id}
    >
      {children(handle)}
    </li>
  );
}

export function SortableList({
  ids,
  nameOf,
  label,
  className,
  rowClassName,
  onReorder,
  children,
}: {
  ids: readonly number[];
  nameOf: (id: number) => string;
  /** The list's accessible name, e.g. "Dishes in Starters". */
  label: string;
  className: string;
  rowClassName: string;
  /** The full new order, after a drop that moved something. */
  onReorder: (orderedIds: number[]) => void;
  children: (id: number, handle: DragHandle) => ReactNode;
}) {
  const sensors = useSensors(
    // A few pixels of travel before a drag: a tap on the handle is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (id: UniqueIdentifier) => nameOf(Number(id));
  const place = (id: UniqueIdentifier | undefined) =>
    id === undefined ? 0 : ids.indexOf(Number(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${name(active.id)}, ${place(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${name(active.id)} would be ${place(over.id)} of ${ids.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${name(active.id)} is now ${place(over.id)} of ${ids.length}.`
        : `${name(active.id)} was put back.`,
    onDragCancel: ({ active }) => `${name(active.id)} was put back where it was.`,
  };
  const drop = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(Number(active.id));
    const to = ids.indexOf(Number(over.id));
    if (from < 0 || to < 0) return;
    onReorder(arrayMove([...ids], from, to));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={drop}
      accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
    >
      <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
        <ul className={className} aria-label={label}>
          {ids.map((id) => (
            <SortableRow key={id} id={id} name={nameOf(id)} className={rowClassName}>
              {(handle) => children(id, handle)}
            </SortableRow>
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
