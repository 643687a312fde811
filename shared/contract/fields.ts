import '../zod-locale';
import { z } from 'zod';
import { MAX_PHOTO_BASE64 } from './limits';

/**
 * Field builders that put the field's Chinese label into every message, so a refusal names the field
 * ("名称：请填写") wherever it is shown: beside the input, in a toast, or in an API response.
 */
const msg = (label: string, rule: string) => `${label}：${rule}`;

export function text(label: string, opts: { min?: number; max: number }) {
  const min = opts.min ?? 1;
  return z
    .string({ error: msg(label, '请填写') })
    .trim()
    // Empty reads 请填写 whatever the minimum: one wording for a missing value, everywhere.
    .min(1, msg(label, '请填写'))
    .min(min, msg(label, `至少${min}个字`))
    .max(opts.max, msg(label, `不能超过${opts.max}个字`));
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: msg(label, '格式不正确') })
    .trim()
    .max(max, msg(label, `不能超过${max}个字`))
    .optional();
}

export function email(label: string) {
  return z
    .string({ error: msg(label, '请填写') })
    .trim()
    .toLowerCase()
    .min(1, msg(label, '请填写'))
    .max(120, msg(label, '不能超过120个字符'))
    .pipe(z.email({ error: msg(label, '请填写有效的邮箱地址') }));
}

export function id(label: string) {
  return z
    .string({ error: msg(label, '缺少') })
    .min(1, msg(label, '缺少'))
    .max(64, msg(label, '格式不正确'));
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: msg(label, '请选择') });
}

/** Passwords are never trimmed: a space may be part of one. */
export function password(label: string) {
  return z
    .string({ error: msg(label, '请填写') })
    .min(1, msg(label, '请填写'))
    .max(128, msg(label, '不能超过128个字符'));
}

/** Cursor paging: lists never page by skip and never return more than a page. */
export const pageInput = {
  cursor: z.string().max(512).optional(),
  limit: z.number().int().min(1).max(50).default(20),
};

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * For a check across fields (`.superRefine(check, whenValid([...]))`): it runs as soon as those fields are
 * valid, even while others are not, so that one submit shows every message (by default zod skips an
 * object's checks after any field's issue). It never runs when the value itself is not an object (missing,
 * null, a string…): that issue has an empty path, and a check reading fields of it would throw.
 */
export const whenValid = (fields: readonly string[]) => ({
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
});

/**
 * One JPEG or PNG image as base64 (a summary photo, an event cover, a photo on an evaluation); messages name `label`.
 * The server still checks the bytes are the type claimed (cloudfunctions/app/common/uploads.ts).
 */
export const imageUpload = (label: string) => ({
  contentType: oneOf(`${label}格式`, ['image/jpeg', 'image/png']),
  base64: z.string({ error: `${label}：请选择` }).min(1, `${label}：请选择`).max(MAX_PHOTO_BASE64, `${label}：不能超过约650KB，请压缩后再上传`),
});
