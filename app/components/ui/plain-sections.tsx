// Sections of a text shown exactly as typed (Markdown source, not rendered):
// beside an editor, to compare with or translate from.
type Section = { key: string; heading: string; body: string };

export function PlainSections({ sections, numbered = false }: { sections: Section[]; numbered?: boolean }) {
  return (
    <>
      {sections.map((s, i) => (
        <div key={s.key} className={numbered ? "card" : "conflict-section"}>
          <p dir="auto">
            <strong>
              {numbered ? `${i + 1}. ` : null}
              {s.heading}
            </strong>
          </p>
          <pre className="plain-text" dir="auto">
            {s.body}
          </pre>
        </div>
      ))}
    </>
  );
}
