import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * Validates a manifest and its localization files against the copies of the Teams JSON schemas kept
 * in appPackage/schema/ (no network needed). Returns the list of faults, empty when valid.
 */
export function validateManifest(root: string, manifest: unknown, localizations: Record<string, unknown>): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const load = (name: string) => JSON.parse(readFileSync(join(root, 'appPackage', 'schema', name), 'utf8')) as object;
  const faults: string[] = [];
  const check = (schema: object, data: unknown, what: string) => {
    const validate = ajv.compile(schema);
    if (!validate(data)) for (const e of validate.errors ?? []) faults.push(`${what}${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  };
  check(load('MicrosoftTeams.schema.v1.29.json'), manifest, 'manifest.json');
  const locSchema = load('MicrosoftTeams.Localization.schema.v1.29.json');
  for (const [lng, data] of Object.entries(localizations)) check(locSchema, data, `${lng}.json`);
  return faults;
}
