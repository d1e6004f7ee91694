/**
 * When the hub compares its live rooms with the log: every `sweepMs` while it
 * has rooms (a last resort for a lost last message), once shortly after a
 * failed publish, and every `pollMs` while the bus is down. A poll never
 * overlaps the previous one, so a slow database sees one query stream per
 * process, not a pile-up.
 */
export interface SweepScheduleOptions {
  /** 0 turns the periodic sweep off. */
  sweepMs: number;
  pollMs: number;
  sweep: () => Promise<void>;
  poll: () => Promise<void>;
}

export class SweepSchedule {
  readonly #options: SweepScheduleOptions;
  #periodic: NodeJS.Timeout | null = null;
  #soon: NodeJS.Timeout | null = null;
  #poll: NodeJS.Timeout | null = null;
  #polling = false;

  constructor(options: SweepScheduleOptions) {
    this.#options = options;
  }

  periodic(on: boolean): void {
    if (on && !this.#periodic && this.#options.sweepMs > 0) {
      this.#periodic = setInterval(() => void this.#options.sweep(), this.#options.sweepMs);
      this.#periodic.unref();
    } else if (!on && this.#periodic) {
      clearInterval(this.#periodic);
      this.#periodic = null;
    }
  }

  /** One sweep after `delayMs`; calls meanwhile share it. */
  soon(delayMs: number): void {
    if (this.#soon) return;
    this.#soon = setTimeout(() => {
      this.#soon = null;
      void this.#options.sweep();
    }, delayMs);
    this.#soon.unref();
  }

  polling(on: boolean): void {
    if (on && !this.#poll) {
      this.#poll = setInterval(() => this.#pollOnce(), this.#options.pollMs);
      this.#poll.unref();
    } else if (!on && this.#poll) {
      clearInterval(this.#poll);
      this.#poll = null;
    }
  }

  #pollOnce(): void {
    if (this.#polling) return;
    this.#polling = true;
    void this.#options.poll().finally(() => {
      this.#polling = false;
    });
  }

  stop(): void {
    this.periodic(false);
    this.polling(false);
    if (this.#soon) clearTimeout(this.#soon);
    this.#soon = null;
  }
}
