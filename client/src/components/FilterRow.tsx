import { Text, View } from '@tarojs/components';
import './search-filters.css';

/** One row of filter chips: 全部, then each option; the chosen one is marked. */
export function FilterRow<T extends string>({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  options: [T, string][];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <View className={`filter filter-${name}`}>
      <Text className="filter__label">{label}</Text>
      <Text className={`filter__option ${value === undefined ? 'is-active' : ''}`} onClick={() => onChange(undefined)}>
        全部
      </Text>
      {options.map(([key, text]) => (
        <Text key={key} className={`filter__option filter__option--${key} ${value === key ? 'is-active' : ''}`} onClick={() => onChange(key)}>
          {text}
        </Text>
      ))}
    </View>
  );
}
