import type { IndicatorCatalogue, Protocol } from './schema';

/**
 * Every locale key a protocol needs, as documented in schema.ts: `title`, `description`,
 * `sections.<id>`, and per visible step `steps.<id>.{title,body,why}` plus its kind's keys.
 */
export function protocolKeys(p: Protocol): string[] {
  const keys = ['title', 'description', ...p.sections.map((s) => `sections.${s}`)];
  for (const s of p.steps) {
    if (s.kind === 'branch') continue;
    const k = `steps.${s.id}`;
    keys.push(`${k}.title`, `${k}.body`, `${k}.why`);
    if (s.kind === 'questions') {
      keys.push(...s.questions.map((q) => `${k}.questions.${q.id}`), ...(s.avoid ?? []).map((a) => `${k}.avoid.${a}`));
    } else if (s.kind === 'cautions') {
      keys.push(...s.items.map((i) => `${k}.items.${i}`));
    } else if (s.kind === 'question') {
      keys.push(`${k}.prompt`);
      if (s.answer.type === 'choice') keys.push(...s.answer.options.map((o) => `${k}.options.${o}`));
    }
  }
  return keys;
}

/** `label` and `hint` of every catalogue indicator. */
export function indicatorKeys(c: IndicatorCatalogue): string[] {
  return c.indicators.flatMap((i) => [`${i.id}.label`, `${i.id}.hint`]);
}

/** The keys (dotted, nested objects) that are absent or not a non-empty string. */
export function missingKeys(tree: unknown, keys: string[]): string[] {
  return keys.filter((key) => {
    let node: unknown = tree;
    for (const part of key.split('.')) {
      node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
    }
    return typeof node !== 'string' || !node.trim();
  });
}
