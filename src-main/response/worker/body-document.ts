// One parsed body inside the body worker and what is derived from it: tree indexes for the last
// few expansion states, the pretty-text index, the running search and the table view. Everything
// is built on first use, so a body nobody searches or pretty-prints never pays for it.
import { AppError } from '../../shared/app-error';
import { TREE_FIRST_ROWS, type ChartSpec, type FirstTreeRows } from '../../shared/contract';
import { chartOfBody } from '../../chart/chart-of-body';
import { TableViews, type TablePage, type TableQuery } from '../../table/table-view';
import { SearchJob } from './body-search';
import { PrettyText } from './pretty-text';
import { firstOpenPaths } from '../shared/first-rows';
import { OpenCounts, TreeIndex } from '../shared/tree-index';
import { NOT_JSON_AFTER_ALL, type ExpansionInput, type SearchQuery } from '../worker-protocol';

/** Expansion states kept per body: the one on screen and the few just before it. */
const TREES_KEPT = 4;

export class BodyDocument {
  /** Filled only when something is expanded all. */
  private readonly openCounts = new OpenCounts();
  private readonly trees = new Map<string, TreeIndex>();
  private prettyText: PrettyText | null = null;
  private job: SearchJob | null = null;
  private readonly tables: TableViews;

  /**
   * `toldJson`: its first rows went out before its parse was done (arriving-body.ts), so the
   * window shows it as JSON, though the rest may not have been.
   */
  constructor(
    private readonly value: unknown,
    readonly isJson: boolean,
    private readonly toldJson = isJson,
  ) {
    this.tables = new TableViews(value, isJson);
  }

  tree(expansion: ExpansionInput, offset: number, limit: number) {
    this.asTold();
    const index = this.treeIndex(expansion);
    return { rows: index.page(offset, limit), totalRows: index.totalRows };
  }

  /** The rows sent with the answer (first-rows.ts); its index stays for the window's next pages. */
  firstRows(): FirstTreeRows | null {
    if (!this.isJson) return null;
    const expanded = firstOpenPaths(this.value);
    return { expanded, ...this.tree({ expanded, expandAll: false, collapsed: [] }, 0, TREE_FIRST_ROWS) };
  }

  rowOf(expansion: ExpansionInput, path: string) {
    this.asTold();
    return { row: this.treeIndex(expansion).rowOf(path) };
  }

  /** The job for this query: the running one, or a new one that replaces (and stops) it. */
  search(query: SearchQuery): SearchJob {
    this.asTold();
    if (this.job && this.job.query.mode === query.mode && this.job.query.query === query.query) return this.job;
    const job = new SearchJob(this.value, query);
    this.stopSearch();
    this.job = job;
    return job;
  }

  pretty(offset: number, length: number) {
    this.asTold();
    if (!this.isJson) throw new AppError('invalid_input', 'This response is not JSON, so it has no pretty form.');
    this.prettyText ??= new PrettyText(this.value);
    return { text: this.prettyText.window(offset, length), totalChars: this.prettyText.totalChars };
  }

  table(query: TableQuery, offset: number, limit: number, columns: string[] | null): TablePage {
    this.asTold();
    return this.tables.page(query, offset, limit, columns);
  }

  chart(query: Pick<TableQuery, 'pointer' | 'filter'>, spec: ChartSpec) {
    this.asTold();
    return chartOfBody(this.value, this.isJson, this.tables, query, spec);
  }

  /**
   * A body shown as JSON whose parse then failed has no tree past its first rows, and no search,
   * pretty text, table or chart of it as JSON either: one sentence says why.
   */
  private asTold(): void {
    if (this.toldJson && !this.isJson) throw new AppError('invalid_input', NOT_JSON_AFTER_ALL);
  }

  stopSearch(): void {
    this.job?.stop();
    this.job = null;
  }

  private treeIndex({ expanded, expandAll, collapsed }: ExpansionInput): TreeIndex {
    const key = JSON.stringify([expandAll, expanded, collapsed]);
    let index = this.trees.get(key);
    if (index) {
      this.trees.delete(key);
    } else {
      index = new TreeIndex(this.value, { expandAll, expanded: new Set(expanded), collapsed: new Set(collapsed) }, this.openCounts);
      if (this.trees.size >= TREES_KEPT) this.trees.delete(this.trees.keys().next().value as string);
    }
    this.trees.set(key, index);
    return index;
  }
}
