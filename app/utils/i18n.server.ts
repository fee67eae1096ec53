// Server-side translations: every locale file is read once into memory, so a
// request never waits for the disk to translate.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import i18next, { type i18n as I18n, type Resource, type TFunction } from "i18next";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, NAMESPACES, type Language, type Namespace } from "./i18n";

const LOCALES_DIR = path.resolve("locales");

let resources: Resource | undefined;

export function loadResources(dir = LOCALES_DIR): Resource {
  if (resources && dir === LOCALES_DIR) return resources;
  const loaded: Resource = {};
  for (const lang of LANGUAGE_CODES) {
    loaded[lang] = {};
    for (const ns of NAMESPACES) {
      const file = path.join(dir, lang, `${ns}.json`);
      loaded[lang][ns] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    }
  }
  if (dir === LOCALES_DIR) resources = loaded;
  return loaded;
}

const instances = new Map<Language, Promise<I18n>>();

/**
 * The i18next instance of a language. One per language, shared by all requests:
 * nothing ever changes its language after init.
 */
export function createI18nInstance(lang: Language): Promise<I18n> {
  let instance = instances.get(lang);
  if (!instance) {
    instance = initInstance(lang);
    instances.set(lang, instance);
  }
  return instance;
}

async function initInstance(lang: Language, ns: readonly string[] = NAMESPACES): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGE_CODES,
    ns: [...ns],
    defaultNS: "common",
    resources: loadResources(),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export async function getFixedT(lang: Language, ns: Namespace = "common"): Promise<TFunction> {
  const instance = await createI18nInstance(lang);
  return instance.getFixedT(lang, ns);
}

/** A page title for `meta`: "<page> · Concord", translated on the server. */
export async function pageTitle(lang: Language, key: string, ns: Namespace = "common"): Promise<string> {
  const [t, common] = await Promise.all([getFixedT(lang, ns), getFixedT(lang, "common")]);
  return `${t(key)} · ${common("appName")}`;
}

let version: string | undefined;
/** Changes whenever a translation changes: browsers cache locale files under it. */
export function localesVersion(): string {
  version ??= createHash("sha256").update(JSON.stringify(loadResources())).digest("hex").slice(0, 12);
  return version;
}
