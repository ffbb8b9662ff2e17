/** One server-sent event: its `event` name (default `message`) and joined `data` lines. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads server-sent events from a byte stream (WHATWG "text/event-stream" parsing: lines end in
 * CR, LF or CRLF; a blank line dispatches; `:` lines are comments). An event cut off by the end of
 * the stream is dropped, as the specification says, so a truncated stream shows up to the caller as
 * a missing end marker, never as half an event.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let dataLines: string[] = [];
  let eventName = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let lineEnd: RegExpExecArray | null;
      const lineBreak = /\r\n|\r|\n/g;
      let consumed = 0;
      while ((lineEnd = lineBreak.exec(buffer)) !== null) {
        // A lone CR at the very end may be the first half of CRLF: wait for more input.
        if (lineEnd[0] === '\r' && lineEnd.index === buffer.length - 1 && !done) break;
        const line = buffer.slice(consumed, lineEnd.index);
        consumed = lineEnd.index + lineEnd[0].length;
        if (line === '') {
          if (dataLines.length > 0) yield { event: eventName || 'message', data: dataLines.join('\n') };
          dataLines = [];
          eventName = '';
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let fieldValue = colon === -1 ? '' : line.slice(colon + 1);
        if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
        if (field === 'data') dataLines.push(fieldValue);
        else if (field === 'event') eventName = fieldValue;
      }
      buffer = buffer.slice(consumed);
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
