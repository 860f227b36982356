// What main's HTTP client needs from the desktop shell for the "System" proxy choice. index.ts
// adapts Electron's session.resolveProxy; tests pass their own answers.

export interface SystemProxyPort {
  /** The PAC-style answer for this URL, e.g. "PROXY proxy.corp:8080; DIRECT" (Chromium's format). */
  resolveProxy(url: string): Promise<string>;
}
