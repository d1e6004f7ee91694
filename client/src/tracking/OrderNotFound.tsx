/**
 * What a wrong, cut-off or missing tracking link gets: the same words
 * whatever was wrong, and nothing about any order, so a guessed link learns
 * nothing.
 */
import { Link } from '@tanstack/react-router';

export function OrderNotFound() {
  return (
    <main className="page tracking">
      <section className="tracking-missing" role="alert" aria-labelledby="not-found-heading">
        <p className="tracking-missing__mark" aria-hidden="true">
          ?
        </p>
        <h1 id="not-found-heading">Order not found</h1>
        <p>
          We couldn’t find an order for this link. Please check the tracking link you got when you
          ordered; it needs all of its code.
        </p>
        <Link className="button" to="/">
          Go to the home page
        </Link>
      </section>
    </main>
  );
}
