import { z } from 'zod';

/** "a@example.org, b@example.org" → validated addresses (the digest's recipients, in env or CDK context). */
export const emailList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.email()));
