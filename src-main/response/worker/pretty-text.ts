// The pretty text of a big JSON body (exactly JSON.stringify(value, null, 2)), served one window
// at a time without ever building the whole string, which would be twice the body's size. The
// printer works piece by piece from an explicit stack; one pass over the value counts the total
// length and saves the printer's position every CHECKPOINT_CHARS characters, and a window then
// resumes from the checkpoint before it and prints only up to its end.
import { childrenOf, childValue, isContainer, type Children, type Container } from '../shared/json-tree';

const CHECKPOINT_CHARS = 64 * 1024;

interface Frame {
  children: Children;
  depth: number;
  next: number;
}

/** Where the printer was: the text printed before, and each open container's next child. */
interface Checkpoint {
  offset: number;
  nexts: number[] | null; // null: before the first piece
}

const indents: string[] = [''];
const indent = (depth: number) => (indents[depth] ??= '  '.repeat(depth));

class Printer {
  private readonly frames: Frame[] = [];
  private started = false;

  constructor(private readonly root: unknown) {}

  /** Continues from a checkpoint's stack of next-child indexes. */
  static resume(root: unknown, nexts: readonly number[] | null): Printer {
    const printer = new Printer(root);
    if (!nexts) return printer;
    printer.started = true;
    let node = root as Container;
    nexts.forEach((next, level) => {
      if (level > 0) {
        const parent = printer.frames[level - 1]!;
        node = childValue(parent.children, parent.next - 1) as Container;
      }
      printer.frames.push({ children: childrenOf(node), depth: level, next });
    });
    return printer;
  }

  position(): number[] {
    return this.frames.map((frame) => frame.next);
  }

  /** The next piece of text; null at the end. */
  next(): string | null {
    if (!this.started) {
      this.started = true;
      return this.open(this.root, 0);
    }
    const top = this.frames.at(-1);
    if (!top) return null;
    const { children, depth } = top;
    if (top.next < children.length) {
      const index = top.next++;
      const key = children.keys ? `${JSON.stringify(children.keys[index])}: ` : '';
      return `${index === 0 ? '\n' : ',\n'}${indent(depth + 1)}${key}${this.open(childValue(children, index), depth + 1)}`;
    }
    this.frames.pop();
    return `\n${indent(depth)}${children.keys ? '}' : ']'}`;
  }

  private open(value: unknown, depth: number): string {
    if (!isContainer(value)) return JSON.stringify(value);
    const children = childrenOf(value);
    if (children.length === 0) return children.keys ? '{}' : '[]';
    this.frames.push({ children, depth, next: 0 });
    return children.keys ? '{' : '[';
  }
}

export class PrettyText {
  private index: { totalChars: number; checkpoints: Checkpoint[] } | null = null;

  constructor(private readonly root: unknown) {}

  get totalChars(): number {
    return this.built().totalChars;
  }

  window(offset: number, length: number): string {
    const { checkpoints } = this.built();
    let [low, high] = [0, checkpoints.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (checkpoints[middle]!.offset <= offset) low = middle;
      else high = middle - 1;
    }
    const start = checkpoints[low]!;
    const printer = Printer.resume(this.root, start.nexts);
    const end = offset + length;
    let text = '';
    for (let at = start.offset, piece = printer.next(); piece !== null && at < end; piece = printer.next()) {
      if (at + piece.length > offset) text += piece.slice(Math.max(0, offset - at), end - at);
      at += piece.length;
    }
    return text;
  }

  private built(): { totalChars: number; checkpoints: Checkpoint[] } {
    if (this.index) return this.index;
    const checkpoints: Checkpoint[] = [{ offset: 0, nexts: null }];
    const printer = new Printer(this.root);
    let totalChars = 0;
    for (let piece = printer.next(); piece !== null; piece = printer.next()) {
      totalChars += piece.length;
      if (totalChars - checkpoints.at(-1)!.offset >= CHECKPOINT_CHARS) checkpoints.push({ offset: totalChars, nexts: printer.position() });
    }
    this.index = { totalChars, checkpoints };
    return this.index;
  }
}
