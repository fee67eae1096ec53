// A notice's sentence, its object's name marked with the language it is in.
type Sentence = { before: string; title: string | null; titleLanguage: string | null; after: string };

export function NoticeSentence({ notice }: { notice: Sentence }) {
  return (
    <>
      {notice.before}
      {notice.title ? (
        <cite lang={notice.titleLanguage ?? undefined} dir="auto" className="notice-title">
          {notice.title}
        </cite>
      ) : null}
      {notice.after}
    </>
  );
}
