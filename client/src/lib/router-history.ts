/**
 * The browser history the router follows, less the steps that stay at the
 * same address. A sheet over a page (components/Sheet.tsx) pushes a step of
 * its own so that the phone's back button closes it, and takes it back out
 * when it closes. There is nothing to route in that, and the router, told of
 * it, would load the page anew and scroll it to the top under the sheet. So
 * a push, replace or pop that keeps the address is kept from the router,
 * unless the router made it itself.
 */
import { createBrowserHistory, type RouterHistory } from '@tanstack/react-router';

export function createAppHistory(): RouterHistory {
  const history = createBrowserHistory();
  let routerMoving = false;
  const byRouter =
    <Args extends unknown[]>(move: (...args: Args) => void) =>
    (...args: Args) => {
      routerMoving = true;
      try {
        move(...args);
      } finally {
        routerMoving = false;
      }
    };
  history.push = byRouter(history.push);
  history.replace = byRouter(history.replace);

  const subscribe = history.subscribe;
  history.subscribe = (listener) => {
    let href = history.location.href;
    return subscribe((event) => {
      const moved = event.location.href !== href;
      href = event.location.href;
      if (moved || routerMoving) listener(event);
    });
  };
  return history;
}
