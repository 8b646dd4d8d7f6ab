import { authEnabled, isLoopback, type Config } from './config';

export type ListenCheck = { ok: true } | { ok: false; reason: string };

/**
 * With authentication off anyone who reaches the port can speak as any user and read the local Direct
 * Line, so Faro then listens on loopback only. Pure: the composition root decides what to do.
 */
export function checkListen(config: Config): ListenCheck {
  if (authEnabled(config) || isLoopback(config.HOST)) return { ok: true };
  return {
    ok: false,
    reason: `HOST=${config.HOST} is not a loopback address and authentication is off (no MicrosoftAppId). Set HOST=127.0.0.1 or configure MicrosoftAppId.`,
  };
}
