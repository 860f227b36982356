// The date variables main fills in without any environment (Humanity's YYYY-MM-DD parameters;
// see src-main/variables/builtin-dates.ts). Shown as help next to the variable tables.
export const BUILT_IN_VARIABLES =
  '{{today}}, {{yesterday}}, {{tomorrow}}, {{startOfWeek}}, {{endOfWeek}}, {{startOfMonth}}, {{endOfMonth}}, with offsets such as {{today+7d}}, {{startOfWeek-1w}} or {{endOfMonth+1m}}';
