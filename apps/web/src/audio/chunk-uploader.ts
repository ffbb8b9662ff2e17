/** Sends one chunk; resolves once the server has stored it. */
export type SendChunk = (chunk: {
  sequence: number;
  part: number;
  data: Blob;
}) => Promise<{ nextSequence: number }>;

/** What the uploader reports: chunks waiting, the last acknowledged sequence, and a failure that stopped it. */
export interface UploaderState {
  pending: number;
  acknowledged: number;
  retrying: boolean;
  error?: unknown;
}

/** Options for `ChunkUploader`. */
export interface ChunkUploaderOptions {
  send: SendChunk;
  /** The first sequence number to use (the server's `nextSequence` when resuming). */
  firstSequence: number;
  part: number;
  onChange?: (state: UploaderState) => void;
  /** True for failures worth retrying (network, 5xx, 429); others stop the uploader. */
  isRetryable?: (error: unknown) => boolean;
  /** Waits between attempts, in milliseconds; the last is repeated. Default 0.5, 1, 2, 4, 5 s. */
  delays?: readonly number[];
  sleep?: (milliseconds: number) => Promise<void>;
}

/**
 * Uploads recorded chunks one at a time, in order, each with its sequence number. A failed send is retried
 * with the same number (the server ignores a chunk it already has), so retries never duplicate audio.
 */
export class ChunkUploader {
  private readonly queue: Array<{ sequence: number; data: Blob }> = [];
  private nextSequence: number;
  private acknowledged: number;
  private running = false;
  private retrying = false;
  private failure: unknown;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly options: ChunkUploaderOptions) {
    this.nextSequence = options.firstSequence;
    this.acknowledged = options.firstSequence - 1;
  }

  /** The sequence number the next chunk will get. */
  get sequence(): number {
    return this.nextSequence;
  }

  /** Queues a chunk (empty chunks are skipped) and starts sending. */
  enqueue(data: Blob): void {
    if (data.size === 0) return;
    this.queue.push({ sequence: this.nextSequence, data });
    this.nextSequence += 1;
    this.report();
    void this.pump();
  }

  /** Resolves when every queued chunk is stored; rejects if the uploader stopped on an error. */
  flush(): Promise<void> {
    if (this.failure !== undefined)
      return Promise.reject(this.failure instanceof Error ? this.failure : new Error('upload failed'));
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.idleWaiters.push(() => {
        if (this.failure === undefined) resolve();
        else reject(this.failure instanceof Error ? this.failure : new Error('upload failed'));
      });
    });
  }

  private report(): void {
    this.options.onChange?.({
      pending: this.queue.length,
      acknowledged: this.acknowledged,
      retrying: this.retrying,
      ...(this.failure === undefined ? {} : { error: this.failure }),
    });
  }

  private async pump(): Promise<void> {
    if (this.running || this.failure !== undefined) return;
    this.running = true;
    const delays = this.options.delays ?? [500, 1000, 2000, 4000, 5000];
    const sleep =
      this.options.sleep ??
      ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
    const retryable = this.options.isRetryable ?? (() => true);
    try {
      while (this.queue.length > 0) {
        const chunk = this.queue[0];
        if (chunk === undefined) break;
        for (let attempt = 0; ; attempt += 1) {
          try {
            await this.options.send({ sequence: chunk.sequence, part: this.options.part, data: chunk.data });
            break;
          } catch (error) {
            if (!retryable(error)) {
              this.failure = error;
              this.retrying = false;
              this.report();
              return;
            }
            this.retrying = true;
            this.report();
            await sleep(delays[Math.min(attempt, delays.length - 1)] ?? 5000);
          }
        }
        this.queue.shift();
        this.acknowledged = chunk.sequence;
        this.retrying = false;
        this.report();
      }
    } finally {
      this.running = false;
      if (this.queue.length === 0 || this.failure !== undefined) {
        for (const waiter of this.idleWaiters.splice(0)) waiter();
      }
    }
  }
}
