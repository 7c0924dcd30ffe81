// Reading server-sent events in tests: the live streams (server/live/stream.ts) as a browser's
// EventSource would, one JSON payload at a time.
import { expect } from 'vitest';

/** Reads server-sent events from a streaming response, one JSON data payload at a time. */
export class EventReader<T> {
  private buffer = '';
  private reader: ReadableStreamDefaultReader<Uint8Array>;
  private decoder = new TextDecoder();
  constructor(res: Response) {
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    this.reader = res.body!.getReader();
  }
  /** The next event's data, or fails after `ms`. */
  async next(ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const at = this.buffer.indexOf('\n\n');
      if (at >= 0) {
        const block = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
        if (data) return JSON.parse(data) as T;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no event in time');
      const chunk = await Promise.race([this.reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk === null) throw new Error('no event in time');
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }
  /** Events until one satisfies `ok`. */
  async until(ok: (event: T) => boolean, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const e = await this.next(Math.max(1, deadline - Date.now()));
      if (ok(e)) return e;
    }
  }
  /** Whether the server ended the stream within `ms`. */
  async ended(ms = 3000): Promise<boolean> {
    try {
      for (;;) await this.next(ms);
    } catch (e) {
      return (e as Error).message === 'stream ended';
    }
  }
  close(): void {
    void this.reader.cancel().catch(() => undefined);
  }
}

