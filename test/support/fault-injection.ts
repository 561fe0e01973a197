import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** What the wrapped client should meet on a request, instead of (or before) the real service. */
export type Fault =
  | { readonly kind: 'throttle' }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'dropped-connection' }
  /** DynamoDB BatchWriteItem: answer as if none of the items were processed. */
  | { readonly kind: 'unprocessed' };

type Request = Parameters<NodeHttpHandler['handle']>[0];
type Options = Parameters<NodeHttpHandler['handle']>[1];

/** The operation a request is for: DynamoDB's X-Amz-Target, or the S3 method and path. */
export const operationOf = (request: Request) => {
  const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'];
  return target ? (String(target).split('.').at(-1) ?? '') : `${request.method} ${request.path}`;
};

const response = (statusCode: number, body: string, headers: Record<string, string> = {}) => ({
  response: {
    statusCode,
    reason: '',
    headers: { 'content-type': 'application/x-amz-json-1.0', ...headers },
    body: Readable.from([Buffer.from(body)]),
  },
});

/**
 * A request handler that injects faults below the SDK's retry middleware, so the SDK's own
 * retries run as they would against AWS (aws-sdk-client-mock sits above them and would skip them).
 */
export class FaultInjectingHandler extends NodeHttpHandler {
  readonly seen: string[] = [];

  constructor(private readonly plan: (operation: string, attempt: number) => Fault | undefined) {
    super();
  }

  override async handle(request: Request, options?: Options) {
    const operation = operationOf(request);
    this.seen.push(operation);
    const attempt = this.seen.filter((item) => item === operation).length;
    const fault = this.plan(operation, attempt);
    switch (fault?.kind) {
      case 'throttle':
        return response(
          400,
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
            message: 'injected throttle',
          }),
        );
      case 'server-error':
        return response(500, '<Error><Code>InternalError</Code><Message>injected</Message></Error>', {
          'content-type': 'application/xml',
        });
      case 'timeout':
        throw Object.assign(new Error('injected timeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
      case 'dropped-connection':
        throw Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET' });
      case 'unprocessed': {
        const raw = request.body;
        const body = JSON.parse(
          typeof raw === 'string'
            ? raw
            : raw instanceof Uint8Array
              ? Buffer.from(raw).toString('utf8')
              : '{}',
        );
        return response(200, JSON.stringify({ UnprocessedItems: body.RequestItems ?? {} }));
      }
      default:
        return super.handle(request, options);
    }
  }
}
