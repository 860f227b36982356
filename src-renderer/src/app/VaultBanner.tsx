import type { VaultView } from '@shared/contract';

/** Shown on every screen while the OS offers no real encryption: tokens stay in memory only. */
export function VaultBanner({ vault }: { vault: VaultView }) {
  if (vault.protected) return null;
  return (
    <div className="banner banner-warning" role="status">
      <span className="banner-icon" aria-hidden="true">
        !
      </span>
      <span>{vault.message}</span>
    </div>
  );
}
