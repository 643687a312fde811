import { Picker, Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { FieldError, FieldLabel, type FieldBinding } from './FormField';

/** `date`: 2018-05-04; `datetime`: 2018-05-04 09:00 (China time, as the forms hold it); `year`: 2016. */
export type DateMode = 'date' | 'datetime' | 'year';

interface Props extends FieldBinding {
  /** The value's name in the schema; also the hooks `#form-field-<name>`, `.field-<name>`. */
  name: string;
  label: string;
  mode: DateMode;
  /** A standing rule under the field. */
  hint?: string;
  disabled?: boolean;
}

const H5 = process.env.TARO_ENV === 'h5';

/** The browser's own control for each mode: the phone's date/time wheels, a calendar on a desktop. */
const NATIVE_TYPE: Record<DateMode, string> = { date: 'date', datetime: 'datetime-local', year: 'number' };

/** "2018-05-04 09:00" ⇄ the browser's "2018-05-04T09:00". */
const toNative = (mode: DateMode, value: string) => (mode === 'datetime' ? value.replace(' ', 'T') : value);
const fromNative = (mode: DateMode, value: string) => (mode === 'datetime' ? value.replace('T', ' ') : value);

/**
 * A date, a date and time, or a year, picked rather than typed. The mini program opens WeChat's own
 * picker (Taro `Picker` mode date/time: the wheels WeChat users know); the browser uses its native
 * `<input type=date|datetime-local>`, which phones show as their own wheels and which a keyboard and a
 * screen reader can operate (Taro's H5 picker is a touch-only drawing of wheels).
 */
export function DateField({ name, label, mode, hint, disabled, required, value, error, onChange }: Props) {
  const [day = '', time = ''] = value.split(' ');
  return (
    <View id={`form-field-${name}`} className={`form-field form-field--${name} ${error ? 'form-field--invalid' : ''}`}>
      <View className="form-field__row">
        <FieldLabel label={label} required={required} />
        {H5 ? (
          <Input
            id={`field-${name}`}
            className={`form-field__input field-${name}`}
            name={name}
            value={toNative(mode, value)}
            disabled={disabled}
            placeholder={mode === 'year' ? '如 2016' : ''}
            maxLength={mode === 'year' ? 4 : undefined}
            onChange={(v) => onChange(fromNative(mode, v))}
            nativeProps={{
              type: NATIVE_TYPE[mode],
              'aria-label': label,
              'aria-required': required ? 'true' : undefined,
              ...(mode === 'year' ? { inputMode: 'numeric', min: 1994, max: 2100 } : {}),
            }}
          />
        ) : (
          <View className={`form-field__input date-picks field-${name}`}>
            <Picker
              className="date-picker date-picker--day"
              mode="date"
              fields={mode === 'year' ? 'year' : 'day'}
              value={day}
              disabled={disabled}
              onChange={(e) => onChange(mode === 'datetime' ? `${e.detail.value} ${time || '09:00'}` : String(e.detail.value))}
            >
              <Text className={`date-pick date-pick--day ${day ? '' : 'date-pick--empty'}`}>{day || (mode === 'year' ? '选择年份' : '选择日期')}</Text>
            </Picker>
            {mode === 'datetime' ? (
              <Picker className="date-picker date-picker--time" mode="time" value={time} disabled={disabled} onChange={(e) => onChange(`${day || today()} ${e.detail.value}`)}>
                <Text className={`date-pick date-pick--time ${time ? '' : 'date-pick--empty'}`}>{time || '选择时间'}</Text>
              </Picker>
            ) : null}
          </View>
        )}
      </View>
      <FieldError name={name} error={error} />
      {hint && !error ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  );
}

/** Today in China time, for a time picked before its day. */
function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
