const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * CSV whose lines end in CRLF (RFC 4180, what spreadsheets expect) from CSV whose lines end in LF,
 * as PostgreSQL's COPY writes it, one chunk at a time: an LF inside a quoted field is data and
 * stays as it is. Counts the lines it has ended.
 */
export class CrlfLines {
  private quoted = false;
  lines = 0;

  convert(chunk: Buffer): Buffer {
    const ends: number[] = [];
    let quote = chunk.indexOf(QUOTE);
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
      // A doubled quote inside a field toggles twice: the parity says whether we are inside one.
      for (; quote !== -1 && quote < lf; quote = chunk.indexOf(QUOTE, quote + 1)) this.quoted = !this.quoted;
      if (!this.quoted) ends.push(lf);
    }
    for (; quote !== -1; quote = chunk.indexOf(QUOTE, quote + 1)) this.quoted = !this.quoted;
    if (ends.length === 0) return chunk;
    this.lines += ends.length;
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let from = 0;
    let to = 0;
    for (const end of ends) {
      to += chunk.copy(out, to, from, end);
      out[to++] = CR;
      from = end;
    }
    chunk.copy(out, to, from);
    return out;
  }
}
