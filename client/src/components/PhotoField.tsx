import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FieldError, FieldLabel } from './FormField';
import { Picture } from './Picture';
import { Tappable } from './Tappable';
import './photo-field.css';

type Uploaded = { ok: true; data: { url: string } } | { ok: false; error: { message: string } };

interface Props {
  /** The field's name in the form: where its error shows and where a flagged form scrolls to. */
  name: string;
  label: string;
  max: number;
  photos: string[];
  onChange: (photos: string[]) => void;
  /** Picks up to `room` photos and uploads each (services: choosePhotos then the feature's upload action). */
  upload: (room: number) => Promise<Uploaded[]>;
  error?: string;
}

/**
 * Up to `max` photos: 添加照片 opens the shared picker (album or camera, compressed on the device), each upload's
 * answer joins the list, and each photo can be removed. The list lives in the page's state, so it survives a
 * refused submit. A refused upload shows its reason under the field.
 */
export function PhotoField({ name, label, max, photos, onChange, upload, error }: Props) {
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const add = async () => {
    setBusy(true);
    setRefused(null);
    try {
      const added: string[] = [];
      for (const result of await upload(max - photos.length)) {
        if (result.ok) added.push(result.data.url);
        else setRefused(result.error.message);
      }
      if (added.length) onChange([...photos, ...added].slice(0, max));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View id={`form-field-${name}`} className="form-field form-field--photos photo-field">
      <View className="form-field__row">
        <FieldLabel label={`${label}（${photos.length}/${max}）`} />
        {photos.length < max ? (
          <Button className="btn-add-photos" size="small" loading={busy} onClick={() => void add()}>
            添加照片
          </Button>
        ) : null}
      </View>
      {photos.length ? (
        <View className="photo-field__list">
          {photos.map((url, i) => (
            <View key={url} className="photo-field__item">
              <Picture src={url} alt={`${label}${i + 1}`} mode="aspectFill" />
              <Tappable className="photo-field__remove btn-remove-photo" label={`删除${label}${i + 1}`} onTap={() => onChange(photos.filter((u) => u !== url))}>
                删除
              </Tappable>
            </View>
          ))}
        </View>
      ) : null}
      <FieldError name={name} error={error || refused || undefined} />
    </View>
  );
}
