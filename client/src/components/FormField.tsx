import { Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';

export interface FieldBinding {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

interface Props extends FieldBinding {
  /** The input's name in the schema; also its stable hooks: `#field-<name>`, `.field-<name>`. */
  name: string;
  label: string;
  type?: 'text' | 'password';
  placeholder?: string;
  /** A standing rule under the input (e.g. the password policy). */
  hint?: string;
  multiline?: boolean;
  maxLength?: number;
  disabled?: boolean;
}

/** One labelled input with its error beside it (`.field-error`). */
export function FormField({ name, label, type = 'text', placeholder, hint, multiline, maxLength, disabled, value, error, onChange }: Props) {
  return (
    <View className={`form-field form-field--${name} ${error ? 'form-field--invalid' : ''}`}>
      <View className="form-field__row">
        <Text className="form-field__label">{label}</Text>
        {multiline ? (
          <TextArea
            id={`field-${name}`}
            className={`form-field__input field-${name}`}
            value={value}
            placeholder={placeholder ?? `请输入${label}`}
            maxLength={maxLength ?? -1}
            autoSize
            disabled={disabled}
            onChange={onChange}
          />
        ) : (
          <Input
            id={`field-${name}`}
            className={`form-field__input field-${name}`}
            name={name}
            type={type}
            value={value}
            placeholder={placeholder ?? `请输入${label}`}
            maxLength={maxLength}
            disabled={disabled}
            onChange={onChange}
          />
        )}
      </View>
      {error ? <Text className={`field-error field-error--${name}`}>{error}</Text> : null}
      {hint && !error ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  );
}
