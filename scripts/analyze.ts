import { readFileSync, statSync } from 'node:fs';
import { loadLocalAnalyzer } from '../src/analysis/default-local-analyzer';
import { ANALYSIS_LANGS, type AnalysisLang } from '../src/analysis/text-analyzer';
import { projectRoot } from '../src/paths';

const USAGE = 'usage: npm run --silent analyze -- [--lang es|en|pt] FILE';

type Args = { ok: true; file: string; lang?: AnalysisLang } | { ok: false; error: string };

export function parseArgs(argv: readonly string[]): Args {
  let lang: AnalysisLang | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
      if (!v || !(ANALYSIS_LANGS as readonly string[]).includes(v)) return { ok: false, error: `--lang must be one of ${ANALYSIS_LANGS.join(', ')}` };
      lang = v as AnalysisLang;
    } else if (a.startsWith('-')) return { ok: false, error: `unknown option ${a}` };
    else if (file) return { ok: false, error: 'only one FILE is accepted' };
    else file = a;
  }
  if (!file) return { ok: false, error: 'FILE is missing' };
  return lang ? { ok: true, file, lang } : { ok: true, file };
}

export interface Io { out(s: string): void; err(s: string): void }

/** Prints the suggestions and PII spans of one note file as JSON. Exit 2 on bad usage or an unreadable file. */
export async function runAnalyze(argv: readonly string[], io: Io, root: string = projectRoot()): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) { io.err(`analyze: ${args.error}\n${USAGE}`); return 2; }
  let text: string;
  try {
    if (!statSync(args.file).isFile()) throw new Error('not a file');
    text = readFileSync(args.file, 'utf8');
  } catch {
    io.err(`analyze: cannot read ${args.file}\n${USAGE}`);
    return 2;
  }
  const built = loadLocalAnalyzer(root);
  if (!built.ok) { io.err(`analyze: content is invalid:\n${built.errors.join('\n')}`); return 1; }
  const r = await built.analyzer.analyze(text, args.lang ? { lang: args.lang } : {});
  const out = {
    suggestions: r.suggestions.map((s) => ({ indicator: s.indicator, categories: s.categories, spans: s.spans.map(({ start, end, text: t }) => ({ start, end, text: t })) })),
    pii: r.pii.map(({ start, end, category }) => ({ start, end, category })),
  };
  io.out(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(`${s}\n`) };
if (require.main === module) runAnalyze(process.argv.slice(2), stdio).then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
