export { type DigestDispatch, type DigestInput, digestSubject, type FeedAlert, hasNews } from './digest.js';
export { escapeHtml, renderDigestHtml, timelineSvg } from './render-html.js';
export { renderDigestText } from './render-text.js';
