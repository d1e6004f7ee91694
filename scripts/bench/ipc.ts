/**
 * The few messages between the benchmark and the server processes it starts:
 * readiness, and the measurements only the process itself can take.
 */
export type BenchRequest = { type: 'heap' } | { type: 'cpu' } | { type: 'stop' };

export type BenchReply =
  | { type: 'ready'; port: number }
  | { type: 'heap'; heapUsed: number }
  | { type: 'cpu'; user: number; system: number; resyncs: number };

/** Answers the benchmark's requests in a server process started with --expose-gc. */
export function answerBench(stop: () => Promise<void>, resyncs: () => number = () => 0): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (message: BenchRequest) => {
    const reply = (answer: BenchReply) => process.send?.(answer);
    if (message.type === 'heap') {
      // Twice: the first pass can leave finalizer work for the second.
      gc?.();
      gc?.();
      reply({ type: 'heap', heapUsed: process.memoryUsage().heapUsed });
    } else if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      reply({ type: 'cpu', user: usage.user, system: usage.system, resyncs: resyncs() });
    } else {
      void stop().then(() => process.exit(0));
    }
  });
}
