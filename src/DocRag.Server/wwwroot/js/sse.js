// Server-Sent Events read from a fetch() response body (EventSource cannot POST or send an Authorization header).

/**
 * Yields { event, data, id } for each event of a text/event-stream body, as it arrives. Follows the SSE parsing
 * rules: "field: value" lines, comments starting with ":", multi-line data joined with "\n", a blank line dispatches.
 */
export async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = '';
  let data = [];
  let id = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        let line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n'), id };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
        if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
        if (field === 'event') event = fieldValue;
        else if (field === 'data') data.push(fieldValue);
        else if (field === 'id') id = fieldValue;
      }
    }
    if (data.length) yield { event: event || 'message', data: data.join('\n'), id };
  } finally {
    // Stops the download when the reader leaves early (a break, an error); harmless once the body has ended.
    reader.cancel().catch(() => {});
  }
}
