import type { Confidence } from '../../../../src-main/shared/catalog';

/** What each confidence tag means, for tooltips and the catalog's legend. */
export const CONFIDENCE_MEANING: Record<Confidence, string> = {
  confirmed: "Documented in Humanity's API reference.",
  reported: 'Seen in working clients or user reports, but not in the reference.',
  inferred: 'Our best reading of scattered evidence: the endpoint or its parameters may differ, or not exist.',
};

/** How sure the catalog is about an endpoint; the tooltip says what the tag means. */
export function ConfidenceBadge({ confidence, id }: { confidence: Confidence; id?: string }) {
  return (
    <span id={id} className={`confidence confidence-${confidence}`} title={`${confidence}: ${CONFIDENCE_MEANING[confidence]}`}>
      {confidence}
    </span>
  );
}
