import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { FieldLabel } from './FieldLabel';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** A sentence saying what is wrong with the value; marks the field invalid. */
  error?: string | null;
  description?: ReactNode;
  /** Shown beside the label but not part of it, e.g. a "required" tag (say it with aria-required too). */
  aside?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
};

/** A labelled text input whose error and description are tied to it for assistive technology. */
export function TextField({ label, value, onChange, error, description, aside, inputRef, className, ...rest }: Props) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, description ? `${id}-description` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={label} aside={aside} />
      <input
        {...rest}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {description && (
        <p id={`${id}-description`} className="field-description">
          {description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
