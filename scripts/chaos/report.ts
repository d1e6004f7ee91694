/**
 * What the run found: heal times per fault (reported, bounded only loosely),
 * and the checks that must hold exactly (lost, duplicated, out-of-order
 * events; acknowledged orders; screens' final state; no instance exiting but
 * the one killed), each failure in words.
 */
import type { OrdersAudit, ScreenAudit } from './audit';
import type { Cluster, InstanceEvent } from './cluster';
import type { FaultResult } from './faults';
import type { Load } from './load';
import { seconds } from './wait';

/** Heal times are reported, not raced: only a heal this slow fails the run. */
export const HEAL_BOUND_MS = 20_000;

export interface ChaosReport {
  faults: FaultResult[];
  feeds: ScreenAudit[];
  orders: OrdersAudit;
  totals: {
    events: number;
    lost: number;
    duplicated: number;
    outOfOrder: number;
    wrongPayload: number;
    foreign: number;
    screensWrongState: number;
    missingOrders: number;
    duplicatedOrders: number;
  };
  /** Exits the supervisor saw, but the one the scenario caused. */
  unexpectedExits: (InstanceEvent & { during: string })[];
  problems: string[];
  /** The table, as printed. */
  text: string;
  durationMs: number;
}

export function buildReport(input: {
  faults: FaultResult[];
  feeds: ScreenAudit[];
  settled: boolean;
  stoppedCleanly: boolean;
  orders: OrdersAudit;
  load: Load;
  cluster: Cluster;
  killedPort: number;
  durationMs: number;
}): ChaosReport {
  const { faults, feeds, orders, load, cluster } = input;
  const problems = faults.flatMap((fault) => fault.problems);
  for (const fault of faults) {
    if (fault.healFromRepairMs !== null && fault.healFromRepairMs > HEAL_BOUND_MS) {
      problems.push(
        `${fault.name}: took ${seconds(fault.healFromRepairMs)} to heal (bound ${seconds(HEAL_BOUND_MS)})`,
      );
    }
  }
  if (!input.settled)
    problems.push('not every screen reached its room’s last event after the load stopped');
  const sum = (pick: (feed: ScreenAudit) => number) =>
    feeds.reduce((total, feed) => total + pick(feed), 0);
  for (const feed of feeds) {
    const counts = (['lost', 'duplicated', 'outOfOrder', 'foreign', 'wrongPayload'] as const)
      .filter((key) => feed[key] > 0)
      .map(
        (key) =>
          `${feed[key]} ${key === 'outOfOrder' ? 'out of order' : key === 'wrongPayload' ? 'with a wrong payload' : key}`,
      );
    if (counts.length > 0) {
      problems.push(
        `${feed.screen}: ${counts.join(', ')} of ${feed.expected} events (${feed.examples.join('; ')})`,
      );
    }
    if (feed.wrongState.length > 0) {
      problems.push(
        `${feed.screen} shows what the database does not: ${feed.wrongState.slice(0, 3).join('; ')}`,
      );
    }
  }
  if (orders.missing.length > 0)
    problems.push(`acknowledged orders missing: ${orders.missing.slice(0, 5).join(', ')}`);
  if (orders.duplicated.length > 0)
    problems.push(`orders made twice: ${orders.duplicated.slice(0, 5).join(', ')}`);
  if (orders.mismatched.length > 0)
    problems.push(`orders answered with another id: ${orders.mismatched.slice(0, 5).join(', ')}`);
  if (load.failures.length > 0) {
    problems.push(
      `${load.failures.length} calls failed for good, e.g. ${load.failures.slice(0, 3).join(' | ')}`,
    );
  }

  if (!input.stoppedCleanly) {
    const exit = cluster.supervisorExit;
    problems.push(
      `SIGTERM to the supervisor did not stop every instance cleanly (it exited ` +
        `${exit ? (exit.signal ?? `code ${exit.code}`) : 'not at all'}; see cluster.log)`,
    );
  }
  const unexpectedExits = classifyExits(cluster.unexpectedExits(), faults, input.killedPort);
  for (const exit of unexpectedExits) {
    const hint = exit.during.startsWith('Postgres')
      ? ': a Postgres restart must not take a server down (is every pg.Pool and client listening for "error"?)'
      : '';
    problems.push(`instance :${exit.port} exited (${exit.how}) during "${exit.during}"${hint}`);
  }

  const totals = {
    events: sum((feed) => feed.received),
    lost: sum((feed) => feed.lost),
    duplicated: sum((feed) => feed.duplicated),
    outOfOrder: sum((feed) => feed.outOfOrder),
    wrongPayload: sum((feed) => feed.wrongPayload),
    foreign: sum((feed) => feed.foreign),
    screensWrongState: feeds.filter((feed) => feed.wrongState.length > 0).length,
    missingOrders: orders.missing.length,
    duplicatedOrders: orders.duplicated.length,
  };
  const report: ChaosReport = {
    faults,
    feeds,
    orders,
    totals,
    unexpectedExits,
    problems,
    text: '',
    durationMs: input.durationMs,
  };
  report.text = formatReport(report, load);
  return report;
}

/** Every exit but the SIGKILL the scenario sent, named after the fault it happened in. */
function classifyExits(exits: InstanceEvent[], faults: FaultResult[], killedPort: number) {
  const kill = faults.find((fault) => fault.name.includes('SIGKILLed'));
  let excused = false;
  return exits.flatMap((exit) => {
    if (
      !excused &&
      kill &&
      exit.port === killedPort &&
      exit.how === 'SIGKILL' &&
      exit.at >= kill.faultAt
    ) {
      excused = true;
      return [];
    }
    const during =
      [...faults].reverse().find((fault) => fault.faultAt <= exit.at)?.name ?? 'start-up';
    return [{ ...exit, during }];
  });
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : seconds(value);

function formatReport(report: ChaosReport, load: Load): string {
  const rows: string[][] = [
    ['fault', 'heal from repair', 'heal from fault', 'while Redis was down'],
  ];
  for (const fault of report.faults) {
    const outage = fault.outage
      ? fault.outage.deliveredMs !== null
        ? `every screen had it ${seconds(fault.outage.deliveredMs)} after the kill`
        : `FROZEN: ${fault.outage.missing.length} screen(s) still lacked it`
      : '';
    const healed = fault.healFromRepairMs === null ? 'NOT HEALED' : ms(fault.healFromRepairMs);
    const fromFault = fault.name.startsWith('no fault') ? '—' : ms(fault.healFromFaultMs);
    rows.push([fault.name, healed, fromFault, outage]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));

  const { totals, orders } = report;
  const { stats } = load;
  const exits = report.unexpectedExits.map(
    (exit) => `:${exit.port} ${exit.how} during "${exit.during}"`,
  );
  return [
    '',
    'Chaos run: heal time = until a change made after the repair had reached every screen',
    '',
    ...table,
    '',
    `orders   ${orders.acknowledged} acknowledged (${stats.retries} retried calls, ${stats.replayed} answered as replays, ` +
      `${stats.conflicts} conflicts re-read, ${stats.bumps} bumps); missing ${totals.missingOrders}, ` +
      `duplicated ${totals.duplicatedOrders}, never acknowledged ${orders.unacknowledged}`,
    `events   ${totals.events} delivered to ${report.feeds.length} screens; lost ${totals.lost}, ` +
      `duplicated ${totals.duplicated}, out of order ${totals.outOfOrder}, wrong payload ${totals.wrongPayload}, ` +
      `not theirs ${totals.foreign}; screens showing a wrong state ${totals.screensWrongState}`,
    `screens  ${report.feeds.reduce((n, feed) => n + feed.errors, 0)} feed errors, ` +
      `${report.feeds.reduce((n, feed) => n + feed.resubscribes, 0)} re-subscriptions`,
    `exits    ${exits.length === 0 ? 'none but the instance killed' : exits.join('; ')}`,
    `took     ${seconds(report.durationMs)}`,
    '',
    report.problems.length === 0
      ? 'All checks passed.'
      : `${report.problems.length} check(s) failed:`,
    ...report.problems.map((problem) => `  ✗ ${problem}`),
    '',
  ].join('\n');
}
