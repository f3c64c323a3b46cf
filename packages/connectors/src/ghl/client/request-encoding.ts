import { REQUEST_ENCODINGS } from '../generated/request-encodings.js';

/** How one operation's request is encoded, when it is not the default. */
export interface RequestEncoding {
  /** OpenAPI `style`/`explode` of query parameters that are not `form` + exploded. */
  readonly query?: Readonly<Record<string, { readonly style: string; readonly explode: boolean }>>;
  /** The request body's media type when it is not `application/json`. */
  readonly bodyMediaType?: string;
}

const DEFAULT: RequestEncoding = {};

/** The encoding GHL's documents give for `METHOD /path/template`. */
export function requestEncodingOf(method: string, pathTemplate: string): RequestEncoding {
  return REQUEST_ENCODINGS[`${method.toUpperCase()} ${pathTemplate}`] ?? DEFAULT;
}
