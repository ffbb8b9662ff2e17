import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './server-sent-events';

/** A byte stream delivering the given pieces one by one. */
function streamOf(pieces: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      const piece = pieces[index];
      index += 1;
      if (piece === undefined) controller.close();
      else controller.enqueue(encoder.encode(piece));
    },
  });
}

async function collect(pieces: readonly string[]): Promise<Array<{ event: string; data: string }>> {
  const events: Array<{ event: string; data: string }> = [];
  for await (const event of readServerSentEvents(streamOf(pieces))) events.push(event);
  return events;
}

describe('readServerSentEvents', () => {
  it('reads events separated by blank lines, with LF, CRLF and CR line ends', async () => {
    expect(await collect(['data: a\n\ndata: b\r\n\r\ndata: c\r\r'])).toEqual([
      { event: 'message', data: 'a' },
      { event: 'message', data: 'b' },
      { event: 'message', data: 'c' },
    ]);
  });

  it('joins multi-line data, keeps event names and skips comments', async () => {
    expect(await collect([': keep-alive\n', 'event: delta\ndata: one\ndata: two\n\n'])).toEqual([
      { event: 'delta', data: 'one\ntwo' },
    ]);
  });

  it('reassembles events and multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: blødning\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 9));
        controller.enqueue(bytes.slice(9, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readServerSentEvents(stream)) events.push(event.data);
    expect(events).toEqual(['blødning']);
  });

  it('does not split CRLF that arrives in two chunks into two line ends', async () => {
    expect(await collect(['data: x\r', '\n\r\ndata: y\n\n'])).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: 'y' },
    ]);
  });

  it('drops an event cut off by the end of the stream', async () => {
    expect(await collect(['data: whole\n\n', 'data: {"half'])).toEqual([{ event: 'message', data: 'whole' }]);
  });
});
