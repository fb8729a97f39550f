/**
 * A schema change, applied once per database in version order. The SQL lives in TypeScript
 * modules rather than .sql files so that it travels with the code into any bundle, with no file
 * to find at run time. A migration that has been applied anywhere is never edited: change the
 * schema with a new one.
 */
export interface Migration {
  /** Positive, unique, and increasing in the list. */
  readonly version: number;
  readonly name: string;
  /** One or more statements; runs in one transaction together with its record in schema_migrations. */
  readonly sql: string;
}
