import { Text, View } from '@tarojs/components';

/** The row of status chips over a list: one per status, the current one lit; each chip carries `tab-<value>`. */
export function StatusTabs<S extends string>({
  tabs,
  value,
  onChange,
}: {
  tabs: ReadonlyArray<readonly [S, string]>;
  value: S;
  onChange: (value: S) => void;
}) {
  return (
    <View className="ow-filters">
      {tabs.map(([status, label]) => (
        <Text key={status} className={`ow-chip tab-${status} ${value === status ? 'ow-chip--on' : ''}`} onClick={() => onChange(status)}>
          {label}
        </Text>
      ))}
    </View>
  );
}
