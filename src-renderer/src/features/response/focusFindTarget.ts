/**
 * Ctrl/Cmd+F where the Tree view's search does not apply (the body is not JSON): a search box in
 * view, else the body view itself, else the selected view's tab.
 */
export function focusFindTarget(panel: HTMLElement) {
  const shown = (element: Element) => element.getClientRects().length > 0;
  const search = [...panel.querySelectorAll<HTMLInputElement>('input[type="search"], [role="searchbox"]')].find(shown);
  if (search) {
    search.focus();
    if (search instanceof HTMLInputElement) search.select();
    return;
  }
  const view = [...panel.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find(shown);
  const target =
    view?.querySelector<HTMLElement>('[tabindex="0"], [role="tree"], button, input, select, textarea') ??
    panel.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  target?.focus();
}
