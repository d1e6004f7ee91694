import { formatMoney, type ItemStatus } from '@ticketrail/shared';
import type { GuestItem, GuestOrder } from './tracking-model';

const ITEM_STATUS_WORDS: Record<ItemStatus, string> = {
  queued: 'Waiting',
  cooking: 'Cooking',
  done: 'Ready',
};

function optionText(option: GuestItem['options'][number], currency: string): string {
  return option.priceDeltaCents > 0
    ? `${option.name} (+${formatMoney(option.priceDeltaCents, currency)})`
    : option.name;
}

function OrderLine({
  item,
  currency,
  showStatus,
}: {
  item: GuestItem;
  currency: string;
  showStatus: boolean;
}) {
  return (
    <li className="order-line">
      <span className="order-line__qty">{item.quantity}×</span>
      <div className="order-line__main">
        <span className="order-line__name">{item.name}</span>
        {item.options.length > 0 ? (
          <span className="order-line__options">
            {item.options.map((option) => optionText(option, currency)).join(' · ')}
          </span>
        ) : null}
        {item.notes ? <span className="order-line__notes">“{item.notes}”</span> : null}
        {showStatus ? (
          <span className={`item-status item-status--${item.status}`}>
            {ITEM_STATUS_WORDS[item.status]}
          </span>
        ) : null}
      </div>
      <span className="order-line__price">
        {formatMoney(item.lineTotalCents, currency)}
        {item.quantity > 1 ? (
          <span className="order-line__each">
            {formatMoney(item.unitPriceCents, currency)} each
          </span>
        ) : null}
      </span>
    </li>
  );
}

/** The items and prices as ordered: what the order snapshot says, never today's menu. */
export function OrderItems({ order, showStatus }: { order: GuestOrder; showStatus: boolean }) {
  const { currency } = order;
  return (
    <section className="tracking-card" aria-labelledby="order-items-heading">
      <h2 id="order-items-heading" className="tracking-card__title">
        Your order
      </h2>
      <ul className="order-lines">
        {order.items.map((item) => (
          <OrderLine key={item.id} item={item} currency={currency} showStatus={showStatus} />
        ))}
      </ul>
      {order.notes ? <p className="order-notes">Note: “{order.notes}”</p> : null}
      <dl className="order-totals">
        {order.subtotalCents !== order.totalCents ? (
          <div className="order-totals__row">
            <dt>Subtotal</dt>
            <dd>{formatMoney(order.subtotalCents, currency)}</dd>
          </div>
        ) : null}
        <div className="order-totals__row order-totals__row--total">
          <dt>Total</dt>
          <dd>{formatMoney(order.totalCents, currency)}</dd>
        </div>
      </dl>
    </section>
  );
}
