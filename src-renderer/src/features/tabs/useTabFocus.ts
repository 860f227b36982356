import type { RefObject } from 'react';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useActiveTabId } from '../../state/hooks';
import type { RequestEditorHandle } from '../explorer/RequestEditor';

/**
 * Where focus goes after the open tabs change: a new tab's Path field, or the tab that became
 * active, in the strip.
 */
export function useTabFocus(editor: RefObject<RequestEditorHandle | null>, tabElementId: (tabId: string) => string) {
  const activeId = useActiveTabId();
  const focusWhenShown = usePendingFocus((target: 'path' | 'tab') => {
    if (target === 'tab') return document.getElementById(tabElementId(activeId));
    const shown = editor.current;
    return shown && { focus: shown.focusPath };
  });

  return {
    newTab: () => focusWhenShown('path'),
    /** Called before the active tab changes: the strip takes focus if it had it or focus would be lost. */
    beforeSwitch() {
      const focused = document.activeElement;
      const within = (selector: string) => focused instanceof HTMLElement && focused.closest(selector) !== null;
      // The editor of the tab left behind unmounts, which would drop focus to the page; "Discard
      // changes" closing the tab: the dialog would give focus back to the closed tab.
      if (within('.doc-tabs') || within('.workspace') || within('dialog') || !focused || focused === document.body) focusWhenShown('tab');
    },
  };
}

