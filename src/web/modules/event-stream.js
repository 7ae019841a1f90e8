/** Server-sent events read from a `fetch` response (EventSource cannot POST nor send the token). */

/** Reads a `text/event-stream` body to its end, calling `onEvent({event, data})` for each event. */
export async function readEventStream(response, onEvent) {
  if (!response.body) return;
  const parser = createEventStreamParser(onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.end();
}

/**
 * Incremental parser of the event stream format (WHATWG HTML, « server-sent events »): lines end with
 * LF, CR or CRLF, possibly split across chunks; `event:` names the event, `data:` lines are joined with
 * LF, a blank line dispatches, lines starting with `:` are comments (keep-alives).
 */
export function createEventStreamParser(onEvent) {
  let buffer = '';
  let eventName = '';
  let dataLines = [];

  const dispatch = () => {
    if (dataLines.length > 0) onEvent({ event: eventName || 'message', data: dataLines.join('\n') });
    eventName = '';
    dataLines = [];
  };

  const processLine = (line) => {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
    // `id` and `retry` only matter to EventSource reconnections: one response here.
  };

  return {
    push(text) {
      buffer += text;
      let lineStart = 0;
      for (let index = 0; index < buffer.length; index += 1) {
        const character = buffer[index];
        if (character !== '\n' && character !== '\r') continue;
        // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
        if (character === '\r' && index === buffer.length - 1) break;
        processLine(buffer.slice(lineStart, index));
        if (character === '\r' && buffer[index + 1] === '\n') index += 1;
        lineStart = index + 1;
      }
      buffer = buffer.slice(lineStart);
    },
    end() {
      // Lenient: a last event without its blank line still counts (the format would drop it).
      const line = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
      buffer = '';
      if (line !== '') processLine(line);
      dispatch();
    },
  };
}
