import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BUNDLE } from './bundling.js';

export interface TreatywatchFunctionProps {
  /** Path of the handler module, relative to the repository root (functions/NAME/handler.ts). */
  readonly entry: string;
  readonly description: string;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  /** @default 512 MB */
  readonly memorySize?: number;
  /** Merged over the defaults, never replacing them. */
  readonly environment?: Record<string, string>;
}

/**
 * Every Lambda default in one place: Node.js 24 on ARM64, minified ESM with source maps bundled
 * by the local esbuild (no Docker), JSON logs kept a month.
 */
export class TreatywatchFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: TreatywatchFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 512,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: BUNDLE.target,
        mainFields: [...BUNDLE.mainFields],
        banner: BUNDLE.banner,
        forceDockerBundling: false,
      },
    });
  }

  /**
   * Grants table access and sets TABLE_NAME in one call, so they cannot drift apart. 'update'
   * adds conditional updates only (the digest's sent records): no deletes.
   */
  bindTable(table: ITableV2, access: 'read' | 'readUpdate' | 'readWrite'): this {
    if (access === 'readWrite') table.grantReadWriteData(this.function);
    else table.grantReadData(this.function);
    if (access === 'readUpdate') table.grant(this.function, 'dynamodb:UpdateItem');
    this.function.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /** Grants bucket access — reading, and with 'readPut' writing archived bodies; never deleting — and sets BUCKET_NAME. */
  bindBucket(bucket: IBucket, access: 'read' | 'readPut'): this {
    bucket.grantRead(this.function);
    if (access === 'readPut') bucket.grantPut(this.function);
    this.function.addEnvironment('BUCKET_NAME', bucket.bucketName);
    return this;
  }
}
