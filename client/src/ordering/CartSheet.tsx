/**
 * The cart and the checkout. Prices and totals are the server's quote for
 * exactly these lines; the client only shows them. A line the live menu says
 * can no longer be ordered is marked and left out of the quote, and the
 * order cannot be placed until the guest removes it: nothing is dropped
 * behind their back.
 */
import { formatMoney, type OrderType } from '@ticketrail/shared';
import { Sheet } from '../components/Sheet';
import { itemCount, removeLine, setQuantity, toCartInput, type CartLine } from './cart';
import { CheckoutForm, type TableChoice } from './CheckoutForm';
import { optionNames, type MenuItem } from './menu-model';
import { QuantityStepper } from './QuantityStepper';
import type { PlaceRequest } from './usePlaceOrder';
import type { Refusal } from './refusals';
import { useQuote, type Quote } from './useQuote';

function CartLineRow({
  line,
  item,
  currency,
  priceCents,
  problem,
  adjustable,
  onQuantity,
  onRemove,
}: {
  line: CartLine;
  item: MenuItem | undefined;
  currency: string;
  /** The quoted line total; null while the quote is on its way or when the line is left out. */
  priceCents: number | null;
  problem: string | null;
  /** False when the item cannot be ordered at all: removing it is the only way on. */
  adjustable: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const options = item ? optionNames(item, line.optionIds) : [];
  return (
    <li
      className={`cart-line${problem ? ' cart-line--problem' : ''}${adjustable ? '' : ' cart-line--gone'}`}
    >
      <div className="cart-line__head">
        <span className="cart-line__name">
          {line.quantity} × {item?.name ?? line.name}
        </span>
        <span className="price">
          {priceCents === null ? '' : formatMoney(priceCents, currency)}
        </span>
      </div>
      {options.length > 0 ? <p className="cart-line__detail">{options.join(', ')}</p> : null}
      {line.notes ? <p className="cart-line__detail">“{line.notes}”</p> : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="cart-line__actions">
        {!adjustable ? null : (
          <QuantityStepper
            value={line.quantity}
            onChange={onQuantity}
            label={item?.name ?? line.name}
            min={0}
          />
        )}
        <button type="button" className="link-button" onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}

function Totals({
  quote,
  updating,
  busy,
  currency,
}: {
  quote: Quote | undefined;
  /** The figures shown are for the cart before its last change. */
  updating: boolean;
  /** The server asked us to wait before pricing the cart again. */
  busy: boolean;
  currency: string;
}) {
  // Only while the server makes us wait is there anything to explain.
  const note = !busy || !updating ? null : quote ? BUSY_STALE : BUSY_NONE;
  if (!quote) {
    return (
      <p className="muted" role="status">
        {note ?? 'Working out your total…'}
      </p>
    );
  }
  return (
    <>
      <dl className={`totals${updating ? ' totals--updating' : ''}`} aria-busy={updating}>
        <div>
          <dt>Subtotal</dt>
          <dd>{formatMoney(quote.subtotalCents, currency)}</dd>
        </div>
        <div className="totals__total">
          <dt>Total</dt>
          <dd>{formatMoney(quote.totalCents, currency)}</dd>
        </div>
      </dl>
      {note ? (
        <p className="muted" role="status">
          {note}
        </p>
      ) : null}
    </>
  );
}

const BUSY_STALE =
  'Busy just now: this total is from before your last change. It updates in a moment.';
const BUSY_NONE = 'Busy just now: your total shows in a moment.';

export function CartSheet({
  locationSlug,
  currency,
  acceptingOrders,
  closedReason = null,
  orderTypes,
  cart,
  items,
  issues,
  table,
  placing,
  holding,
  refusal,
  onCartChange,
  onPlace,
  onClose,
}: {
  locationSlug: string;
  currency: string;
  acceptingOrders: boolean;
  /** Why not, in the restaurant's words (closed until 17:00, say), when not accepting. */
  closedReason?: string | null;
  /** The order types offered now; all when left out. */
  orderTypes?: readonly OrderType[];
  cart: readonly CartLine[];
  items: ReadonlyMap<number, MenuItem>;
  /** What the live menu says is wrong with each line (`cartIssues`), by line key. */
  issues: ReadonlyMap<string, string>;
  table: TableChoice | null;
  placing: boolean;
  /** The server asked to wait before the next placement (`refusal` says so). */
  holding: boolean;
  refusal: Refusal | null;
  onCartChange: (change: (cart: CartLine[]) => CartLine[]) => void;
  onPlace: (request: PlaceRequest) => void;
  onClose: () => void;
}) {
  const quotable = cart.filter((line) => !issues.has(line.key));
  const quote = useQuote(locationSlug, quotable);

  // Problems by line key: the live menu's first, then the server's quote, then a refused placement.
  const problems = new Map(issues);
  const quoteRefusal = quote.refusal;
  const mark = (refused: Refusal | null, sent: readonly CartLine[]) => {
    if (!refused) return;
    sent.forEach((line, index) => {
      const problem = refused.lineProblems.get(index) ?? refused.itemProblems.get(line.itemId);
      if (problem && !problems.has(line.key)) problems.set(line.key, problem);
    });
  };
  mark(quoteRefusal, quotable);
  mark(refusal, cart);

  const priceOf = (line: CartLine): number | null => {
    if (!quote.quote || !quote.current) return null;
    const at = quotable.indexOf(line);
    return at === -1 ? null : (quote.quote.lines[at]?.lineTotalCents ?? null);
  };

  const blockedReason = !acceptingOrders
    ? `${closedReason ?? 'The restaurant is not taking orders right now.'} Your cart is kept here.`
    : cart.length === 0
      ? 'Your cart is empty.'
      : issues.size > 0
        ? 'Some items can no longer be ordered. Remove the marked ones to go on.'
        : quoteRefusal
          ? quoteRefusal.message
          : null;
  // Waiting for the total is not a problem to explain: the totals say it already.
  // Nor is waiting out a refused placement's "too many": the refusal says it.
  const waiting = !quote.current || holding;

  const count = itemCount(cart);
  return (
    <Sheet
      title={count === 0 ? 'Your order' : `Your order · ${count} item${count === 1 ? '' : 's'}`}
      onClose={onClose}
      wide
    >
      {cart.length === 0 ? (
        <p className="state">Nothing here yet. Tap a dish on the menu to add it.</p>
      ) : (
        <>
          <ul className="cart-lines">
            {cart.map((line) => (
              <CartLineRow
                key={line.key}
                line={line}
                item={items.get(line.itemId)}
                currency={currency}
                priceCents={priceOf(line)}
                problem={problems.get(line.key) ?? null}
                adjustable={!issues.has(line.key)}
                onQuantity={(quantity) =>
                  onCartChange((now) => setQuantity(now, line.key, quantity))
                }
                onRemove={() => onCartChange((now) => removeLine(now, line.key))}
              />
            ))}
          </ul>
          {quoteRefusal || quotable.length === 0 ? null : (
            <Totals
              quote={quote.quote}
              updating={quote.updating}
              busy={quote.busy}
              currency={currency}
            />
          )}
          <CheckoutForm
            table={table}
            blockedReason={blockedReason}
            waiting={waiting}
            placing={placing}
            refusal={refusal}
            {...(orderTypes ? { orderTypes } : {})}
            onPlace={(details) => onPlace({ locationSlug, items: toCartInput(cart), ...details })}
          />
        </>
      )}
    </Sheet>
  );
}
