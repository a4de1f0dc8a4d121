import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemType } from '../errors/problem-details.filter';

const STATUS_BY_CODE: Record<string, number> = { HPE_HEADER_OVERFLOW: 431, HPE_URI_TOO_LONG: 414 };

/**
 * Requests Node's HTTP parser refuses before any route sees them (headers or address too long,
 * malformed request lines) are answered in the same problem+json as everything else, not with
 * Node's bare default.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    const code = status === 431 ? 'headers_too_large' : status === 414 ? 'uri_too_long' : 'malformed_request';
    const body = JSON.stringify({
      type: problemType(code),
      title: STATUS_CODES[status],
      status,
      detail: status === 400 ? 'The request could not be read as HTTP.' : 'The request is larger than the server reads.',
      code,
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
