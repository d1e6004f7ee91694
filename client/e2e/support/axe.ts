/**
 * axe-core in the browser tests: runs the accessibility engine in a page as
 * it stands and returns what it finds at the critical and serious levels,
 * written out so a failing test says which rule, where, and why.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The levels a page must never reach; moderate and minor findings are left to review. */
const BLOCKING = new Set(['critical', 'serious']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** One line per offending element: its selector, and what axe said of it. */
  nodes: string[];
}

/**
 * Every violation on the page now, at any level. axe's source goes in through
 * the DevTools protocol (as `page.evaluate` does), which no
 * Content-Security-Policy blocks, and only once per document.
 */
export async function axeViolations(page: Page, context?: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (selector) => {
    const results = await window.axe.run(selector ?? document, {
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.map(
        (node) =>
          `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`,
      ),
    }));
  }, context);
  return violations;
}

/** The critical and serious violations on the page now. */
export async function seriousViolations(page: Page, context?: string): Promise<AxeFinding[]> {
  return (await axeViolations(page, context)).filter((finding) => BLOCKING.has(finding.impact));
}

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;

/**
 * Fails with axe's own words when the page has a critical or serious
 * violation, and prints the count at every level for the notes.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const all = await axeViolations(page);
  const counts = IMPACTS.map(
    (impact) => `${impact} ${all.filter((finding) => finding.impact === impact).length}`,
  );
  console.log(`[axe] ${state}: ${counts.join(' · ')} (rules violated)`);
  const findings = all.filter((finding) => BLOCKING.has(finding.impact));
  const report = formatViolations(findings);
  if (findings.length > 0) console.log(`[axe] ${state}:\n${report}`);
  // Soft: one test's later states are still checked, and all of them reported.
  expect.soft(report, `axe on ${state}`).toBe('');
}

/** The findings as text for a failing assertion: one block per rule. */
export function formatViolations(findings: AxeFinding[]): string {
  return findings
    .map(
      (finding) =>
        `[${finding.impact}] ${finding.rule}: ${finding.help}\n${finding.nodes
          .map((node) => `  - ${node}`)
          .join('\n')}`,
    )
    .join('\n');
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}
