import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from '../../ports/mailer.js';

/** Header injection guard: a subject or address is one line whatever the dispatch text held. */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

export class SesMailer implements Mailer {
  constructor(private readonly client: SESv2Client) {}

  async send(mail: Mail): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: oneLine(mail.from),
        Destination: { ToAddresses: mail.to.map(oneLine) },
        Content: {
          Simple: {
            Subject: { Data: oneLine(mail.subject), Charset: 'UTF-8' },
            Body: {
              Html: { Data: mail.html, Charset: 'UTF-8' },
              Text: { Data: mail.text, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
  }
}
