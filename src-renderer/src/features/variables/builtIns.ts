// The date variables main fills in without any environment (Humanity's YYYY-MM-DD parameters).
// Shown as help next to the variable tables.
export const BUILT_IN_VARIABLES = '{{today}}, {{today+7d}}, {{today-1d}}';
