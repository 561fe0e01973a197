export type { Citation, DateSource, Dispatch, DispatchContext, Paragraph } from './dispatch.js';
export { DATE_SOURCES } from './dispatch.js';
export { MAX_DISPATCH_BYTES } from './parse/decode-text.js';
export { DispatchRejectedError, REJECT_CODES, type RejectCode } from './parse/dispatch-rejected-error.js';
export { type ParseResult, parseDispatch } from './parse/parse-dispatch.js';
