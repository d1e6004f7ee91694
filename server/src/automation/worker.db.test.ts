/**
 * The automation worker against a real database and a real webhook receiver
 * on 127.0.0.1 that verifies every signature and counts deliveries by
 * webhook-id: a matching order calls the webhook once and shows a notice;
 * failures (500, reset, timeout) are retried with the same id until they
 * succeed, then parked after the limit and tried again on "Retry now"; a
 * run whose worker died is taken again after its lease; a retry waiting when
 * the process stops is done by the next one; two workers share the work with
 * nothing done twice; a late-ticket timer fires after a restart.
 *
 * The worker's clock runs with the real one plus an offset the tests move
 * forward: orders carry real times, and "an hour later" is a number here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RuleBodyInput } from '@ticketrail/shared';
import { backend } from '../../test/support/database';
import { guest, pickupOrder, signedIn } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';
import { MAX_ATTEMPTS } from './backoff';
import { matchNextEvents } from './matcher';
import { claimRuns } from './runner';
import { sampleRule } from './test-rules';
import { startReceiver, type TestReceiver } from './webhook/test-receiver';
import { startAutomation, type AutomationWorker } from './worker';

const t = useTestDatabase();

const MINUTE = 60_000;
const ALLOW_LOOPBACK = { allowPrivate: false, allowHosts: ['127.0.0.1'] };

describe(`the automation worker (${backend})`, () => {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  let receiver: TestReceiver;
  const workers: AutomationWorker[] = [];
  const logged: string[] = [];

  const startWorker = (policy = ALLOW_LOOPBACK) => {
    const worker = startAutomation(t.db, {
      locks: {},
      policy,
      now,
      // Polling would do the tests' work behind their back; they drain() instead.
      pollMs: 3_600_000,
      random: () => 0.5,
      log: (message) => logged.push(message),
    });
    workers.push(worker);
    return worker;
  };

  beforeEach(async () => {
    offset = 0;
    logged.length = 0;
    receiver = await startReceiver('whsec_' + Buffer.alloc(24).toString('base64'));
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
    await receiver.close();
  });

  /** Makes a rule as a manager would; the receiver verifies with its secret. */
  async function makeRule(rule: Partial<RuleBodyInput>) {
    const manager = await signedIn(t.db, t.fixture.staff.manager);
    const made = await manager.automation.create({
      locationId: t.fixture.main.id,
      rule: sampleRule(rule),
    });
    receiver.useSecret(made.secret);
    return { ...made, manager };
  }

  const webhook = (path: string, timeoutMs = 1_000) => ({
    type: 'webhook' as const,
    url: receiver.url(path),
    timeoutMs,
  });

  /** An order of `burgers` burgers (1200 cents each, a single patty). */
  const place = (burgers = 1) =>
    guest(t.db).orders.place(
      pickupOrder(t.fixture, {
        items: [
          {
            itemId: t.fixture.items.burger,
            quantity: burgers,
            optionIds: [t.fixture.options.single],
          },
        ],
      }),
    );

  const runsOf = (ruleId: number) =>
    t.db
      .selectFrom('automation_runs')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .orderBy('id')
      .execute();

  const notices = async () =>
    (
      await t.db
        .selectFrom('events')
        .select('payload')
        .where('type', '=', 'automation.notice')
        .execute()
    ).map((row) => row.payload as { notice: { text: string; orderNumber: string | null } });

  it('calls the webhook once, signed, and shows a notice, for the order that matches only', async () => {
    const { rule } = await makeRule({
      conditions: { match: 'all', conditions: [{ field: 'total', op: 'gte', value: 3_000 }] },
      actions: [webhook('/scripted'), { type: 'notice', text: 'Big order', sound: true }],
    });
    const worker = startWorker();
    await place(1);
    const big = await place(3);
    await worker.drain();
    await worker.drain();

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.verified).toMatchObject({ ok: true });
    expect(delivery!.id).toBe(`msg_r${rule.id}_e${(await runsOf(rule.id))[0]!.event_id}_a0`);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: 'order.placed',
      data: { rule: { id: rule.id, name: 'Big order' }, order: { id: big.order.id } },
    });
    const runs = await runsOf(rule.id);
    expect(runs.map((run) => [run.action_index, run.status, run.attempts])).toEqual([
      [0, 'succeeded', 1],
      [1, 'succeeded', 1],
    ]);
    expect(runs[0]!.last_status_code).toBe(204);
    expect(await notices()).toMatchObject([
      {
        notice: {
          text: 'Big order',
          orderNumber: big.order.displayNumber,
        },
      },
    ]);
  });

  it('retries a 500, a reset and a timeout with backoff, with the same webhook-id, then succeeds', async () => {
    const { rule } = await makeRule({
      conditions: { match: 'all', conditions: [] },
      actions: [webhook('/scripted')],
    });
    receiver.script('fail', 'reset', 'slow');
    const worker = startWorker();
    await place();
    const errors: (string | null)[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await worker.drain();
      const [run] = await runsOf(rule.id);
      expect(run!.attempts).toBe(attempt);
      errors.push(run!.last_error);
      if (attempt < 4) {
        expect(run!.status).toBe('pending');
        // Backoff with the jitter fixed at half: 7.5 s, 15 s, 30 s after each failure.
        const wait = run!.next_attempt_at.getTime() - now().getTime();
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(10_000 * 2 ** (attempt - 1));
        // Not due yet: nothing happens.
        await worker.drain();
        expect((await runsOf(rule.id))[0]!.attempts).toBe(attempt);
        offset += 10_000 * 2 ** (attempt - 1);
      } else {
        expect(run!.status).toBe('succeeded');
      }
    }
    expect(errors.slice(0, 3)).toEqual([
      'The receiver answered 500 (an error on its side).',
      'The connection was reset.',
      'No answer within 1 s.',
    ]);
    const ids = new Set(receiver.received.map((delivery) => delivery.id));
    expect(ids.size).toBe(1);
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received.every((delivery) => delivery.verified.ok)).toBe(true);
  });

  it('parks a run after the last attempt, and "Retry now" runs it again', async () => {
    const { rule, manager } = await makeRule({
      conditions: { match: 'all', conditions: [] },
      actions: [webhook('/scripted')],
    });
    receiver.script(...Array.from({ length: MAX_ATTEMPTS }, () => 'fail' as const));
    const worker = startWorker();
    await place();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await worker.drain();
      offset += 2 * 60 * MINUTE;
    }
    const [parked] = await runsOf(rule.id);
    expect(parked).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      last_status_code: 500,
    });
    await worker.drain();
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);

    const history = await manager.automation.runs({ ruleId: rule.id });
    expect(history.runs[0]).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      statusCode: 500,
    });
    await manager.automation.retry({ runId: parked!.id });
    await worker.drain();
    expect((await runsOf(rule.id))[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS + 1);
    await expect(manager.automation.retry({ runId: parked!.id })).rejects.toMatchObject({
      message: 'This run succeeded; it is not run again.',
    });
  });

  it('takes again a run whose worker died holding it, once its lease has passed', async () => {
    const { rule } = await makeRule({
      conditions: { match: 'all', conditions: [] },
      actions: [webhook('/scripted')],
    });
    await place();
    // Match the event and claim its run the way a worker does, then never finish:
    // the process died holding it.
    await matchNextEvents(t.db, t.fixture.main.id, { locks: {}, now });
    const [claimed] = await claimRuns(t.db, now(), 1);
    expect(claimed).toMatchObject({ status: 'running', attempts: 1 });

    const next = startWorker();
    await next.drain();
    expect(receiver.received).toHaveLength(0);
    offset += 2 * MINUTE;
    await next.drain();
    expect((await runsOf(rule.id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(receiver.received).toHaveLength(1);
  });

  it('a retry waiting when the process stops is done by the next process', async () => {
    const { rule } = await makeRule({
      conditions: { match: 'all', conditions: [] },
      actions: [webhook('/scripted')],
    });
    receiver.script('fail');
    const first = startWorker();
    await place();
    await first.drain();
    expect((await runsOf(rule.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    await first.close();

    offset += 5 * MINUTE;
    const second = startWorker();
    await second.drain();
    expect((await runsOf(rule.id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(new Set(receiver.received.map((delivery) => delivery.id)).size).toBe(1);
  });

  it('two workers share the work: each order’s webhook and notice happen once', async () => {
    const { rule } = await makeRule({
      conditions: { match: 'all', conditions: [] },
      actions: [webhook('/ok'), { type: 'notice', text: 'New order', sound: false }],
    });
    const orders = 12;
    for (let placed = 0; placed < orders; placed += 1) await place();
    const [a, b] = [startWorker(), startWorker()];
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    await a.drain();

    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(orders * 2);
    expect(runs.every((run) => run.status === 'succeeded' && run.attempts === 1)).toBe(true);
    const ids = receiver.received.map((delivery) => delivery.id);
    expect(ids).toHaveLength(orders);
    expect(new Set(ids).size).toBe(orders);
    expect(await notices()).toHaveLength(orders);
  });

  it('a late-ticket timer stored before a restart fires after it, only for the ticket not bumped', async () => {
    const { rule } = await makeRule({
      trigger: { type: 'ticket.late', stage: 'placed', minutes: 10 },
      conditions: { match: 'all', conditions: [] },
      actions: [{ type: 'rush' }, { type: 'notice', text: 'Nobody took this order', sound: true }],
    });
    const first = startWorker();
    const waiting = await place();
    const taken = await place();
    await first.drain();
    expect(await t.db.selectFrom('automation_timers').select('order_id').execute()).toHaveLength(2);
    const manager = await signedIn(t.db, t.fixture.staff.manager);
    await manager.kitchen.transition({
      orderId: taken.order.id,
      expectedVersion: 1,
      to: 'accepted',
    });
    await first.drain();
    await first.close();

    offset += 9 * MINUTE;
    const second = startWorker();
    await second.drain();
    expect(await runsOf(rule.id)).toHaveLength(0);
    offset += 2 * MINUTE;
    await second.drain();

    const runs = await runsOf(rule.id);
    expect(runs.map((run) => [run.order_id, run.status])).toEqual([
      [waiting.order.id, 'succeeded'],
      [waiting.order.id, 'succeeded'],
    ]);
    expect(runs[0]!.summary).toBe(`Order ${waiting.order.displayNumber} waited 10 min in New`);
    const board = await manager.kitchen.board({ locationId: t.fixture.main.id });
    const rush = Object.fromEntries(board.tickets.map((ticket) => [ticket.id, ticket.rush]));
    expect(rush).toEqual({ [waiting.order.id]: true, [taken.order.id]: false });
    expect(await t.db.selectFrom('automation_timers').select('order_id').execute()).toEqual([]);
  });

  it('accepts an order and tells its guest, once, and a rule made later ignores the past', async () => {
    await place();
    const { rule } = await makeRule({
      conditions: { match: 'all', conditions: [] },
      actions: [{ type: 'accept' }, { type: 'guestMessage', text: 'Thanks! We are on it.' }],
    });
    const worker = startWorker();
    await worker.drain();
    expect(await runsOf(rule.id)).toEqual([]);

    const placed = await place();
    await worker.drain();
    await worker.drain();
    const tracked = await guest(t.db).orders.track({
      orderId: placed.order.id,
      token: placed.trackingToken,
    });
    expect(tracked.order.status).toBe('accepted');
    expect(tracked.order.guestMessages.map((message) => message.text)).toEqual([
      'Thanks! We are on it.',
    ]);
    // Its own changes (accepted, the message) are events too; they start nothing more.
    expect(await runsOf(rule.id)).toHaveLength(2);
  });

  it('refuses a webhook to the private network unless the operator allowed it', async () => {
    const { rule } = await makeRule({
      conditions: { match: 'all', conditions: [] },
      actions: [webhook('/ok')],
    });
    const worker = startWorker({ allowPrivate: false, allowHosts: [] });
    await place();
    await worker.drain();
    const [refused] = await runsOf(rule.id);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused!.last_error).toContain('private network');
    expect(receiver.received).toEqual([]);
  });

  it('polls for as long as it runs without piling up listeners', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    let reads = 0;
    const worker = startAutomation(t.db, {
      locks: {},
      policy: ALLOW_LOOPBACK,
      now: () => {
        reads += 1;
        return now();
      },
      pollMs: 1,
      log: (message) => logged.push(message),
    });
    workers.push(worker);
    try {
      // Each pass reads the clock at least once: wait for a few dozen polls.
      await vi.waitFor(() => expect(reads).toBeGreaterThan(40), { timeout: 20_000 });
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('a dry run says which of the last events the rule would have acted on', async () => {
    await place(1);
    await place(3);
    const manager = await signedIn(t.db, t.fixture.staff.manager);
    const lines = await manager.automation.dryRun({
      locationId: t.fixture.main.id,
      rule: sampleRule({
        conditions: { match: 'all', conditions: [{ field: 'total', op: 'gte', value: 3_000 }] },
      }),
    });
    expect(lines.map((line) => [line.summary, line.matched])).toEqual([
      ['Order #002 placed', true],
      ['Order #001 placed', false],
    ]);
    expect(await t.db.selectFrom('automation_runs').select('id').execute()).toEqual([]);
  });
});
