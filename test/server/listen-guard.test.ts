import { checkListen } from '../../src/listen-guard';
import { testConfig } from '../helpers/app-server';

describe('checkListen', () => {
  it('refuses 0.0.0.0 when authentication is off', () => {
    const r = checkListen(testConfig({ HOST: '0.0.0.0' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('0.0.0.0');
  });

  it('refuses a LAN address when authentication is off', () => {
    expect(checkListen(testConfig({ HOST: '192.168.1.20' })).ok).toBe(false);
  });

  it.each(['127.0.0.1', 'localhost', '::1'])('accepts the loopback address %s when authentication is off', (host) => {
    expect(checkListen(testConfig({ HOST: host }))).toEqual({ ok: true });
  });

  it.each(['0.0.0.0', '10.0.0.5', '::'])('accepts %s when an app id turns authentication on', (host) => {
    expect(checkListen(testConfig({ HOST: host, MicrosoftAppId: 'app-id' }))).toEqual({ ok: true });
  });
});
