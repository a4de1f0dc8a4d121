import type { Response } from 'express';

/** A download of responses: CSV, saved as a file, never cached on the way. */
export const csvHeaders = (response: Response, name: string): void => {
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${name}"`);
  response.setHeader('cache-control', 'no-store');
};
