import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isBlockedAddress } from './address-policy.js';

export const FEED_LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 3 } as const;

export type FeedFetchErrorCode =
  | 'bad-url'
  | 'scheme'
  | 'blocked-address'
  | 'too-many-redirects'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'network';

/** Why a feed could not be fetched; the code is stable, the message names the URL and the limit. */
export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError';
  constructor(
    readonly code: FeedFetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchOptions {
  /** Conditional GET validators from the last successful poll. */
  readonly etag?: string;
  readonly lastModified?: string;
  /**
   * Local development only: which private addresses may be reached (true: all of them). Off by
   * default; in AWS it is never set.
   */
  readonly allowPrivate?: boolean | ((address: string, port: number) => boolean);
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
}

export type FetchResult =
  | { readonly kind: 'not-modified'; readonly url: string }
  | {
      readonly kind: 'fetched';
      readonly url: string;
      readonly body: Buffer;
      readonly contentType?: string;
      readonly etag?: string;
      readonly lastModified?: string;
    };

/**
 * Fetches a feed URL with our own client: http and https only; every address the host resolves
 * to is checked before connecting — and the connection is pinned to the checked address, so DNS
 * cannot change its answer in between — and again after every redirect (at most 3); bodies over
 * 5 MB and requests over 10 s are aborted; a 304 means "no change".
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? FEED_LIMITS.maxRedirects;
  const deadline = Date.now() + (options.timeoutMs ?? FEED_LIMITS.timeoutMs);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const response = await requestOnce(current, options, deadline);
    if (response.result) return response.result;
    if (redirects >= maxRedirects) {
      throw new FeedFetchError('too-many-redirects', `${url} redirected more than ${maxRedirects} times`);
    }
    current = response.redirect;
  }
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedFetchError('bad-url', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FeedFetchError('scheme', `${parsed.protocol} is not allowed for feeds; use http or https`);
  }
  if (parsed.username || parsed.password)
    throw new FeedFetchError('bad-url', 'feed URLs may not carry credentials');
  return parsed;
}

const allowed = (options: FetchOptions, address: string, port: number) =>
  !isBlockedAddress(address) ||
  options.allowPrivate === true ||
  (typeof options.allowPrivate === 'function' && options.allowPrivate(address, port));

/** Resolves the host, refuses it if any address is off limits, and connects to the checked one. */
function guardedLookup(
  options: FetchOptions,
  port: number,
  onBlocked: (address: string) => void,
): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = Array.isArray(addresses) ? addresses : [];
      const refused = list.find((entry) => !allowed(options, entry.address, port));
      if (refused || list.length === 0) {
        onBlocked(refused?.address ?? hostname);
        return callback(new Error('blocked address'), '', 4);
      }
      const first = list[0] as { address: string; family: number };
      if (lookupOptions.all) return callback(null, list);
      return callback(null, first.address, first.family);
    });
  };
}

function requestOnce(
  url: string,
  options: FetchOptions,
  deadline: number,
): Promise<{ redirect: string; result?: never } | { redirect?: undefined; result: FetchResult }> {
  const parsed = parseUrl(url);
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // A literal address never reaches DNS: check it here (the URL parser already turned
  // 2130706433, 0x7f.1 and 0177.0.0.1 into dotted form).
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    if (!allowed(options, host, port)) {
      return Promise.reject(
        new FeedFetchError(
          'blocked-address',
          `${url} points at ${host}, a private or special-purpose address`,
        ),
      );
    }
  }
  const remaining = deadline - Date.now();
  if (remaining <= 0)
    return Promise.reject(new FeedFetchError('timeout', `${url} did not answer within the time limit`));
  const maxBytes = options.maxBytes ?? FEED_LIMITS.maxBytes;

  return new Promise((resolve, reject) => {
    let blockedAddress: string | undefined;
    const send = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      parsed,
      {
        method: 'GET',
        lookup: guardedLookup(options, port, (address) => {
          blockedAddress = address;
        }),
        headers: {
          'user-agent': 'treatywatch feed poller',
          accept:
            'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml, text/xml;q=0.9, */*;q=0.1',
          'accept-encoding': 'identity',
          ...(options.etag ? { 'if-none-match': options.etag } : {}),
          ...(options.lastModified ? { 'if-modified-since': options.lastModified } : {}),
        },
        signal: AbortSignal.timeout(remaining),
      },
      (response) => handleResponse(url, response, maxBytes, resolve, reject),
    );
    request.on('error', (error: Error) => {
      if (blockedAddress) {
        reject(
          new FeedFetchError(
            'blocked-address',
            `${url} resolves to ${blockedAddress}, a private or special-purpose address`,
          ),
        );
      } else if (error.name === 'AbortError' || error.name === 'TimeoutError') {
        reject(
          new FeedFetchError(
            'timeout',
            `${url} did not finish within ${options.timeoutMs ?? FEED_LIMITS.timeoutMs} ms`,
          ),
        );
      } else if (error instanceof FeedFetchError) {
        reject(error);
      } else {
        reject(new FeedFetchError('network', `${url}: ${error.message}`));
      }
    });
    request.end();
  });
}

function handleResponse(
  url: string,
  response: IncomingMessage,
  maxBytes: number,
  resolve: (value: { redirect: string } | { result: FetchResult }) => void,
  reject: (error: Error) => void,
) {
  const status = response.statusCode ?? 0;
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  if (status >= 300 && status < 400 && status !== 304) {
    response.resume();
    const location = header('location');
    if (!location)
      return reject(new FeedFetchError('http-status', `${url} answered ${status} without a Location`));
    return resolve({ redirect: new URL(location, url).toString() });
  }
  if (status === 304) {
    response.resume();
    return resolve({ result: { kind: 'not-modified', url } });
  }
  if (status < 200 || status >= 300) {
    response.resume();
    return reject(new FeedFetchError('http-status', `${url} answered HTTP ${status}`));
  }
  const declared = Number(header('content-length') ?? 0);
  if (declared > maxBytes) {
    response.destroy();
    return reject(
      new FeedFetchError('too-large', `${url} is ${declared} bytes; feeds may be at most ${maxBytes} bytes`),
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy(
        new FeedFetchError(
          'too-large',
          `${url} sent more than ${maxBytes} bytes; feeds may be at most ${maxBytes} bytes`,
        ),
      );
      return;
    }
    chunks.push(chunk);
  });
  response.on('error', reject);
  response.on('end', () => {
    const contentType = header('content-type');
    const etag = header('etag');
    const lastModified = header('last-modified');
    resolve({
      result: {
        kind: 'fetched',
        url,
        body: Buffer.concat(chunks),
        ...(contentType ? { contentType } : {}),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      },
    });
  });
}
