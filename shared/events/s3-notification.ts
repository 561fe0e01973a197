import * as z from '../zod.js';

const nonEmpty = z.string().check(z.minLength(1));

/** The parts of an S3 event notification record that ingest relies on. */
export const s3EventRecordSchema = z.object({
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: nonEmpty }),
    object: z.object({
      key: nonEmpty,
      size: z.optional(z.number()),
      eTag: z.optional(z.string()),
      versionId: z.optional(z.string()),
      sequencer: z.optional(z.string()),
    }),
  }),
});
export type S3EventRecord = z.infer<typeof s3EventRecordSchema>;

export const s3NotificationSchema = z.object({
  Records: z.array(s3EventRecordSchema).check(z.minLength(1)),
});

/** Sent once when a notification destination is configured; it announces no object. */
export const s3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

export const sqsRecordSchema = z.object({
  messageId: nonEmpty,
  body: z.string(),
  attributes: z.optional(z.record(z.string(), z.string())),
});
export const sqsEventSchema = z.object({ Records: z.array(sqsRecordSchema) });
export type SqsRecord = z.infer<typeof sqsRecordSchema>;

/** S3 URL-encodes keys in notifications, with `+` for a space. */
export const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));
/** The inverse, for local runtimes that must hand Lambda code the keys S3 would. */
export const encodeS3Key = (key: string): string =>
  key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');
