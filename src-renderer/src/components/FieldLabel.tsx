import type { ReactNode } from 'react';

/** A field's label, with an optional note beside it (such as "required") kept out of its name. */
export function FieldLabel({ htmlFor, label, aside }: { htmlFor: string; label: ReactNode; aside?: ReactNode }) {
  const text = <label htmlFor={htmlFor}>{label}</label>;
  if (!aside) return text;
  return (
    <span className="field-label-line">
      {text}
      {aside}
    </span>
  );
}
