import { useEffect, useId, useState } from 'react';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import './about.css';

type Info = { name: string; version: string; platform: string; licenses: Array<{ name: string; version: string; license: string }> };

type Props = { open: boolean; onClose: () => void };

const PLATFORMS: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };

export const INDEPENDENCE_NOTE = 'An independent tool, not made or endorsed by Humanity; Humanity is a trademark of its owner.';

/** Name, version, platform, the independence note and the licenses of what ships with the app. */
export function AboutDialog({ open, onClose }: Props) {
  return (
    <Dialog open={open} title="About Humanity API Explorer" onClose={onClose} className="about-dialog">
      <AboutContent onClose={onClose} />
    </Dialog>
  );
}

function AboutContent({ onClose }: { onClose: () => void }) {
  const ids = useId();
  const [info, setInfo] = useState<Info | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    void api()
      .app.info({})
      .then((result) => {
        if (stale) return;
        if (result.ok) setInfo(result.data);
        else setFailure(result.error.message);
      });
    return () => {
      stale = true;
    };
  }, []);

  return (
    <>
      <div className="dialog-body">
        <dl className="about-facts">
          <div>
            <dt>Application</dt>
            <dd>{info?.name ?? 'Humanity API Explorer'}</dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd className="mono">{info?.version ?? '…'}</dd>
          </div>
          <div>
            <dt>Platform</dt>
            <dd>{info ? (PLATFORMS[info.platform] ?? info.platform) : '…'}</dd>
          </div>
        </dl>
        <p className="about-note">{INDEPENDENCE_NOTE}</p>
        {failure && (
          <p className="form-failure" role="alert">
            {failure}
          </p>
        )}
        <h3 id={`${ids}-licenses`} className="about-licenses-title">
          Third-party licenses
        </h3>
        {/* Focusable, so the list scrolls from the keyboard too. */}
        <div className="about-licenses" role="region" aria-labelledby={`${ids}-licenses`} tabIndex={0}>
          {info ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Package</th>
                  <th scope="col">Version</th>
                  <th scope="col">License</th>
                </tr>
              </thead>
              <tbody>
                {info.licenses.map((entry) => (
                  <tr key={`${entry.name}@${entry.version}`}>
                    <td className="mono">{entry.name}</td>
                    <td className="mono">{entry.version}</td>
                    <td>{entry.license}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            !failure && <p className="muted">Loading…</p>
          )}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
