/** A record per digest date; written with a condition so the same digest is sent once. */
export interface DigestLog {
  /** Claims the date before sending; false if a digest for it is sent or being sent. */
  markSent(
    date: string,
    summary: { readonly since: string; readonly until: string; readonly shifts: number },
    at: Date,
  ): Promise<boolean>;
  /** The mail went out: the claim becomes a record that it was sent. */
  confirmSent(date: string, at: Date): Promise<void>;
  /** The mail did not go out: the claim is released so a retry can send it. */
  markFailed(date: string, error: string, at: Date): Promise<void>;
  /** The last digest sent, if any. */
  lastSent(): Promise<{ readonly date: string; readonly until: string } | undefined>;
}
