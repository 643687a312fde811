import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import type { Envelope } from '../../../shared/envelope';
import type { FieldErrors } from '../../../shared/errors';
import { firstFlagged, scrollToField } from '../components/scroll';

export type FormValues = Record<string, string>;

/**
 * A `check` for a retyped field the contract does not hold: "确认新密码" must be given (请填写, like every
 * other field in the same submit) and equal "新密码" (`mismatch`).
 */
export function mustMatch<V extends FormValues>(field: keyof V & string, original: keyof V & string, label: string, mismatch: string) {
  return (values: V): FieldErrors => {
    if (values[field] === '') return { [field]: `${label}：请填写` };
    return values[field] === values[original] ? {} : { [field]: `${label}：${mismatch}` };
  };
}

export interface FormOptions<V extends FormValues> {
  /** Every field the page renders, with its starting text. */
  initial: V;
  /** Values that are not typed by the user but belong to the input (ids, a token from the link). */
  fixed?: Record<string, unknown>;
  /** Fields whose empty text means "not given" (optional fields): sent as absent, not as "". */
  optional?: readonly (keyof V & string)[];
  /** Checks of fields the contract does not hold (e.g. "confirm password"), as field → message. */
  check?: (values: V) => FieldErrors;
}

export interface Form<S extends z.ZodType, V extends FormValues> {
  values: V;
  /** Field → message beside it. */
  errors: FieldErrors;
  /** A refusal that belongs to no field on the page. */
  notice: string | null;
  submitting: boolean;
  set: (name: keyof V & string, value: string) => void;
  /**
   * Value, error and change handler of one field, for `<FormField {...form.field('code')} />`; `required`
   * for every field not listed as optional.
   */
  field: (name: keyof V & string) => { name: string; value: string; error?: string; required: boolean; onChange: (value: string) => void };
  /** Replace every value (e.g. "issue another"); errors and notice are cleared. */
  reset: (values?: V) => void;
  /** Validates without submitting (e.g. before a confirm dialog); shows the problems, answers whether valid. */
  validate: () => boolean;
  /**
   * Validates with the contract's schema; when valid, runs `action` with the parsed input and shows a
   * refusal beside its fields (or as the notice). The typed values are never cleared here.
   * Resolves to the envelope when the action ran, to null when validation stopped it.
   */
  submit: <T>(action: (input: z.output<S>) => Promise<Envelope<T>>) => Promise<Envelope<T> | null>;
}

/**
 * One form, validated with the same zod schema the cloud function parses with: every rule the client can
 * check is shown in one submit, each message beside the field of its path (the kit shows it without the
 * label it starts with), and the page scrolls to the first flagged field.
 */
export function useForm<S extends z.ZodType, V extends FormValues>(schema: S, options: FormOptions<V>): Form<S, V> {
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const set = useCallback((name: keyof V & string, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const next = { ...prev };
      delete next[name];
      return next;
    });
  }, []);

  const reset = useCallback((next?: V) => {
    setValues(next ?? optionsRef.current.initial);
    setErrors({});
    setNotice(null);
  }, []);

  /**
   * Shows each message at its field; messages for fields this form does not render go to the notice.
   * `fallback` (the refusal's own message) is the notice when no message could be placed at a field.
   */
  const place = (messages: FieldErrors, fallback: string | null) => {
    const fieldNames = Object.keys(optionsRef.current.initial);
    const atFields: FieldErrors = {};
    const elsewhere: string[] = [];
    for (const [path, message] of Object.entries(messages)) {
      const name = path.split('.')[0];
      if (fieldNames.includes(name)) atFields[name] ??= message;
      else elsewhere.push(message);
    }
    setErrors(atFields);
    setNotice(elsewhere.length ? elsewhere.join('；') : Object.keys(atFields).length ? null : fallback);
    const first = firstFlagged(fieldNames, atFields);
    if (first) scrollToField(first);
  };

  /** The schema's verdict on the current values plus the page's own checks; problems are shown. */
  const check = (): { ok: true; data: z.output<S> } | { ok: false } => {
    const { fixed, optional = [], check: extra } = optionsRef.current;
    const input: Record<string, unknown> = { ...fixed };
    for (const [name, value] of Object.entries(values)) {
      if (!(optional as readonly string[]).includes(name) || value.trim() !== '') input[name] = value;
    }
    const parsed = schema.safeParse(input);
    const problems: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.length ? issue.path.map(String).join('.') : '';
        problems[key] ??= issue.message;
      }
    }
    for (const [name, message] of Object.entries(extra?.(values) ?? {})) problems[name] ??= message;
    if (!parsed.success || Object.keys(problems).length) {
      place(problems, null);
      return { ok: false };
    }
    return { ok: true, data: parsed.data };
  };

  const validate = () => check().ok;

  const submit = async <T,>(action: (input: z.output<S>) => Promise<Envelope<T>>) => {
    if (busy.current) return null;
    const parsed = check();
    if (!parsed.ok) return null;

    busy.current = true;
    setSubmitting(true);
    setNotice(null);
    try {
      const result = await action(parsed.data);
      if (result.ok) setErrors({});
      else place(result.error.fields ?? {}, result.error.message);
      return result;
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const field = (name: keyof V & string) => ({
    name,
    value: values[name],
    error: errors[name],
    required: !(optionsRef.current.optional ?? []).includes(name),
    onChange: (value: string) => set(name, value),
  });

  return { values, errors, notice, submitting, set, field, reset, validate, submit };
}
