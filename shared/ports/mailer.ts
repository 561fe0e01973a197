export interface Mail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}
