// A bot adviser's line, worded for its reader: the bot sends codes and ids (shared/bots/advice.ts),
// and each student's client words them in the student's language with the scenario's labels as
// that student sees them (deal types, issues, options and delegations, already translated).
import type { GameView, PublicScenario } from '@shared/engine/view';
import type { Advice } from '@shared/protocol/actions';
import { locale, t, type Messages } from '../../i18n';
import type { Compiled } from '../../i18n/catalogue';

/** Where the labels come from: the session's view (delegations) and its scenario (deal types). */
export interface AdviceLabels {
  roles: GameView['roles'];
  scenario: PublicScenario | null;
}

/** The suggestions as one line: each in its own sentence, in the catalogue's (the reader's) language. */
export function adviceText(advice: readonly Advice[], labels: AdviceLabels, messages: Compiled<Messages['advice']> = t.advice, lang: string = locale()): string {
  const list = (items: string[]) => new Intl.ListFormat(lang, { style: 'narrow', type: 'conjunction' }).format(items);
  return advice
    .map((a) => {
      const type = labels.scenario?.dealTypes.find((d) => d.id === a.dealType);
      const common = { dealType: type?.label ?? a.dealType, points: Boolean(a.points), value: a.points?.value ?? 0, walkAway: a.points?.walkAway ?? 0 };
      const terms = (chosen: Record<string, string>) =>
        list(
          Object.entries(chosen).map(([issueId, optionId]) => {
            const issue = type?.issues.find((i) => i.id === issueId);
            return messages.term({ issue: issue?.label ?? issueId, option: issue?.options.find((o) => o.id === optionId)?.label ?? optionId });
          }),
        );
      switch (a.code) {
        case 'counter':
          return messages.counter({ ...common, deal: a.deal, terms: terms(a.terms) });
        case 'draft': {
          const partners = a.partners.map((id) => labels.roles.find((r) => r.id === id)?.name ?? id);
          return messages.draft({ ...common, partners: list(partners), terms: terms(a.terms) });
        }
        case 'adopt':
          return messages.adopt({ deal: a.deal });
        default:
          return messages[a.code]({ ...common, deal: a.deal });
      }
    })
    .join(' ');
}
