import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../shared/config/config.js';
import { loadDigestConfig } from '../../shared/config/digest-config.js';
import { loadCursorSecret } from '../../shared/config/query-config.js';

describe('loadConfig', () => {
  it('reads a complete environment with defaults', () => {
    const config = loadConfig({ TABLE_NAME: 't', BUCKET_NAME: 'b' });
    expect(config).toEqual({
      tableName: 't',
      bucketName: 'b',
      incomingPrefix: 'incoming/',
      region: 'us-east-1',
    });
  });

  it('names every missing variable', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/TABLE_NAME.*BUCKET_NAME/);
  });

  it.each([
    ['INCOMING_PREFIX', 'no-slash', /INCOMING_PREFIX: must end with "\/"/],
    ['DYNAMODB_ENDPOINT', 'not a url', /DYNAMODB_ENDPOINT/],
  ])('names a malformed %s', (name, value, message) => {
    expect(() => loadConfig({ TABLE_NAME: 't', BUCKET_NAME: 'b', [name]: value })).toThrow(message);
  });
});

describe('loadDigestConfig', () => {
  it('reads the sender, recipients and the always-send switch', () => {
    expect(
      loadDigestConfig({ DIGEST_SENDER: 'd@example.org', DIGEST_RECIPIENTS: 'a@example.org, b@example.org' }),
    ).toEqual({
      sender: 'd@example.org',
      recipients: ['a@example.org', 'b@example.org'],
      alwaysSend: false,
    });
  });

  it.each([
    [
      { DIGEST_SENDER: 'd@example.org', DIGEST_RECIPIENTS: '' },
      /DIGEST_RECIPIENTS: needs at least one address/,
    ],
    [
      { DIGEST_SENDER: 'd@example.org', DIGEST_RECIPIENTS: 'a@example.org, not-an-address' },
      /DIGEST_RECIPIENTS/,
    ],
    [{ DIGEST_SENDER: 'nobody', DIGEST_RECIPIENTS: 'a@example.org' }, /DIGEST_SENDER/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadDigestConfig(env)).toThrow(message);
  });
});

describe('loadCursorSecret', () => {
  it('reads a secret of 32 characters or more', () => {
    expect(loadCursorSecret({ CURSOR_SECRET: 's'.repeat(32) })).toBe('s'.repeat(32));
  });

  it.each([
    [{}, /CURSOR_SECRET: Invalid input: expected string, received undefined/],
    [{ CURSOR_SECRET: 'short' }, /CURSOR_SECRET: must be at least 32 characters/],
  ])('names CURSOR_SECRET in %j', (env, message) => {
    expect(() => loadCursorSecret(env)).toThrow(ConfigError);
    expect(() => loadCursorSecret(env)).toThrow(message);
  });
});
