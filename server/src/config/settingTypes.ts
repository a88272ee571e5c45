import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * One environment variable: how its text is parsed (zod), what it may be (said in the one-line
 * error), its default (the value, and the words the README's table shows) and whether it is a
 * secret (masked in `--print-config` and in errors).
 */
export interface Setting<T, F = T> {
  schema: z.ZodType<T, string>;
  /** What values are allowed, in words: "a whole number from 0 to 65535". */
  allowed: string;
  /** The value when the variable is unset or empty. */
  fallback: F;
  /** The default as the README's configuration table writes it (checked by a unit test). */
  shown: string;
  /** `whole`: never shown; `url`: the password of a URL is hidden. */
  secret?: 'whole' | 'url';
}

/** The parsed value type of a setting. */
export type ValueOf<S> = S extends Setting<infer T, infer F> ? T | F : never;

/** Builds a setting; `shown` defaults to the fallback in backticks. */
export function setting<T, F extends T | undefined>(
  base: { schema: z.ZodType<T, string>; allowed: string },
  fallback: F,
  shown?: string,
  secret?: 'whole' | 'url',
): Setting<T, F> {
  return { ...base, fallback, shown: shown ?? `\`${String(fallback)}\``, secret };
}

/** A whole number within [min, max] (no sign, no decimals, no exponent). */
export function wholeNumber(min: number, max: number) {
  return {
    schema: z
      .string()
      .regex(/^\d{1,16}$/)
      .transform(Number)
      .pipe(z.number().int().min(min).max(max)),
    allowed: `a whole number from ${min} to ${max}`,
  };
}

/** A decimal number within [min, max] (digits and one point, no sign or exponent). */
export function decimal(min: number, max: number) {
  return {
    schema: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,6})?$/)
      .transform(Number)
      .pipe(z.number().min(min).max(max)),
    allowed: `a number from ${min} to ${max}`,
  };
}

export const port = () => ({ ...wholeNumber(0, 65535), allowed: 'a port, 0 to 65535 (0: any free one)' });

/** One of a few words. */
export function oneOf<const W extends string>(words: readonly [W, ...W[]]) {
  return { schema: z.enum(words) as unknown as z.ZodType<W, string>, allowed: `one of ${words.join(', ')}` };
}

/** A folder's path, made absolute from the working directory; if something is there, a folder. */
export const folder = () => ({
  schema: z
    .string()
    .transform((p) => path.resolve(p))
    .refine((p) => !fs.existsSync(p) || fs.statSync(p).isDirectory()),
  allowed: 'the path of a folder (not of a file)',
});

/** Text matching a pattern, described in words. */
export function text(pattern: RegExp, allowed: string) {
  return { schema: z.string().regex(pattern), allowed };
}

/** A URL whose scheme is one of `schemes` (with the colon), with a host. */
export function url(schemes: string[], allowed: string, originOnly = false) {
  return {
    schema: z.string().refine((raw) => {
      try {
        const u = new URL(raw);
        if (!schemes.includes(u.protocol) || !u.hostname) return false;
        return !originOnly || (u.pathname === '/' && !u.search && !u.hash && !u.username);
      } catch {
        return false;
      }
    }),
    allowed,
  };
}

/** Comma-separated items, each matching `item`; empty items are dropped. */
export function list(item: z.ZodType<string, string>, allowed: string) {
  return {
    schema: z
      .string()
      .transform((raw) =>
        raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(item).min(1)),
    allowed,
  };
}

/** JSON text whose value fits `shape`. */
export function json<T>(shape: z.ZodType<T>, allowed: string) {
  return {
    schema: z
      .string()
      .transform((raw, ctx) => {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'not JSON' });
          return z.NEVER;
        }
      })
      .pipe(shape) as unknown as z.ZodType<T, string>,
    allowed,
  };
}
