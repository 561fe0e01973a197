import { z } from 'zod';

/** The parts of an S3 event notification record that ingest relies on. */
export const s3EventRecordSchema = z.object({
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});
export type S3EventRecord = z.infer<typeof s3EventRecordSchema>;

export const s3NotificationSchema = z.object({ Records: z.array(s3EventRecordSchema).min(1) });

/** Sent once when a notification destination is configured; it announces no object. */
export const s3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

export const sqsRecordSchema = z.object({
  messageId: z.string().min(1),
  body: z.string(),
  attributes: z.record(z.string(), z.string()).optional(),
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
