import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
};

/** A search box named by its label (shown as the placeholder); Escape clears it. */
export function SearchField({ label, value, onChange, className, ...rest }: Props) {
  return (
    <div className={['search-field', className].filter(Boolean).join(' ')}>
      <span className="search-icon" aria-hidden="true" />
      <input
        {...rest}
        type="search"
        aria-label={label}
        placeholder={label}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || value === '') return;
          event.preventDefault();
          event.stopPropagation();
          onChange('');
        }}
      />
    </div>
  );
}
