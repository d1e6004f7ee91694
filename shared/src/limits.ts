/**
 * Limits the server enforces at its public edge that the client must respect
 * too, so a well-behaved client never trips them.
 */

/**
 * The most calls one HTTP request (or one WebSocket message) may batch. A
 * screen batches the few queries it renders together; a stranger batching
 * a hundred password checks or a thousand orders is refused before any runs.
 */
export const MAX_BATCH_CALLS = 16;

/**
 * How many events a subscription may ask to have replayed. A screen that was
 * away longer reloads its snapshot instead (the server answers
 * PAYLOAD_TOO_LARGE), which costs one query rather than thousands of events.
 */
export const MAX_REPLAY_EVENTS = 1000;
