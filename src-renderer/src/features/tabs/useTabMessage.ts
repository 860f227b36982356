import { useState } from 'react';

export type TabMessage = { tone: 'status' | 'error'; text: string };

/** The editor header's one message ("Saved", or why not), shown while its tab is the active one. */
export function useTabMessage(activeId: string) {
  const [message, setMessage] = useState<(TabMessage & { tabId: string }) | null>(null);
  return {
    shown: message?.tabId === activeId ? message : null,
    say: (tabId: string, tone: TabMessage['tone'], text: string) => setMessage({ tabId, tone, text }),
    clear: () => setMessage(null),
  };
}

export type TabMessages = ReturnType<typeof useTabMessage>;
