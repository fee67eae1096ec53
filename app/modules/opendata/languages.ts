// Language codes as Akoma Ntoso URIs and FRBRlanguage write them: ISO 639-2/T
// (three letters). Concord stores BCP 47 tags; texts are in the ten UI
// languages, results and datasets in a few more.

const ISO_639_2: Record<string, string> = {
  en: "eng",
  zh: "zho",
  ru: "rus",
  pt: "por",
  hi: "hin",
  ar: "ara",
  fa: "fas",
  id: "ind",
  es: "spa",
  fr: "fra",
  sw: "swa",
  bn: "ben",
  ta: "tam",
  te: "tel",
  ur: "urd",
  ms: "msa",
  am: "amh",
  tr: "tur",
  kk: "kaz",
};

/** The ISO 639-2/T code of a BCP 47 tag's language ("pt-BR" → "por"); the tag itself when unknown. */
export function iso6392(tag: string): string {
  const base = tag.toLowerCase().split("-")[0]!;
  return ISO_639_2[base] ?? base;
}
