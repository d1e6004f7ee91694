import { ORDER_TYPE_LABELS } from '@ticketrail/shared';
import {
  headline,
  isStopped,
  itemProgress,
  progressText,
  showsItemProgress,
  type GuestOrder,
} from './tracking-model';

type Tone = 'working' | 'ready' | 'done' | 'stopped';

function tone(order: GuestOrder): Tone {
  if (order.status === 'ready') return 'ready';
  if (order.status === 'completed') return 'done';
  return isStopped(order.status) ? 'stopped' : 'working';
}

/** "Pickup order", "Dine in · Table 4": where the order goes, as the guest chose it. */
function destination(order: GuestOrder): string {
  const type = ORDER_TYPE_LABELS[order.type];
  return order.type === 'dine_in' && order.tableLabel
    ? `${type} · ${order.tableLabel}`
    : `${type} order`;
}

function ItemProgressBar({ order }: { order: GuestOrder }) {
  const progress = itemProgress(order.items);
  if (progress.total === 0) return null;
  const share = progress.ready / progress.total;
  return (
    <div className="hero-progress">
      <p className="hero-progress__text">{progressText(progress)}</p>
      <div className="hero-progress__track" aria-hidden="true">
        <div className="hero-progress__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}

/**
 * The top of the page: the number the crew will call, big, and in a word
 * where the order is. When the food is up this is the "ready" banner: it
 * changes colour and says what to do next.
 */
export function OrderHero({ order }: { order: GuestOrder }) {
  const words = headline(order);
  const heroTone = tone(order);
  return (
    <section className={`order-hero order-hero--${heroTone}`} aria-labelledby="order-number">
      <p className="order-hero__where">{destination(order)}</p>
      <h1 id="order-number" className="order-hero__number">
        {/* The line above says "order" already; a screen reader still hears "Order #042". */}
        <span className="visually-hidden">Order </span>
        {order.displayNumber}
      </h1>
      <p className="order-hero__guest">for {order.guestName}</p>
      <div className="order-hero__status">
        {heroTone === 'ready' ? (
          <span className="order-hero__icon" aria-hidden="true">
            ✓
          </span>
        ) : null}
        <div>
          <h2 className="order-hero__title">{words.title}</h2>
          <p className="order-hero__detail">{words.detail}</p>
          {isStopped(order.status) && order.cancelReason ? (
            <p className="order-hero__reason">
              <span className="order-hero__reason-label">Reason: </span>
              {order.cancelReason}
            </p>
          ) : null}
        </div>
      </div>
      {showsItemProgress(order.status) ? <ItemProgressBar order={order} /> : null}
    </section>
  );
}
