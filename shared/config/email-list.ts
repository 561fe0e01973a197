import * as z from '../zod.js';

/** "a@example.org, b@example.org" → validated addresses (the digest's recipients, in env or CDK context). */
export const emailList = z.pipe(
  z.pipe(
    z.string(),
    z.transform((value: string) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ),
  z.array(z.email()),
);
