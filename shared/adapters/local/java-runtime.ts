import { spawnSync } from 'node:child_process';

export const MIN_JAVA_MAJOR = 17;

/** DynamoDB Local is a Java program; without Java 17+ nothing local can start. */
export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
}

/** Returns the Java major version, or throws a one-line instruction to install it. */
export function requireJava(): number {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const found = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`);
  const major = found ? (found[1] === '1' ? Number(found[2]) : Number(found[1])) : undefined;
  if (result.error || major === undefined || major < MIN_JAVA_MAJOR) {
    const seen = major === undefined ? 'no java on PATH' : `found Java ${major}`;
    throw new JavaMissingError(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR}+ (${seen}): install it, e.g. "sudo apt-get install openjdk-17-jre-headless" or "brew install openjdk@17".`,
    );
  }
  return major;
}
