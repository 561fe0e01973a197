import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../shared/config/config.js';

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
