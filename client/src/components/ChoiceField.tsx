import { View } from '@tarojs/components';
import { Radio, RadioGroup } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';
import { FieldError, FieldLabel } from './FormField';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  /** The value's name in the schema; also the hooks `#form-field-<name>`, `.choice-<name>`. */
  name: string;
  label: string;
  options: readonly Choice[];
  value: string;
  error?: string;
  required?: boolean;
  onChange: (value: string) => void;
}

/**
 * Pick one of a few values, shown as buttons (`.choice-<name>`; error in `.field-error`). Nothing is picked
 * until the user picks (an empty `value`): a decision is never made for them.
 */
export function ChoiceField({ name, label, options, value, error, required, onChange }: Props) {
  return (
    <View id={`form-field-${name}`} className={`form-field form-field--${name} ${error ? 'form-field--invalid' : ''}`}>
      <View className="form-field__row">
        <FieldLabel label={label} required={required} />
        <RadioGroup
          className={`choice choice-${name}`}
          direction="horizontal"
          value={value}
          onChange={(next) => onChange(String(next))}
        >
          {options.map((option) => (
            <Radio key={option.value} className={`choice-option choice-option--${option.value}`} shape="button" value={option.value}>
              {option.label}
            </Radio>
          ))}
        </RadioGroup>
      </View>
      <FieldError name={name} error={error} />
    </View>
  );
}
