import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { enUS } from '../locales/en-US/index.js';
import { zhCN } from '../locales/zh-CN/index.js';

/** The console's languages: zh-CN is the default and the fallback. */
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'cgov.language';
const storedLanguage = z.enum(LANGUAGES).catch('zh-CN');

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

/** The language chosen before (kept in localStorage), else zh-CN. */
export function initialLanguage(): Language {
  return storedLanguage.parse(globalThis.localStorage?.getItem(LANGUAGE_KEY));
}

/** Switches the console's language and remembers it; the page's lang attribute and title follow. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  await i18next.changeLanguage(language);
}

/** The current language, as one of the console's. */
export function currentLanguage(): Language {
  return storedLanguage.parse(i18next.language);
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
/** The page's lang attribute and its title follow the language. */
function followLanguage(language: string): void {
  document.documentElement.setAttribute('lang', language);
  if (i18next.isInitialized) document.title = i18next.t('common.appName');
}
i18next.on('languageChanged', followLanguage);
followLanguage(i18next.language);

export { i18next };
