import { Text, View } from '@tarojs/components';
import { Radio, RadioGroup } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  /** The value's name in the schema; also the hook `.choice-<name>`. */
  name: string;
  label: string;
  options: readonly Choice[];
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** Pick one of a few values, shown as buttons (`.choice-<name>`; error in `.field-error`). */
export function ChoiceField({ name, label, options, value, error, onChange }: Props) {
  return (
    <View className={`form-field form-field--${name} ${error ? 'form-field--invalid' : ''}`}>
      <View className="form-field__row">
        <Text className="form-field__label">{label}</Text>
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
      {error ? <Text className={`field-error field-error--${name}`}>{error}</Text> : null}
    </View>
  );
}
