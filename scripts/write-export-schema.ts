import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../src/paths';
import { EXPORT_VERSION, SessionExport } from '../src/summary/export';

/** The JSON Schema of the session export, exactly as published in the repository. */
export function exportSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(SessionExport),
    $id: `https://faro.invalid/schemas/session-export-${EXPORT_VERSION}.json`,
    title: `Faro session export ${EXPORT_VERSION}`,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export const exportSchemaPath = (): string => join(projectRoot(), 'docs', 'schemas', `session-export-${EXPORT_VERSION}.json`);

if (require.main === module) {
  writeFileSync(exportSchemaPath(), exportSchemaText());
  process.stdout.write(`wrote ${exportSchemaPath()}\n`);
}
