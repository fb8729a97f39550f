/**
 * The message format of the catalogs: a string with `{name}` placeholders, or a set of
 * plural forms chosen by `Intl.PluralRules` for the number in the `n` placeholder.
 */
import { formatNumber, pluralCategory } from './intl-cache.ts';

export type PluralMessage = { readonly other: string } & {
  readonly [category in Exclude<Intl.LDMLPluralRule, 'other'>]?: string;
};

export type Message = string | PluralMessage;

/** The placeholder names in a message string: `'{n} points to {level}'` → `'n' | 'level'`. */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The placeholder names of a message; plural messages always take `n`. */
export type MessagePlaceholders<M> = M extends string ? Placeholders<M> : M extends PluralMessage ? 'n' | Placeholders<M[keyof M]> : never;

export type ParamValue = string | number;

/** The parameters a message needs, or `[]` for a message without placeholders. */
export type ParamsArgument<M> = [MessagePlaceholders<M>] extends [never] ? [] : [params: Readonly<Record<MessagePlaceholders<M>, ParamValue>>];

/** Fills a message for a locale. Numbers are formatted for it; a missing parameter stays visible. */
export function formatMessage(locale: string, message: Message, params: Readonly<Record<string, ParamValue>> = {}): string {
  const template = typeof message === 'string' ? message : pluralForm(locale, message, params['n']);
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

function pluralForm(locale: string, message: PluralMessage, n: ParamValue | undefined): string {
  const count = typeof n === 'number' ? n : Number(n);
  if (!Number.isFinite(count)) return message.other;
  return message[pluralCategory(locale, count)] ?? message.other;
}
