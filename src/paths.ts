import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project root (the folder holding package.json, prompts/ and locales/), found by walking up from
 * this file, so it works from `src/` under ts-jest and from `dist/src/` when built.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'locales'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`project root not found above ${from}`);
    dir = up;
  }
}
