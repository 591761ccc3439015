// The API's scenario texts in the reader's language (`?lang=ru`): the home page's listing and a
// scenario's public part. A text with no translation stays in the scenario's own language and
// its key is listed in `untranslated`, as in the views (shared/engine/viewLanguage.ts).
import { Language } from '@shared/protocol/messages';
import type { ScenarioListing } from '@shared/protocol/studio';
import type { Scenario } from '@shared/scenario/schema';
import { translateScenario } from '@shared/scenario/translations';
import { listingOf } from './studio/library';

/** The language a request asks for (`?lang=`); the scenario's own when absent or not one we offer. */
export function requestedLanguage(query: unknown, scenario: Scenario): string {
  const parsed = Language.safeParse(query);
  return parsed.success ? parsed.data : scenario.sourceLanguage;
}

/** Texts a listing shows: title, summary, era, learning objectives. */
const LISTED = /^(title|summary|era|learningObjectives\.\d+)$/;

/** A shipped scenario's home-page entry in `language`. */
export function listingIn(scenario: Scenario, language: string): Omit<ScenarioListing, 'library'> {
  if (language === scenario.sourceLanguage) return listingOf(scenario);
  const translated = translateScenario(scenario, language);
  const untranslated = [...translated.untranslated].filter((key) => LISTED.test(key));
  const listing = listingOf(translated.scenario);
  return untranslated.length > 0 ? { ...listing, sourceLanguage: scenario.sourceLanguage, untranslated } : listing;
}

