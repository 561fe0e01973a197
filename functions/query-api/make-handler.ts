import type { Logger } from '@aws-lambda-powertools/logger';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../shared/domain/cursor.js';
import {
  type QueryDeps,
  queryDispatches,
  queryPositions,
  queryShifts,
} from '../../shared/usecases/queries.js';
import { actorParam, isoDateParam, reversedRange, topicParam } from '../../shared/usecases/query-params.js';
import * as z from '../../shared/zod.js';

export interface QueryApiDeps extends QueryDeps {
  readonly cursorSecret: string;
  readonly logger: Logger;
}

/** The parts of a Lambda Function URL (API Gateway v2 payload) event the API reads. */
const eventSchema = z.object({
  rawPath: z.string(),
  requestContext: z.object({ http: z.object({ method: z.string() }) }),
  queryStringParameters: z.optional(z.record(z.string(), z.string())),
});

const date = z.optional(isoDateParam);
const actor = z.optional(actorParam);
const topic = z.optional(topicParam);
const page = {
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
};
const ROUTES = {
  '/positions': z.strictObject({
    actor,
    topic,
    asOf: date,
    ...page,
  }),
  '/shifts': z.strictObject({
    actor,
    topic,
    since: date,
    until: date,
    ...page,
  }),
  '/dispatches': z.strictObject({
    actor,
    topic,
    from: date,
    to: date,
    ...page,
  }),
} as const;

/** The routes that take a date range: the names of its first and last date. */
const RANGES = {
  '/shifts': { first: 'since', last: 'until' },
  '/dispatches': { first: 'from', last: 'to' },
} as const;

const isRoute = (path: string): path is keyof typeof ROUTES => Object.hasOwn(ROUTES, path);

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/**
 * GET /positions, /shifts and /dispatches as JSON. Bad parameters get a 400 that names them;
 * cursors are opaque and signed, so a tampered one is a 400 too.
 */
export function makeHandler(deps: QueryApiDeps) {
  return async (event: unknown): Promise<HttpResponse> => {
    const request = eventSchema.safeParse(event);
    if (!request.success) return json(400, { error: 'not a Function URL request' });
    const { rawPath } = request.data;
    if (request.data.requestContext.http.method !== 'GET')
      return json(405, { error: 'only GET is supported' });
    if (!isRoute(rawPath)) {
      return json(404, { error: `no such resource ${rawPath}; try /positions, /shifts or /dispatches` });
    }
    const path = rawPath;
    const params = ROUTES[path].safeParse(request.data.queryStringParameters ?? {});
    if (!params.success) {
      return json(400, {
        error: params.error.issues
          .map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`)
          .join('; '),
      });
    }
    const { cursor, limit, ...filter } = params.data;
    const given: Readonly<Record<string, string | undefined>> = filter;
    const range = path === '/positions' ? undefined : RANGES[path];
    const reversed =
      range && reversedRange({ first: given[range.first], last: given[range.last] }, range.first);
    if (reversed) return json(400, { error: `${range.last}: ${reversed}` });
    const queryKey = `${path}?${JSON.stringify(filter)}`;
    try {
      const offset = cursor ? decodeCursor(deps.cursorSecret, queryKey, cursor) : 0;
      const all = await run(deps, path, filter);
      const items = all.slice(offset, offset + limit);
      const next =
        offset + limit < all.length ? encodeCursor(deps.cursorSecret, queryKey, offset + limit) : null;
      return json(200, { items, nextCursor: next });
    } catch (error) {
      if (error instanceof InvalidCursorError) return json(400, { error: `cursor: ${error.message}` });
      deps.logger.error('query failed', error instanceof Error ? error : String(error));
      return json(500, { error: 'internal error' });
    }
  };
}

async function run(
  deps: QueryDeps,
  path: keyof typeof ROUTES,
  filter: Record<string, string | undefined>,
): Promise<unknown[]> {
  const defined = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  if (path === '/positions') return queryPositions(deps, defined);
  if (path === '/shifts') return queryShifts(deps, defined);
  const dispatches = await queryDispatches(deps, defined);
  return dispatches.map((stored) => ({
    id: stored.dispatch.id,
    date: stored.dispatch.date,
    dateSource: stored.dispatch.dateSource,
    title: stored.dispatch.title ?? null,
    source: stored.source,
    classification: stored.classification ?? null,
  }));
}
