/**
 * The menu as plain HTML, sent inside the first page so a guest on a weak
 * signal reads it before the app's JavaScript has arrived (issue 13: on a
 * 2 s, 50 kB/s line the scripts alone take seconds). It is a read-only
 * preview in the menu page's own markup and classes
 * (client/src/ordering/MenuPage.tsx), so it looks like the page and nothing
 * jumps when the app takes over: React replaces it on its first render,
 * dish rows become buttons, and the cart, filters and live feed start.
 *
 * Kept in step with MenuPage.tsx by client/e2e/guest-load.e2e.ts, which reads
 * the same dishes, prices and notes in both. Every text is escaped here.
 */
import { formatMoney, orderingRefusal, quotedWaitWords } from '@ticketrail/shared';
import type { Menu, MenuItem } from '../menu/public-menu';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** "gluten_free" → "gluten free", as the page shows a stored flag (menu-model.ts). */
const readable = (flag: string) => escapeHtml(flag.replaceAll('_', ' '));

function itemRow(item: MenuItem, currency: string): string {
  const off = !item.available ? 'Not available right now' : item.soldOut ? 'Sold out' : null;
  const tags = [
    off ? `<span class="tag tag--warn">${off}</span>` : '',
    ...item.dietary.map((flag) => `<span class="tag">${readable(flag)}</span>`),
    item.allergens.length > 0
      ? `<span class="tag tag--allergen">Contains: ${item.allergens.map(readable).join(', ')}</span>`
      : '',
  ].join('');
  const description = item.description
    ? `<span class="menu-item__description">${escapeHtml(item.description)}</span>`
    : '';
  return (
    `<li class="menu-item${off ? ' menu-item--off' : ''}">` +
    '<span class="menu-item__open">' +
    `<span class="menu-item__head"><span class="menu-item__name">${escapeHtml(item.name)}</span>` +
    `<span class="price">${escapeHtml(formatMoney(item.priceCents, currency))}</span></span>` +
    `${description}<span class="tags">${tags}</span></span></li>`
  );
}

function itemList(items: readonly MenuItem[], currency: string): string {
  if (items.length === 0) return '';
  return `<ul class="menu-items">${items.map((item) => itemRow(item, currency)).join('')}</ul>`;
}

/** The menu page's header, section links and dishes, as the app first draws them. */
export function menuPreviewHtml(menu: Menu, now = new Date()): string {
  const { location, categories } = menu;
  // The same words as the app's first draw (ordering/useOrderingState.ts) and the server's refusal.
  const refusal = orderingRefusal(location.name, location, now);
  const closed = refusal
    ? `<p class="notice notice--warn" role="status">${escapeHtml(refusal)} You can still look at the menu.</p>`
    : `<p class="menu-wait">${escapeHtml(quotedWaitWords(location))}</p>`;
  const links = categories
    .map((category) => `<a href="#category-${category.id}">${escapeHtml(category.name)}</a>`)
    .join('');
  const sections = categories
    .map(
      (category) =>
        `<section id="category-${category.id}" class="menu-section" ` +
        `aria-labelledby="category-${category.id}-name">` +
        `<h2 id="category-${category.id}-name">${escapeHtml(category.name)}</h2>` +
        itemList(category.items, location.currency) +
        category.children
          .map(
            (child) =>
              `<section class="menu-subsection" aria-label="${escapeHtml(child.name)}">` +
              `<h3>${escapeHtml(child.name)}</h3>${itemList(child.items, location.currency)}</section>`,
          )
          .join('') +
        '</section>',
    )
    .join('');
  return (
    '<main class="page page--menu">' +
    `<header class="menu-header"><a class="menu-header__back" href="/">← All restaurants</a>` +
    `<h1>${escapeHtml(location.name)}</h1>${closed}</header>` +
    `<nav class="category-nav" aria-label="Menu sections">${links}</nav>` +
    sections +
    '</main>'
  );
}
