// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_ELEMENT_ID, takeFirstPageMenu } from './first-page-menu';
import { testMenu } from './test-menu';

function pageWith(json: string): Document {
  const doc = document.implementation.createHTMLDocument('menu');
  const script = doc.createElement('script');
  script.type = 'application/json';
  script.id = FIRST_PAGE_ELEMENT_ID;
  script.textContent = json;
  doc.body.append(script);
  return doc;
}

describe('the menu that came with the page', () => {
  it('is the location’s menu, once', () => {
    const menu = testMenu();
    const doc = pageWith(JSON.stringify({ menu: { slug: 'harbour', data: menu } }));
    expect(takeFirstPageMenu('harbour', doc)).toEqual(menu);
    expect(takeFirstPageMenu('harbour', doc)).toBeUndefined();
  });

  it('is not another location’s, and leaves it for that one', () => {
    const doc = pageWith(JSON.stringify({ menu: { slug: 'harbour', data: testMenu() } }));
    expect(takeFirstPageMenu('docklands', doc)).toBeUndefined();
    expect(takeFirstPageMenu('harbour', doc)).toBeDefined();
  });

  it('is nothing when the page has none, or it is unreadable', () => {
    expect(takeFirstPageMenu('harbour', document.implementation.createHTMLDocument())).toBe(
      undefined,
    );
    expect(takeFirstPageMenu('harbour', pageWith('{"menu":'))).toBeUndefined();
    expect(takeFirstPageMenu('harbour', pageWith('{}'))).toBeUndefined();
  });
});
