/** The business identity of one S3 object version: what an at-least-once delivery is about. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  /** Version id in a versioned bucket, else the ETag; identifies the content the event announced. */
  readonly version: string;
}

export type ReceiptOutcome = 'stored' | 'duplicate' | 'rejected';

export interface ObjectReceipts {
  /** The outcome recorded for this object version, if it was processed before. */
  findReceipt(ref: ObjectRef): Promise<ReceiptOutcome | undefined>;
  recordReceipt(
    ref: ObjectRef,
    outcome: ReceiptOutcome,
    dispatchId: string | undefined,
    at: Date,
  ): Promise<void>;
}
