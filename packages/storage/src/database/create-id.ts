import { randomBytes } from 'node:crypto';

/**
 * Returns a generator of time-ordered ids (UUID-shaped: 48-bit milliseconds, a 16-bit counter, 64 random
 * bits). Ids from one generator sort in creation order, which lists use to break ties between equal times.
 */
export function createIdGenerator(now: () => number = Date.now): () => string {
  let lastTime = 0;
  let counter = 0;
  return () => {
    let time = Math.max(now(), lastTime);
    if (time === lastTime) {
      counter += 1;
      if (counter > 0xffff) {
        time += 1;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastTime = time;
    const hex =
      time.toString(16).padStart(12, '0') +
      counter.toString(16).padStart(4, '0') +
      randomBytes(8).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
}
