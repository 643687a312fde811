/** Each error code: the HTTP status the local host answers with, and the message users read. */
export interface ErrorSpec {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503;
  message: string;
}
