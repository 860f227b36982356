type Props = { notices: readonly string[]; onDismiss: (notice: string) => void };

/** Messages from main (e.g. a settings file that was reset), each dismissible. */
export function Notices({ notices, onDismiss }: Props) {
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <li key={notice} className="banner banner-info">
          <span className="banner-text">{notice}</span>
          <button type="button" className="button button-quiet" onClick={() => onDismiss(notice)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
