import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { FieldLabel } from './FieldLabel';

export type SelectOption = { value: string; label: string };

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> & {
  label: ReactNode;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** A sentence about the choice, tied to the select for assistive technology. */
  description?: ReactNode;
  /** Shown beside the label but not part of it, e.g. a "required" tag (say it with aria-required too). */
  aside?: ReactNode;
};

/** A labelled native select. */
export function SelectField({ label, value, options, onChange, description, aside, className, ...rest }: Props) {
  const id = useId();
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={label} aside={aside} />
      <select
        {...rest}
        id={id}
        value={value}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {description && (
        <p id={`${id}-description`} className="field-description">
          {description}
        </p>
      )}
    </div>
  );
}
