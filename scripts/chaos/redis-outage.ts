/**
 * Redis SIGKILLed under load, and started again on its port.
 *
 * While it is down, screens open (a kitchen board and a ready board on each
 * instance, joining rooms live there), an order is placed, its guest opens
 * the tracking page on each instance (rooms new to both), and the kitchen
 * accepts it. Every kitchen board, ready board and that guest's pages must
 * receive the acceptance before Redis is back: the log is the record, the bus
 * only a doorbell.
 *
 * As Redis comes back, more guests open their pages, one every 100 ms, so
 * that some rooms are joined while the bus reconnects; each must hear the
 * next change to its order (SWEEP_MS=0: a room that went deaf stays deaf).
 */
import {
  blank,
  delivered,
  eventIdFor,
  heal,
  isRoomWide,
  type FaultResult,
  type Rig,
} from './faults';
import type { Order } from './load';
import type { Screen } from './screens';
import { seconds, sleep } from './wait';

/** Guests opening their page as Redis comes back, per outage. */
const PAGES_AT_RECONNECT = 8;

export async function redisOutage(rig: Rig, round: number): Promise<FaultResult> {
  const result = blank(`Redis killed (#${round})`, Date.now());
  await rig.redis.kill();
  rig.say(`  Redis killed (#${round}); screens opening and an order moving while it is down`);
  const later: Order[] = [];
  try {
    await whileDown(rig, round, result);
    for (let index = 0; index < PAGES_AT_RECONNECT; index += 1) {
      later.push(await rig.load.place(index % 2));
    }
  } catch (error) {
    result.problems.push(`${result.name}: while Redis was down: ${String(error)}`);
  } finally {
    const downFor = Date.now() - result.faultAt;
    if (downFor < rig.settings.minOutageMs) await sleep(rig.settings.minOutageMs - downFor);
    await rig.redis.start();
    result.repairedAt = Date.now();
  }
  rig.say(`  Redis back after ${seconds(result.repairedAt - result.faultAt)}`);
  const opening = openOneByOne(rig, later, ` (opened as Redis came back, ${round})`);
  await heal(rig, result);
  await checkPages(rig, result, later, await opening);
  return result;
}

async function whileDown(rig: Rig, round: number, result: FaultResult): Promise<void> {
  await rig.openScreens(` (opened in outage ${round})`);
  const order = await rig.load.place(round % 2);
  const guests = await rig.openGuestScreens(order, ` (opened in outage ${round})`);
  // From now on the probes change it too, so its pages are checked after every fault.
  rig.tracked.push(order);
  const version = await rig.load.nudge(order, round % 2);
  const eventId = await eventIdFor(rig.db, order.id, version);
  const wanted = new Map(
    [...rig.screens.filter(isRoomWide), ...guests].map((screen) => [screen, eventId]),
  );
  const outage = await delivered(wanted, rig.settings.outageDeliveryMs);
  result.outage = {
    deliveredMs: outage.doneAt === null ? null : outage.doneAt - result.faultAt,
    missing: outage.missing,
  };
  if (outage.doneAt === null) {
    result.problems.push(
      `${result.name}: order #${order.number} accepted while Redis was down (event ${eventId}) ` +
        `had not reached ${outage.missing.join(', ')} after ` +
        `${seconds(rig.settings.outageDeliveryMs)}: screens froze without the bus ` +
        '(they must keep moving from the log)',
    );
  }
}

async function openOneByOne(rig: Rig, orders: Order[], label: string): Promise<Screen[]> {
  const opened: Screen[] = [];
  for (const [index, order] of orders.entries()) {
    try {
      opened.push(...(await rig.openGuestScreens(order, label, [index % 2])));
    } catch (error) {
      rig.say(`  could not open the page of #${order.number}: ${String(error)}`);
    }
    await sleep(100);
  }
  return opened;
}

/** Each page opened at the reconnect must hear the next change to its order. */
async function checkPages(rig: Rig, result: FaultResult, orders: Order[], pages: Screen[]) {
  const wanted = new Map<Screen, number>();
  await Promise.all(
    orders.map(async (order, index) => {
      const version = await rig.load.nudge(order, index % 2);
      const id = await eventIdFor(rig.db, order.id, version);
      for (const page of pages) if (page.room === `order:${order.id}`) wanted.set(page, id);
    }),
  ).catch((error: unknown) => result.problems.push(`${result.name}: ${String(error)}`));
  const { missing } = await delivered(wanted, rig.settings.healDeadlineMs);
  if (missing.length > 0) {
    result.problems.push(
      `${result.name}: ${missing.length} page(s) opened as Redis came back never heard their ` +
        `order change (a room joined during the reconnect went deaf): ${missing.join(', ')}`,
    );
  }
  rig.tracked.push(...orders);
}
