// What main needs from the desktop shell besides IPC. index.ts adapts Electron's dialog and
// clipboard; the e2e harness and Node tests pass their own.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface NativeDialogs {
  /** Resolves to the chosen path, or null when the user cancelled. */
  saveFile(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
}

export interface ClipboardPort {
  writeText(text: string): void;
}
