import type { Resources } from '../i18n';

/** The Teams manifest schema version Faro targets (a copy lives in appPackage/schema/). */
export const MANIFEST_VERSION = '1.29';

/** Commands offered in Teams' command menu; each is also a typed command Faro understands. */
export const TEAMS_COMMANDS = [
  'help', 'menu', 'start-interview', 'start-identification', 'start-life-story', 'resume', 'summary', 'submit', 'review', 'language',
] as const;

/** The typed text each menu command sends. */
export const COMMAND_TEXT: Record<(typeof TEAMS_COMMANDS)[number], string> = {
  help: 'help', menu: 'menu', 'start-interview': 'start interview', 'start-identification': 'start identification',
  'start-life-story': 'start life-story', resume: 'resume', summary: 'summary', submit: 'submit', review: 'review', language: 'language',
};

type Strings = { name: { short: string; full: string }; description: { short: string; full: string }; commands: Record<string, string> };

const stringsOf = (resources: Resources, lng: string): Strings => {
  const ns = resources[lng]?.['teams'] as Strings | undefined;
  if (!ns) throw new Error(`locales/${lng}/teams.json is missing`);
  return ns;
};

export interface ManifestInput {
  /** The Teams app id (a GUID of its own). */
  appId: string;
  /** The bot's Microsoft App Id. */
  botId: string;
  version: string;
  /** Public host name of the messaging endpoint, e.g. faro.example.org. */
  domain: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  resources: Resources;
}

/**
 * The manifest (default language English) and one localization file per other language, all words
 * taken from `locales/<lng>/teams.json`. Personal scope only: interview content belongs in 1:1 chats.
 */
export function buildManifest(input: ManifestInput): { manifest: Record<string, unknown>; localizations: Record<string, Record<string, unknown>> } {
  const en = stringsOf(input.resources, 'en');
  const others = Object.keys(input.resources).filter((l) => l !== 'en').sort();
  const manifest = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: input.appId,
    developer: input.developer,
    name: en.name,
    description: en.description,
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#1F4E79',
    localizationInfo: {
      defaultLanguageTag: 'en',
      additionalLanguages: others.map((l) => ({ languageTag: l, file: `${l}.json` })),
    },
    bots: [
      {
        botId: input.botId,
        scopes: ['personal'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['personal'], commands: TEAMS_COMMANDS.map((c) => ({ title: COMMAND_TEXT[c], description: en.commands[c] ?? c })) },
        ],
      },
    ],
    permissions: ['identity'],
    validDomains: [input.domain],
  };
  const localizations: Record<string, Record<string, unknown>> = {};
  for (const l of others) {
    const s = stringsOf(input.resources, l);
    const entry: Record<string, unknown> = {
      $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
      'name.short': s.name.short,
      'name.full': s.name.full,
      'description.short': s.description.short,
      'description.full': s.description.full,
    };
    TEAMS_COMMANDS.forEach((c, i) => {
      entry[`bots[0].commandLists[0].commands[${i}].description`] = s.commands[c] ?? c;
    });
    localizations[l] = entry;
  }
  return { manifest, localizations };
}
