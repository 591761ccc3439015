// The reader's language, in the header of every screen: each language listed in its own name
// (English, Русский, 中文), so a reader finds theirs whatever the page is in now.
import { NativeSelect } from '@mantine/core';
import { languageNames, locale, setLanguage, t, useLanguage, type Language } from '../i18n';

function GlobeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
    </svg>
  );
}

export function LanguagePicker() {
  const language = useLanguage();
  return (
    <NativeSelect
      size="xs"
      aria-label={t.app.language}
      leftSection={<GlobeIcon />}
      value={language}
      onChange={(e) => void setLanguage(e.currentTarget.value as Language)}
      data-testid="language-picker"
      w="auto"
    >
      {/* The test language is never offered; while it is on, it shows as itself. */}
      {language === 'pseudo' && <option value="pseudo">⟦pseudo⟧</option>}
      {Object.entries(languageNames).map(([code, name]) => (
        <option key={code} value={code} lang={locale(code as Language)}>
          {name}
        </option>
      ))}
    </NativeSelect>
  );
}
