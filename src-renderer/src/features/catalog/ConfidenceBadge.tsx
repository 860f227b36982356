import type { Confidence } from '@shared/catalog';

/**
 * Each confidence tag in words, most to least sure: a short label for badges and counts, and
 * what exactly is confirmed, for tooltips, accessible descriptions and the catalog's legend.
 */
export const CONFIDENCE_WORDS: Record<Confidence, { label: string; meaning: string }> = {
  confirmed: {
    label: 'confirmed',
    meaning: "Path, permission and parameters confirmed by Humanity's API reference.",
  },
  'path-confirmed': {
    label: 'path confirmed',
    meaning: "Path and permission confirmed by Humanity's API reference; parameters reported by working clients, not confirmed.",
  },
  reported: {
    label: 'reported',
    meaning: "Seen in working clients or user reports, but not in Humanity's API reference.",
  },
  inferred: {
    label: 'inferred',
    meaning: 'Our best reading of scattered evidence: the endpoint or its parameters may differ, or not exist.',
  },
};

export const CONFIDENCE_ORDER = Object.keys(CONFIDENCE_WORDS) as Confidence[];

/** How sure the catalog is about an endpoint, in words; the tooltip says what exactly is confirmed. */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const { label, meaning } = CONFIDENCE_WORDS[confidence];
  return (
    <span className={`confidence confidence-${confidence}`} title={meaning}>
      {label}
    </span>
  );
}
