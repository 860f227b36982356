import { useId } from 'react';
import './remember-password.css';

type Props = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Whether the operating system can seal the password; otherwise it stays in memory. */
  vaultProtected: boolean;
};

/** "Remember password", saying where the password will be kept (docs/architecture.md, "Sessions"). */
export function RememberPasswordField({ checked, onChange, vaultProtected }: Props) {
  const id = useId();
  return (
    <div className="field checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-description`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>Remember password</label>
      <p id={`${id}-description`} className="field-description">
        {vaultProtected
          ? 'Encrypted by the operating system, so the app can sign you in again by itself when the session ends.'
          : 'Kept in memory until you quit (this system has no protected key store, so it is never written to disk); until then the app signs you in again by itself.'}
      </p>
    </div>
  );
}
