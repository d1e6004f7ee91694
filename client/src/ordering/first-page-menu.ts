/**
 * The menu the server sent with the page (server/src/http/first-page.ts), so
 * a guest on a weak signal reads the menu without waiting for `menu.get`
 * (issue 13). It is the snapshot `menu.get` would have answered when the page
 * was served; the menu's live feed carries on from its `lastEventId`.
 *
 * Taken once (the element goes): it is the first page's menu, not a cache. A
 * later visit to the menu in the same tab, once the query was dropped, asks
 * the server again.
 */
import type { Menu } from './menu-model';

/** The element first-page.ts writes (FIRST_PAGE_ELEMENT_ID there). */
export const FIRST_PAGE_ELEMENT_ID = 'ticketrail-first-page';

interface FirstPage {
  menu?: { slug?: unknown; data?: Menu };
}

/** The embedded menu if it is `slug`'s and not taken yet; undefined otherwise. */
export function takeFirstPageMenu(slug: string, doc: Document = document): Menu | undefined {
  const element = doc.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!element?.textContent) return undefined;
  let page: FirstPage;
  try {
    // Our own server wrote it, from the procedure whose type `Menu` is.
    page = JSON.parse(element.textContent) as FirstPage;
  } catch {
    return undefined;
  }
  if (page.menu?.slug !== slug || !page.menu.data) return undefined;
  element.remove();
  return page.menu.data;
}
