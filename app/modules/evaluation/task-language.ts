// The language a task tests, for tasks that say it in their name (belebele_hin_Deva,
// cmmlu_*…). Pure.

/** ISO 639-3 codes (FLORES-200 style, as Belebele names its tasks) of the languages we name, to BCP 47. */
const ISO639_3: Record<string, string> = {
  eng: "en",
  zho: "zh",
  rus: "ru",
  por: "pt",
  hin: "hi",
  arb: "ar",
  ara: "ar",
  pes: "fa",
  fas: "fa",
  ind: "id",
  spa: "es",
  fra: "fr",
  swh: "sw",
  swa: "sw",
  ben: "bn",
  tam: "ta",
  tel: "te",
  urd: "ur",
  amh: "am",
  yor: "yo",
  hau: "ha",
  zsm: "ms",
  msa: "ms",
  tha: "th",
  vie: "vi",
  kaz: "kk",
  uzn: "uz",
  uzb: "uz",
  tur: "tr",
  mar: "mr",
  guj: "gu",
  kan: "kn",
  mal: "ml",
  pan: "pa",
  ory: "or",
  asm: "as",
  npi: "ne",
  sin: "si",
  zul: "zu",
  xho: "xh",
  afr: "af",
  som: "so",
  tir: "ti",
  bel: "be",
};

const TASK_LANGUAGE_PATTERNS: [RegExp, string][] = [
  [/^(ceval|cmmlu|c-eval|agieval_gaokao|xiezhi)/i, "zh"],
  [/^(arabicmmlu|arabic_|aexams|alghafa|acva)/i, "ar"],
  [/^(indicglue|indic_)/i, "mul"],
  [/^(persianmmlu|parsinlu)/i, "fa"],
  [/^(indommlu|indo_)/i, "id"],
  [/^(kmmlu|haerae)/i, "ko"],
  [/^(ruMMLU|rummlu|mera_|ru_)/i, "ru"],
];

/** The language a task's name says it tests, if any (e.g. belebele_hin_Deva → hi, cmmlu_* → zh). */
export function taskLanguage(task: string): string | null {
  const flores = /(?:^|_)([a-z]{3})_[A-Z][a-z]{3}(?:$|_)/.exec(task);
  if (flores) return ISO639_3[flores[1]!] ?? null;
  for (const [pattern, lang] of TASK_LANGUAGE_PATTERNS) if (pattern.test(task)) return lang;
  return null;
}
