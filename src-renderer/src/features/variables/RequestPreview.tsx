import { useEffect, useState } from 'react';
import type { SavedRequest } from '@shared/contract';
import { api } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import './variables.css';

type Props = {
  id: string;
  request: SavedRequest;
  collectionId: string | null;
  /** Anything else the resolution depends on (environments, collection variables). */
  context: unknown;
};

type Preview = { url: string; request: SavedRequest; unresolved: string[] };

/** The request with every {{variable}} filled in, as it would be sent, and what cannot be filled. */
export function RequestPreview({ id, request, collectionId, context }: Props) {
  const key = useDebounced(JSON.stringify({ request, collectionId, context }), 250);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    const { request: asked, collectionId: where } = JSON.parse(key) as { request: SavedRequest; collectionId: string | null };
    void api()
      .variables.preview({ request: asked, collectionId: where })
      .then((result) => {
        if (stale) return;
        if (result.ok) {
          setPreview(result.data);
          setError(null);
        } else setError(result.error.message);
      });
    return () => {
      stale = true;
    };
  }, [key]);

  const body = preview?.request.body;
  return (
    <section id={id} className="request-preview" aria-label="Resolved request">
      {error && <p className="field-error">{error}</p>}
      {!preview && !error && <p className="muted">Resolving…</p>}
      {preview && (
        <>
          <p className="preview-url">
            <span className="method">{preview.request.method}</span> <span className="mono">{preview.url}</span>
          </p>
          {body?.kind === 'json' && <pre className="preview-body">{body.text}</pre>}
          {body?.kind === 'form' && body.fields.some((field) => field.enabled) && (
            <pre className="preview-body">
              {body.fields
                .filter((field) => field.enabled)
                .map((field) => `${field.name}=${field.value}`)
                .join('\n')}
            </pre>
          )}
          {preview.unresolved.length > 0 ? (
            <p className="preview-unresolved">
              Not resolved: {preview.unresolved.map((name) => `{{${name}}}`).join(', ')}. Give{' '}
              {preview.unresolved.length === 1 ? 'it' : 'them'} a value in the environment or the collection variables before
              sending.
            </p>
          ) : (
            <p className="muted preview-ok">Every variable has a value.</p>
          )}
        </>
      )}
    </section>
  );
}
