/**
 * How result values are decoded, shared by both engines so a row reads the same whichever one
 * produced it. Amounts and bigserial ids are int8: they must arrive as numbers (services add and
 * compare them), which neither driver does by default for every int8 (pg returns strings).
 * Timestamps arrive as Date objects; a calendar `date` stays a 'YYYY-MM-DD' string because a Date
 * would pin it to a time zone and shift it by a day east or west of UTC.
 */
import { types as pgTypes } from 'pg';

export const TYPE_OID = {
  INT8: 20,
  TEXT_ARRAY: 1009,
  INT8_ARRAY: 1016,
  DATE: 1082,
  DATE_ARRAY: 1182,
  TIMESTAMPTZ: 1184,
} as const;

type TextParser = (text: string) => unknown;
type PgTypeId = Parameters<typeof pgTypes.getTypeParser>[0];

/** A number while it is exact; beyond 2^53 − 1 a BigInt, so a value is never silently rounded. */
export function parseInt8(text: string): number | bigint {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}

function keepText(text: string): string {
  return text;
}

// pg's own timestamptz decoder (postgres-date) handles offsets, BC years and infinity; PGlite uses
// the same function so the two engines cannot drift apart.
const parseTimestamptz = pgTypes.getTypeParser(TYPE_OID.TIMESTAMPTZ as PgTypeId, 'text') as (text: string) => Date;
const parseTextArray = pgTypes.getTypeParser(TYPE_OID.TEXT_ARRAY as PgTypeId, 'text') as (text: string) => unknown[];

function mapNested(values: unknown[], parse: TextParser): unknown[] {
  return values.map((value) => {
    if (value === null) return null;
    if (Array.isArray(value)) return mapNested(value, parse);
    return parse(String(value));
  });
}

/** Scalar decoders, keyed by type oid. PGlite derives array decoders from these itself. */
export const scalarParsers: Record<number, TextParser> = {
  [TYPE_OID.INT8]: parseInt8,
  [TYPE_OID.DATE]: keepText,
  [TYPE_OID.TIMESTAMPTZ]: parseTimestamptz,
};

/** pg keeps separate decoders for arrays; these mirror the scalar ones above. */
const pgArrayParsers: Record<number, TextParser> = {
  [TYPE_OID.INT8_ARRAY]: (text) => mapNested(parseTextArray(text), parseInt8),
  [TYPE_OID.DATE_ARRAY]: (text) => mapNested(parseTextArray(text), keepText),
};

/** The `types` option of a pg Pool: our decoders first, pg's defaults for everything else. */
export const pgTypeConfig = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): TextParser {
    if (format === undefined || format === 'text') {
      const parser = scalarParsers[oid] ?? pgArrayParsers[oid];
      if (parser) return parser;
    }
    return pgTypes.getTypeParser(oid as PgTypeId, format) as TextParser;
  },
};
