// Small inline icons, drawn in the text's colour and size. They are decoration beside a
// name that the control already carries (visible or visually hidden), so assistive
// technology skips them. Inline SVG rather than emoji or arrows from a font: it looks
// the same on every device, needs no font, and the directional ones turn round in
// right-to-left pages (`.icon-directional` in app.css).

type IconProps = { className?: string };

function Icon({ className, directional, children }: IconProps & { directional?: boolean; children: React.ReactNode }) {
  return (
    <svg
      className={["icon", directional ? "icon-directional" : null, className].filter(Boolean).join(" ")}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** The language switcher's sign. */
export function GlobeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M2.5 12h19" />
      <path d="M12 2.5c2.6 2.7 3.9 5.9 3.9 9.5s-1.3 6.8-3.9 9.5c-2.6-2.7-3.9-5.9-3.9-9.5s1.3-6.8 3.9-9.5z" />
    </Icon>
  );
}

/** "Back to …": points towards the start of the line (left, or right in Arabic and Persian). */
export function BackIcon(props: IconProps) {
  return (
    <Icon directional {...props}>
      <path d="M20 12H4" />
      <path d="M10 6l-6 6 6 6" />
    </Icon>
  );
}

/** A footnote's way back to where it is cited. */
export function ReturnIcon(props: IconProps) {
  return (
    <Icon directional {...props}>
      <path d="M9 14l-5-5 5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Icon>
  );
}
