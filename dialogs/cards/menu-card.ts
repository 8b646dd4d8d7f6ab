import type { TFunction } from 'i18next';
import type { Protocol } from '../../src/protocol/schema';
import type { User } from '../../src/review/roles';
import { adaptiveCard, buttonRow, submitAction, textBlock, type CardElement } from '../../src/cards/card';

/** The protocols this person may start, in a stable order. */
export function startableProtocols(protocols: Iterable<Protocol>, user: User): Protocol[] {
  const order = (p: Protocol) => p.menuOrder ?? Number.MAX_SAFE_INTEGER;
  return [...protocols].filter((p) => p.roles.includes(user.role)).sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
}

/**
 * The main menu: start what the role may start, resume, (review for supervisors), language, help.
 * `extra` lets other features add buttons without changing this file.
 */
export function menuCard(t: TFunction, user: User, protocols: Iterable<Protocol>, extra: CardElement[] = []): CardElement {
  const starts = startableProtocols(protocols, user).map((p) =>
    submitAction(t('common:menu.start', { title: t(`protocol.${p.id}:title`) }), { cmd: 'start', arg: p.id }),
  );
  return adaptiveCard(
    [
      textBlock(t('common:menu.title'), { weight: 'Bolder', size: 'Medium' }),
      textBlock(t('common:menu.as', { role: t(`common:roles.${user.role}`) }), { isSubtle: true, spacing: 'None' }),
      { type: 'ActionSet', actions: [...starts, submitAction(t('common:menu.resume'), { cmd: 'resume' }), ...extra] },
      textBlock(t('common:menu.language'), { weight: 'Bolder', spacing: 'Medium' }),
      buttonRow([
        ...(['es', 'en', 'pt'] as const).map((l) => submitAction(t(`common:languages.${l}`), { cmd: 'language', arg: l })),
        submitAction(t('common:menu.help'), { cmd: 'help' }),
      ]),
    ],
  );
}

/** Local demo mode only: pick the role to try Faro as. */
export function demoRoleCard(t: TFunction): CardElement {
  return adaptiveCard(
    [textBlock(t('common:demo.title'), { weight: 'Bolder' }), textBlock(t('common:demo.body'), { isSubtle: true })],
    (['officer', 'defender', 'supervisor'] as const).map((r) => submitAction(t(`common:roles.${r}`), { cmd: 'role', arg: r })),
  );
}

/** A list of resumable sessions, one button each. */
export function resumeCard(t: TFunction, rows: { id: string; title: string; updatedAt: string }[]): CardElement {
  return adaptiveCard(
    [textBlock(t('common:resume.choose'), { weight: 'Bolder' })],
    rows.slice(0, 10).map((r) => submitAction(t('common:resume.item', { title: r.title, date: r.updatedAt.slice(0, 16).replace('T', ' ') }), { cmd: 'resume', arg: r.id })),
  );
}
