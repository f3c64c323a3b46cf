import { GhlHttpError } from './ghl-http-error.js';

/** A file part of a multipart/form-data body. */
export interface UploadedPart {
  /** The form field's name. */
  readonly fieldname: string;
  readonly filename: string;
  readonly mimetype: string;
  readonly data: Buffer;
}

export interface MultipartForm {
  /** Text fields; a repeated name keeps its last value. */
  readonly fields: Record<string, string>;
  readonly files: readonly UploadedPart[];
}

function boundaryOf(contentType: string | undefined): string {
  const match = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) throw new GhlHttpError(400, 'Multipart: the Content-Type must be multipart/form-data with a boundary');
  return boundary;
}

function headerParam(header: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`\\b${name}=([^;\\s]+)`, 'i').exec(header);
  return match?.[1];
}

/**
 * Parses a multipart/form-data body (RFC 7578), as fetch's FormData sends it: text fields and
 * file parts. Anything malformed is GHL's 400.
 */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartForm {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const fields: Record<string, string> = {};
  const files: UploadedPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new GhlHttpError(400, 'Multipart: the body holds no part');
  for (;;) {
    const after = at + delimiter.length;
    if (body.subarray(after, after + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', after);
    const next = body.indexOf(delimiter, after);
    if (headerEnd < 0 || next < 0 || headerEnd > next) throw new GhlHttpError(400, 'Multipart: a part is cut off');
    const headers = body.subarray(after + 2, headerEnd).toString('utf8');
    // The part's data ends with the CRLF before the next delimiter.
    const data = body.subarray(headerEnd + 4, next - 2);
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = headerParam(disposition, 'name');
    if (name === undefined) throw new GhlHttpError(400, 'Multipart: a part has no name');
    const filename = headerParam(disposition, 'filename');
    if (filename === undefined) {
      fields[name] = data.toString('utf8');
    } else {
      const mimetype = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      files.push({ fieldname: name, filename, mimetype, data: Buffer.from(data) });
    }
    at = next;
  }
  return { fields, files };
}
