// The API of cscmd.wasm: cscmd's parser and linter for JavaScript. Every
// call is synchronous once load() has resolved.

/** Text to read: a string, or the bytes of a file (any encoding cscmd reads). */
export type Text = string | Uint8Array;

/** A place in a document: 0-based line and UTF-16 column, as in JS strings and LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Options {
  /**
   * A language id ("cscmd", "javascript", "javascriptreact", "typescript",
   * "typescriptreact", "html", "json", "jsonc", "yaml") or a file name whose
   * extension decides ("pages/car.html"), which is then the diagnostics'
   * "file". Default "cscmd".
   */
  language?: string;
  /** The text of a .cscmd.yaml: rules, catalog. */
  config?: string;
}

/** One error of an invalid command, as `cscmd parse --format json` prints it. */
export interface ParseError {
  column: number;
  endColumn: number;
  rule: string;
  message: string;
}

/** One message, as `cscmd parse --format json` prints it (one JSON line). */
export interface ParsedMessage {
  line: number;
  text: string;
  kind: 'field' | 'form' | 'set' | 'assign' | 'notify' | 'mention' | 'chat' | 'invalid';
  source?: string;
  name?: string;
  value?: string;
  organization?: string;
  department?: string;
  form?: string;
  target?: string;
  inbox?: string;
  error?: string;
  column?: number;
  command?: string;
  errors?: ParseError[];
  nearMiss?: boolean;
  [key: string]: unknown;
}

/** An edit with 1-based lines and code-point columns, endColumn exclusive. */
export interface LintEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

/** One diagnostic, as `cscmd lint --format json` prints it. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
  fix?: { title: string; edits: LintEdit[] };
}

export interface LintResult {
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; infos: number; files: number };
  /** Problems of options.config; its valid parts were still used. */
  configErrors?: { line: number; column: number; key?: string; message: string }[];
}

/** A fix as an editor applies it: edits in {line, character} positions. */
export interface Fix {
  title: string;
  /** The rule's safe fix, which "fix all" applies. */
  preferred?: boolean;
  edits: { range: Range; newText: string }[];
}

/** A finding as the language server shows it, with every fix it offers. */
export interface Finding {
  range: Range;
  severity: 'error' | 'warning' | 'info' | 'hint';
  rule: string;
  message: string;
  /** The rule's page. */
  url?: string;
  fixes?: Fix[];
}

export interface DiagnoseOptions extends Options {
  /**
   * A name for the document, the same on every call while it is edited:
   * findings of unchanged lines and strings are reused. Default "default".
   */
  document?: string;
}

export interface Completion {
  label: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** LSP CompletionItemKind. */
  kind?: number;
  filterText?: string;
  edit?: { range: Range; newText: string };
}

export interface Hover {
  markdown: string;
  range: Range;
}

/** What the widget does with one message, in plain words. */
export interface Step {
  range: Range;
  /** True when the widget runs it as a command; false for chat or a rejected command. */
  runs: boolean;
  text: string;
}

export interface Rule {
  id: string;
  severity: 'error' | 'warning' | 'info' | 'off';
  summary: string;
  url: string;
}

export interface Language {
  /** The editor language id. */
  id: string;
  /** The name of its language in .cscmd.yaml (`languages:`). */
  name: string;
  extensions: string[];
}

export interface Cscmd {
  /** The objects of `cscmd parse --format json` for text read from standard input. */
  parse(text: Text): ParsedMessage[];
  /** The document of `cscmd lint --format json`. Throws on an unknown language. */
  lint(text: Text, options?: Options): LintResult;
  /**
   * The findings of a document being edited, with every fix the language
   * server offers (the safe fix, did-you-mean suggestions, "ignore this rule
   * here"); after an edit only what changed is linted again.
   */
  diagnose(text: Text, options?: DiagnoseOptions): Finding[];
  /** Completion at an index into text (a string) or a position. */
  complete(text: Text, at: number | Position, options?: Options): Completion[];
  /** Hover at an index into text (a string) or a position; null where there is none. */
  hover(text: Text, at: number | Position, options?: Options): Hover | null;
  /** Each message of the document in plain words. */
  explain(text: Text, options?: Options): Step[];
  /** Every lint rule. */
  rules(): Rule[];
  /** Every language id options.language takes, from cscmd's language registry. */
  languages(): Language[];
  /** The position of an index into text, with cscmd's line breaks (LF, CRLF, CR). */
  positionAt(text: string, at: number | Position): Position;
  /** The index into text of a position. */
  offsetAt(text: string, pos: Position): number;
}

/** Starts cscmd.wasm once; resolves when the module runs. */
export function load(): Promise<Cscmd>;

declare const _default: { load: typeof load };
export default _default;
