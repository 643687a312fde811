import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { charCount } from '../../../shared/contract/filing-content';
import { ruleOf } from './field-message';
import { Tappable } from './Tappable';

export interface FieldBinding {
  value: string;
  error?: string;
  onChange: (value: string) => void;
  /** Marked with * before the label (a value the form cannot be sent without). */
  required?: boolean;
}

/**
 * What the field holds, which picks the keyboard: `integer` and `mobile` get the digit pad (WeChat
 * `number`, browser `inputmode=numeric`), `decimal` the pad with a point (WeChat `digit`), `phone` the
 * browser's phone pad (type tel, which has the - of a landline). WeChat has no phone pad: its number pad
 * cannot type "-", and NutUI's number formatting would cut a stored "0730-8889464" at the dash on the
 * next edit, so a `phone` keeps the text keyboard there.
 */
export type FieldKind = 'text' | 'password' | 'integer' | 'decimal' | 'phone' | 'mobile' | 'email';

interface Props extends FieldBinding {
  /** The input's name in the schema; also its stable hooks: `#field-<name>`, `.field-<name>`. */
  name: string;
  label: string;
  kind?: FieldKind;
  /** Shown after the input, e.g. 人, 岁, 天, 小时. */
  unit?: string;
  placeholder?: string;
  /** A standing rule under the input (e.g. the password policy). */
  hint?: string;
  /** Grows with its text and counts characters against `maxLength`. */
  multiline?: boolean;
  maxLength?: number;
  disabled?: boolean;
}

const H5 = process.env.TARO_ENV === 'h5';

/** NutUI's input type per kind (its `number` is `tel` in the browser and strips all but digits). */
const NUT_TYPE: Record<FieldKind, 'text' | 'password' | 'number' | 'digit'> = {
  text: 'text',
  password: 'password',
  integer: 'number',
  decimal: 'digit',
  phone: 'text',
  mobile: 'number',
  email: 'text',
};

/**
 * The accessible name of an input that stands without a visible label (a search box, a code typed beside
 * its button): the placeholder disappears once typed in and is no name for a screen reader.
 */
export function accessibleName(label: string): { nativeProps?: Record<string, unknown> } {
  return H5 ? { nativeProps: { 'aria-label': label } } : {};
}

/** Attributes of the browser's own `<input>` (ignored by the mini program, which picks the pad by type). */
function nativeAttributes(kind: FieldKind, label: string, required: boolean): Record<string, unknown> {
  const attributes: Record<string, unknown> = { 'aria-label': label, 'aria-required': required ? 'true' : undefined };
  if (kind === 'integer' || kind === 'mobile') attributes.inputMode = 'numeric';
  if (kind === 'decimal') attributes.inputMode = 'decimal';
  if (kind === 'phone') Object.assign(attributes, { type: 'tel', inputMode: 'tel', autoComplete: 'tel' });
  if (kind === 'email') Object.assign(attributes, { type: 'email', inputMode: 'email', autoComplete: 'email' });
  return attributes;
}

/** The label with its required mark (the input itself carries the label as its accessible name). */
export function FieldLabel({ label, required }: { label: string; required?: boolean }) {
  return (
    <Text className="form-field__label">
      {required ? <Text className="form-field__required">*</Text> : null}
      {label}
    </Text>
  );
}

/** The message under a field: the rule only, since the label stands right above it. */
export function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? <View className={`field-error field-error--${name}`} role="alert">{ruleOf(error)}</View> : null;
}

/**
 * One labelled input with its error beside it (`.field-error`). Multi-line text grows with what is typed
 * (never over the next row) and shows its character count; numbers open the number pad and show their unit.
 */
export function FormField({ name, label, kind = 'text', unit, placeholder, hint, multiline, maxLength, disabled, required, value, error, onChange }: Props) {
  const [revealed, setRevealed] = useState(false);
  const password = kind === 'password';
  const native = H5 ? { nativeProps: nativeAttributes(kind, label, !!required) } : {};
  return (
    <View
      id={`form-field-${name}`}
      className={`form-field form-field--${name} ${multiline ? 'form-field--multiline' : ''} ${error ? 'form-field--invalid' : ''}`}
    >
      <View className="form-field__row">
        <FieldLabel label={label} required={required} />
        {multiline ? (
          // Taro's own textarea: NutUI's fixes its height at 40 px and keeps our label off the native element.
          <Textarea
            id={`field-${name}`}
            className={`form-field__input form-field__textarea field-${name}`}
            value={value}
            placeholder={placeholder ?? `请输入${label}`}
            maxlength={maxLength ?? -1}
            autoHeight
            disabled={disabled}
            onInput={(e) => onChange(e.detail.value)}
            {...native}
          />
        ) : (
          <Input
            id={`field-${name}`}
            className={`form-field__input field-${name}`}
            name={name}
            type={password && revealed ? 'text' : NUT_TYPE[kind]}
            value={value}
            placeholder={placeholder ?? `请输入${label}`}
            maxLength={maxLength}
            disabled={disabled}
            onChange={onChange}
            {...native}
          />
        )}
        {unit ? <Text className="form-field__unit">{unit}</Text> : null}
        {password ? (
          <Tappable
            className="form-field__reveal link-reveal"
            label={revealed ? `隐藏${label}` : `显示${label}`}
            onTap={() => setRevealed(!revealed)}
          >
            {revealed ? '隐藏' : '显示'}
          </Tappable>
        ) : null}
      </View>
      {multiline && maxLength ? (
        <Text className={`form-field__count count-${name}`}>
          {charCount(value)}/{maxLength}
        </Text>
      ) : null}
      <FieldError name={name} error={error} />
      {hint && !error ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  );
}
