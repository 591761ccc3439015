// A small marker beside a scenario text shown in the scenario's own language because it has no
// translation into the reader's. The server names such texts by key: `untranslated` in the
// scenario (PublicScenario, a listing) and in the view (GameView), and on a timeline entry.
// The badge shows the language's code ("EN") and its own name ("English") as its title: no
// catalogue text, so it reads the same in every language.
import { Badge } from '@mantine/core';

interface Marked {
  sourceLanguage?: string;
  untranslated?: readonly string[];
}

/** Whether the text under `key` (e.g. `roles.nasa.publicBrief`) is shown untranslated. */
export function isUntranslated(key: string, scenario: Marked | null | undefined, view?: { untranslated?: readonly string[] } | null): boolean {
  return (scenario?.untranslated?.includes(key) ?? false) || (view?.untranslated?.includes(key) ?? false);
}

/** "EN" when `show`, titled with the language's own name. Renders nothing otherwise. */
export function SourceLanguageBadge({ language, show = true }: { language: string | undefined; show?: boolean }) {
  if (!show || !language) return null;
  return (
    <Badge
      component="abbr"
      title={languageName(language)}
      lang={language}
      size="xs"
      variant="outline"
      color="gray"
      tt="uppercase"
      ml={4}
      data-testid="untranslated"
      style={{ verticalAlign: 'middle', textDecoration: 'none' }}
    >
      {language}
    </Badge>
  );
}

function languageName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}
