import { join } from 'node:path';
import { createI18n, fixedT, readLocaleResources, SUPPORTED_LOCALES, type Locale, type Resources } from '../../src/i18n';
import { projectRoot } from '../../src/paths';
import type { Translate } from '../../src/summary/doc';

/**
 * Test locale resources: the real `summary` namespace from `locales/`, plus fixture `indicators`
 * and protocol namespaces for the fixture content.
 */
type Words = Record<Locale, string>;
const w = (es: string, en: string, pt: string): Words => ({ es, en, pt });

const INDICATORS: Record<string, Words> = {
  'rec-deception': w('Engañada sobre el trabajo o el viaje', 'Deceived about the job or the trip', 'Enganada sobre o trabalho ou a viagem'),
  'rec-partner': w('Usada por su pareja o un familiar', 'Used by a partner or relative', 'Usada pelo parceiro ou um familiar'),
  'means-threat-family': w('Amenazas a su familia', 'Threats to the family', 'Ameaças à família'),
  'means-debt': w('Deuda impuesta', 'Imposed debt', 'Dívida imposta'),
  'transit-ingested': w('Drogas ingeridas', 'Swallowed drugs', 'Drogas ingeridas'),
  'transit-airport': w('Detenida en el aeropuerto', 'Stopped at the airport', 'Detida no aeroporto'),
  'sell-micro': w('Venta al menudeo bajo control', 'Street sales under control', 'Venda no varejo sob controle'),
  'vuln-poverty': w('Pobreza e hijos a cargo', 'Poverty and children to support', 'Pobreza e filhos a cargo'),
  'vuln-prior-violence': w('Violencia previa', 'Earlier violence', 'Violência anterior'),
  'child-minor': w('Menor de 18 años', 'Under 18', 'Menor de 18 anos'),
  'vuln-language': w('No habla el idioma', 'Does not speak the language', 'Não fala o idioma'),
};

const STEPS: Record<string, Record<string, Words>> = {
  'fixture-interview': {
    'consent-interview': w('Consentimiento para la entrevista', 'Consent to the interview', 'Consentimento para a entrevista'),
    'consent-sharing': w('Consentimiento para compartir', 'Consent to sharing', 'Consentimento para compartilhar'),
    'child-screen': w('¿Podría ser menor de edad?', 'Could the person be under 18?', 'A pessoa pode ser menor de idade?'),
    'free-account': w('Relato libre', 'Free account', 'Relato livre'),
    'topic-recruitment': w('Cómo empezó', 'How it started', 'Como começou'),
    'topic-control': w('Control y amenazas', 'Control and threats', 'Controle e ameaças'),
    journey: w('¿Hubo un viaje?', 'Was there a journey?', 'Houve uma viagem?'),
    'topic-travel': w('El viaje', 'The journey', 'A viagem'),
    'topic-money': w('El dinero', 'The money', 'O dinheiro'),
    'free-detail': w('Detalle libre', 'Free detail', 'Detalhe livre'),
    referral: w('Derivación', 'Referral', 'Encaminhamento'),
    end: w('Resumen', 'Summary', 'Resumo'),
  },
  'life-story': {
    'consent-intake': w('Consentimiento informado', 'Informed consent', 'Consentimento informado'),
    timeline: w('Su historia', 'Their story', 'A história'),
    'topic-recruitment': w('Captación', 'Recruitment', 'Aliciamento'),
    'topic-control': w('Control', 'Control', 'Controle'),
    'topic-offence': w('El hecho', 'The offence', 'O fato'),
    'np-victim': w('Paso 1: ¿indicios de víctima de trata?', 'Step 1: signs of being a trafficking victim?', 'Passo 1: indícios de vítima de tráfico?'),
    'np-link': w('Paso 2: ¿vínculo entre la explotación y el delito?', 'Step 2: link between the exploitation and the offence?', 'Passo 2: vínculo entre a exploração e o crime?'),
    'age-band': w('Edad', 'Age', 'Idade'),
    'crit-explain': w('La prueba en dos pasos', 'The two-step test', 'O teste em dois passos'),
    'crit-child-automatic': w('Niñez: se aplica siempre', 'Children: it always applies', 'Infância: aplica-se sempre'),
    'crit-any-means': w('Cualquier medio de control basta', 'Any means of control is enough', 'Qualquer meio de controle basta'),
    'crit-no-imminence': w('No se exige amenaza inminente', 'No imminent threat is required', 'Não se exige ameaça iminente'),
    'crit-vulnerability': w('Vulnerabilidad de la persona', 'The person\'s vulnerability', 'Vulnerabilidade da pessoa'),
    end: w('Resumen', 'Summary', 'Resumo'),
  },
};
const SECTIONS: Record<string, Words> = {
  opening: w('Apertura', 'Opening', 'Abertura'), account: w('Relato', 'Account', 'Relato'), closing: w('Cierre', 'Closing', 'Encerramento'),
  story: w('Historia', 'Story', 'História'), criteria: w('Criterios', 'Criteria', 'Critérios'),
};
const TITLES: Record<string, Words> = {
  'fixture-interview': w('Entrevista de identificación', 'Identification interview', 'Entrevista de identificação'),
  'life-story': w('Historia de vida', 'Life story', 'História de vida'),
};
const OPTIONS = { supports: w('lo respalda', 'supports', 'apoia'), missing: w('falta', 'missing', 'falta'), against: w('en contra', 'against', 'contra') };

export function fixtureResources(): Resources {
  const real = readLocaleResources(join(projectRoot(), 'locales'));
  const out: Resources = {};
  for (const lng of SUPPORTED_LOCALES) {
    out[lng] = {
      summary: real[lng]!.summary!,
      indicators: Object.fromEntries(Object.entries(INDICATORS).map(([id, l]) => [id, { label: l[lng], hint: l[lng] }])),
    };
    for (const [pid, steps] of Object.entries(STEPS)) {
      out[lng]![`protocol.${pid}`] = {
        title: TITLES[pid]![lng],
        sections: Object.fromEntries(Object.entries(SECTIONS).map(([id, l]) => [id, l[lng]])),
        steps: Object.fromEntries(Object.entries(steps).map(([id, l]) => [id, {
          title: l[lng], options: Object.fromEntries(Object.entries(OPTIONS).map(([o, ow]) => [o, ow[lng]])),
        }])),
      };
    }
  }
  return out;
}

let instance: ReturnType<typeof createI18n> | undefined;
/** The turn's `t` for a locale, as the bot takes it. */
export function tFor(lng: Locale): Translate {
  instance ??= createI18n(fixtureResources());
  return fixedT(instance, lng);
}
