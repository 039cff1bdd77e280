/** The part of mark.js 8 the benchmark calls (the package ships no types). */
declare module 'mark.js/dist/mark.es6.js' {
  interface MarkOptions {
    separateWordSearch?: boolean;
    accuracy?: 'partially' | 'complementary' | 'exactly' | { value: 'exactly'; limiters: string[] };
    diacritics?: boolean;
    caseSensitive?: boolean;
    acrossElements?: boolean;
    done?: (marks: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Document);
    mark(keywords: string | string[], options?: MarkOptions): void;
    markRegExp(regexp: RegExp, options?: MarkOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}
