// sucrase ships its parser's declarations under dist/types/, apart from the CommonJS files that
// imports.ts loads (its ESM build has extensionless imports Node cannot load); this joins them.
declare module 'sucrase/dist/parser/index.js' {
  export * from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/types';
}
