import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import './global.css';
import { cssVariablesResolver, theme } from './theme';
import { App } from './App';
import { initialLanguage, languageStorageKey, setLanguage } from './i18n';

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}

// English is in the bundle; another language is loaded before the first render, so the page never
// flashes in English. If it cannot be loaded (offline), the page starts in English.
let stored: string | null = null;
try {
  stored = localStorage.getItem(languageStorageKey);
} catch {
  // Storage off: start from the browser's languages.
}
const language = initialLanguage(window.location.search, stored, navigator.languages);
if (language === 'en') render();
else setLanguage(language).finally(render);
